/**
 * Soak: does memory stay flat under weeks-like mixed traffic? The gateway runs as operators run
 * it (`src/main.ts`, its own process, embedded simulator, JSON logs at info), and this process
 * drives it with a mix of:
 * - queries (contact pages with several search texts, single contacts: cache hits and misses);
 * - mutations (create, update, delete a contact: the store does not grow);
 * - subscriptions coming and going, over WebSocket and SSE, with many distinct arguments (so
 *   pollers start and stop), some left by cutting the socket instead of unsubscribing;
 * - pass-through callers with fresh tokens (a new tenant each) and unknown locations;
 * - signed webhooks, replays of them, forged ones;
 * - faults: requests aborted mid-flight, unparseable queries, invalid input, unknown ids.
 * RSS and heap are read from the gateway's own /metrics every 10 s.
 *
 * `npm run bench -- soak` runs 3 minutes; `npm run bench -- soak --minutes=10` the full soak.
 * Prints the figures and writes bench-results/soak.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { leaksIn } from '../helpers/log-capture.js';
import { settle, sseSubscribe, wsClient, wsSubscribe } from '../helpers/live.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';
import { report, round } from './lib.js';

const minutesArg = process.argv.find((a) => a.startsWith('--minutes='));
const MINUTES = Math.min(10, Math.max(0.5, Number(minutesArg?.split('=')[1] ?? 3)));
const DURATION_MS = MINUTES * 60_000;
const SAMPLE_EVERY_MS = 10_000;
const WORKERS = 8;

const keys = webhookKeys();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: new URL('../..', import.meta.url).pathname,
  env: {
    PATH: process.env['PATH'] ?? '',
    PORT: '0',
    LOG_PRETTY: 'false',
    GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem,
    SUBSCRIPTION_POLL_INTERVAL_MS: '2000',
    SUBSCRIPTION_POLL_MIN_MS: '1000',
    GHL_RATE_MAX_WAIT_MS: '2000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let logBytes = 0;
let logLines = 0;
const leaks = new Set<string>();
let head = '';
child.stdout!.setEncoding('utf8');
child.stdout!.on('data', (chunk: string) => {
  if (head.length < 4096) head += chunk;
  logBytes += chunk.length;
  for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) logLines++;
  for (const leak of leaksIn(chunk, [])) leaks.add(leak.slice(0, 24));
});
const url = await new Promise<string>((resolve, reject) => {
  const timer = setInterval(() => {
    const m = /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(head);
    if (m) {
      clearInterval(timer);
      resolve(m[1]!);
    }
  }, 50);
  child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
});
const base = url.replace(/\/graphql$/, '');
const locations = (/"locations":\[([^\]]*)\]/.exec(head)?.[1] ?? '').split(',').map((s) => s.replace(/"/g, ''));

// ---------------------------------------------------------------- traffic
const tally = new Map<string, number>();
const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);
/** Contacts seen, with their location: a contact is only found through its own location. */
const contactIds: { id: string; loc: string }[] = [];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: signal ?? AbortSignal.timeout(20_000),
  });
  const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  count(`graphql:${body.errors?.[0]?.extensions?.code ?? 'OK'}`);
  return body;
}

const SEARCHES = [null, 'a', 'e', 'o', 'smith', 'jo', 'an', 'li'];
const actions: [number, () => Promise<void>][] = [
  [30, async () => {
    const loc = pick(locations);
    const res = await gql('query Page($q: String) { contacts(first: 10, query: $q) { totalCount nodes { id name email tags } } }', { q: pick(SEARCHES) }, { 'x-location-id': loc });
    for (const n of res.data?.contacts?.nodes ?? []) if (contactIds.length < 500) contactIds.push({ id: n.id, loc });
  }],
  [10, async () => {
    if (!contactIds.length) return;
    const { id, loc } = pick(contactIds);
    await gql('query One($id: ID!) { contact(id: $id) { id name email tasks { title } notes { body } } }', { id }, { 'x-location-id': loc });
  }],
  [10, async () => {
    const at = { 'x-location-id': pick(locations) };
    const created = await gql('mutation Create($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } userErrors { code } } }', {
      input: { firstName: 'Soak', lastName: randomUUID().slice(0, 8), email: `soak.${randomUUID()}@example.com` },
    }, at);
    const id = created.data?.contactCreate?.contact?.id;
    if (!id) return;
    await gql('mutation Update($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id } userErrors { code } } }', { input: { id, firstName: 'Soaked' } }, at);
    await gql('mutation Delete($input: ContactDeleteInput!) { contactDelete(input: $input) { deletedContactId userErrors { code } } }', { input: { id } }, at);
  }],
  [8, async () => {
    // A subscription that comes and goes; one in three leaves by cutting the socket.
    const ws = wsClient(url, { 'x-location-id': pick(locations) });
    const sub = wsSubscribe(ws, 'subscription Watch($q: String) { contactsChanged(query: $q) { kind id } }', { q: `soak${Math.floor(Math.random() * 200)}` });
    await settle(2_000 + Math.random() * 8_000);
    count('subscription:ws');
    if (Math.random() < 1 / 3) {
      await ws.dispose(); // abrupt: no complete message first
    } else {
      sub.stop();
      await ws.dispose();
    }
  }],
  [4, async () => {
    const sse = sseSubscribe(url, 'subscription { contactsChanged { kind id } }', { 'x-location-id': pick(locations) });
    await sse.opened.catch(() => undefined);
    await settle(1_000 + Math.random() * 5_000);
    sse.stop();
    count('subscription:sse');
  }],
  [8, async () => {
    // A pass-through caller nobody has seen before: a fresh tenant.
    await gql('query Foreign { contacts(first: 1) { nodes { id } } }', {}, { authorization: `Bearer pit-${randomUUID()}`, 'x-location-id': pick(locations) });
  }],
  [4, async () => {
    await gql('query Nowhere { contacts(first: 1) { nodes { id } } }', {}, { 'x-location-id': `nowhere-${randomUUID()}` });
  }],
  [12, async () => {
    if (!contactIds.length) return;
    const { id, loc } = pick(contactIds);
    const body = webhookBody({ type: 'ContactUpdate', locationId: loc, id, firstName: `Hook${Math.floor(Math.random() * 1000)}` });
    const post = (headers: Record<string, string>) => fetch(`${base}/webhooks/ghl`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(10_000) });
    count(`webhook:${(await post({ 'x-wh-signature': keys.signRsa(body) })).status}`);
    if (Math.random() < 0.3) count(`webhook:${(await post({ 'x-wh-signature': keys.signRsa(body) })).status}`); // replay
    if (Math.random() < 0.3) count(`webhook:${(await post({ 'x-wh-signature': keys.signRsa(`${body} `) })).status}`); // forged
  }],
  [10, async () => {
    const fault = Math.floor(Math.random() * 4);
    if (fault === 0) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 5);
      await gql('query Aborted { contacts(first: 20) { nodes { id tasks { title } } } }', {}, { 'x-location-id': pick(locations) }, controller.signal).catch(() => count('fault:aborted'));
    } else if (fault === 1) {
      await gql('query Broken { contacts(first: ', {}, { 'x-location-id': pick(locations) });
    } else if (fault === 2) {
      await gql('mutation Bad($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } userErrors { code } } }', { input: { email: 'not-an-email' } }, { 'x-location-id': pick(locations) });
    } else {
      await gql('query Missing { contact(id: "doesNotExist00000001") { id } }', {}, { 'x-location-id': pick(locations) });
    }
  }],
];
const totalWeight = actions.reduce((n, [w]) => n + w, 0);
function pickAction(): () => Promise<void> {
  let r = Math.random() * totalWeight;
  for (const [w, a] of actions) if ((r -= w) < 0) return a;
  return actions[0]![1];
}

let running = true;
async function worker() {
  while (running) {
    try {
      await pickAction()();
    } catch {
      count('client:error');
    }
    await settle(20 + Math.random() * 80);
  }
}

// ---------------------------------------------------------------- sampling
interface Sample {
  atS: number;
  rssMiB: number;
  heapUsedMiB: number;
  pollers: number;
  subscribers: number;
  cacheEntries: number;
  operations: number;
}
async function sample(startedAt: number): Promise<Sample> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.split(' ')[1]) : NaN;
  };
  const operations = text
    .split('\n')
    .filter((l) => l.startsWith('gateway_graphql_operations_total{'))
    .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  return {
    atS: Math.round((Date.now() - startedAt) / 1000),
    rssMiB: round(value('gateway_process_resident_memory_bytes') / 2 ** 20),
    heapUsedMiB: round(value('gateway_nodejs_heap_size_used_bytes') / 2 ** 20),
    pollers: value('gateway_pollers_active'),
    subscribers: value('gateway_subscribers_active'),
    cacheEntries: value('gateway_cache_entries'),
    operations,
  };
}

const startedAt = Date.now();
const samples: Sample[] = [await sample(startedAt)];
console.log(`soak: ${MINUTES} min against ${url}, ${WORKERS} workers`);
const workers = Array.from({ length: WORKERS }, () => worker());
while (Date.now() - startedAt < DURATION_MS) {
  await settle(Math.min(SAMPLE_EVERY_MS, DURATION_MS - (Date.now() - startedAt)));
  const s = await sample(startedAt);
  samples.push(s);
  console.log(JSON.stringify(s));
}
running = false;
await Promise.all(workers);

// ---------------------------------------------------------------- figures
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/**
 * Growth over the last half, as a percentage of its mean: the least-squares trend across the
 * half's samples, times its length. Heap and RSS saw-tooth with each major GC, so comparing two
 * single samples says more about where the GC happened to be than about a leak; a trend does not.
 */
function growthLastHalfPct(pick: (s: Sample) => number): number {
  const half = samples.slice(Math.floor(samples.length / 2));
  const xs = half.map((s) => s.atS);
  const ys = half.map(pick);
  const mx = avg(xs);
  const my = avg(ys);
  const slope = xs.reduce((n, x, i) => n + (x - mx) * (ys[i]! - my), 0) / xs.reduce((n, x) => n + (x - mx) ** 2, 0);
  return round(((slope * (xs.at(-1)! - xs[0]!)) / my) * 100);
}
const rssGrowth = growthLastHalfPct((s) => s.rssMiB);
const heapGrowth = growthLastHalfPct((s) => s.heapUsedMiB);
const last = samples.at(-1)!;
const figures = {
  minutes: MINUTES,
  workers: WORKERS,
  operations: last.operations,
  operationsPerSecond: round(last.operations / ((Date.now() - startedAt) / 1000)),
  lastHalf: {
    rssMiB: { min: Math.min(...samples.slice(samples.length >> 1).map((s) => s.rssMiB)), max: Math.max(...samples.slice(samples.length >> 1).map((s) => s.rssMiB)) },
    heapUsedMiB: { min: Math.min(...samples.slice(samples.length >> 1).map((s) => s.heapUsedMiB)), max: Math.max(...samples.slice(samples.length >> 1).map((s) => s.heapUsedMiB)) },
  },
  rssMiB: { start: samples[0]!.rssMiB, peak: Math.max(...samples.map((s) => s.rssMiB)), end: last.rssMiB, growthLastHalfPct: rssGrowth },
  heapUsedMiB: { start: samples[0]!.heapUsedMiB, peak: Math.max(...samples.map((s) => s.heapUsedMiB)), end: last.heapUsedMiB, growthLastHalfPct: heapGrowth },
  flat: rssGrowth < 10 && heapGrowth < 10,
  traffic: Object.fromEntries([...tally].sort()),
  logs: { lines: logLines, MiB: round(logBytes / 2 ** 20), leaks: [...leaks] },
  samples,
};
child.kill('SIGTERM');
const [code] = await once(child, 'exit');
report('soak', { ...figures, exitCodeOnSigterm: code });
process.exit(figures.flat && leaks.size === 0 && code === 0 ? 0 : 1);

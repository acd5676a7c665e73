/**
 * Live by default: how long a change takes to reach subscribers with the DEFAULT poll interval
 * (60 s), measured over real sockets. A write through the gateway (published by the mutation
 * itself) against the same write made directly in the simulator (delivered by its signed webhook);
 * the baseline is what a poll-only gateway gives: half the interval on average.
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator } from '../../src/simulator/server.js';
import { sseSubscribe, until, wsClient, wsSubscribe } from '../helpers/live.js';
import { median, report, round } from './lib.js';

const ROUNDS = 30;
const sim = await startSimulator({ seed: { contactsPerLocation: 50 }, rateLimit: { burstMax: 1_000_000 } });
const app = await buildApp(
  loadConfig({ LOG_LEVEL: 'silent', GHL_RATE_BURST_MAX: '1000000', GHL_WEBHOOK_PUBLIC_KEY: sim.webhooks.publicKeys.rsa, GHL_WEBHOOK_ED25519_PUBLIC_KEY: sim.webhooks.publicKeys.ed25519 }),
  { simulator: sim },
);
const url = await app.start(0);
sim.webhooks.configure({ url: url.replace(/\/graphql$/, '/webhooks/ghl') });
const loc = sim.locations[0]!;
const SUB = `subscription { contactsChanged { id source node { firstName } } }`;

const client = wsClient(url);
const ws = wsSubscribe(client, SUB);
const sse = sseSubscribe(url, SUB);
await sse.opened;
await until(() => app.pollers.list()[0]?.subscribers === 2 && app.pollers.list()[0]!.ready);

const contacts = sim.store.listContacts(loc.id);
async function timeOne(i: number, via: 'mutation' | 'webhook'): Promise<{ ws: number; sse: number }> {
  const target = contacts[i % contacts.length]!;
  const n = ws.received.events.length;
  const began = performance.now();
  if (via === 'mutation') {
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id } } }`, variables: { input: { id: target.id, firstName: `${via}${i}` } } }) });
  } else {
    await fetch(`${sim.baseUrl}/contacts/${target.id}`, { method: 'PUT', headers: { authorization: `Bearer ${loc.token}`, version: '2021-07-28', 'content-type': 'application/json' }, body: JSON.stringify({ firstName: `${via}${i}` }) });
  }
  const wsAt = ws.received.waitFor(n + 1, 10_000).then(() => performance.now() - began);
  const sseAt = sse.received.waitFor(n + 1, 10_000).then(() => performance.now() - began);
  const [w, s] = await Promise.all([wsAt, sseAt]);
  await sim.webhooks.flush();
  return { ws: w, sse: s };
}

const figures: Record<string, unknown> = {};
for (const via of ['mutation', 'webhook'] as const) {
  const runs: { ws: number; sse: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await timeOne(i + (via === 'webhook' ? ROUNDS : 0), via));
  figures[via] = { rounds: ROUNDS, medianMsToWs: round(median(runs.map((r) => r.ws))), medianMsToSse: round(median(runs.map((r) => r.sse))), maxMs: round(Math.max(...runs.flatMap((r) => [r.ws, r.sse]))) };
}
const sources = ws.received.events.map((e) => e.contactsChanged.source);
figures['eventsPerWrite'] = round(ws.received.events.length / (2 * ROUNDS), 2);
figures['sources'] = { MUTATION: sources.filter((s) => s === 'MUTATION').length, WEBHOOK: sources.filter((s) => s === 'WEBHOOK').length, POLL: sources.filter((s) => s === 'POLL').length };
figures['pollsDuringRun'] = app.pollers.list()[0]!.polls - 1;
figures['baselinePollOnlyMeanMs'] = loadConfig({}).subscriptions.defaultIntervalMs / 2;
report('live-writes', figures);

ws.stop();
sse.stop();
await client.dispose();
await app.stop();
await sim.stop();

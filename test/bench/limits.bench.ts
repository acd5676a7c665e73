/**
 * How fast hostile requests are refused, and what they cost in memory: the must-show shapes of
 * issue 8 (nesting 10 and 20 levels, 500 aliases, a 12 MB document, a 100 MB body). Each figure
 * is the median of several runs, over a real socket to an in-process gateway.
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator } from '../../src/simulator/server.js';
import { streamPost } from '../helpers/stream-post.js';
import { median, report, round } from './lib.js';

const MB = 1024 * 1024;
const simulator = await startSimulator({ seed: { contactsPerLocation: 120 } });
const loc = simulator.locations[0]!;
const app = await buildApp(
  loadConfig({ LOG_LEVEL: 'silent', GHL_MODE: 'live', GHL_BASE_URL: simulator.baseUrl, GHL_LOCATION_ID: loc.id, GHL_PRIVATE_INTEGRATION_TOKEN: loc.token, GATEWAY_API_KEYS: `bench-key=${loc.id}` }),
);
const url = await app.start(0);
const auth = { authorization: 'Bearer bench-key' };

const nesting = (levels: number) => `{ contacts(first: 10) { nodes { id ${'opportunities { contact { '.repeat(levels)} id ${'} } '.repeat(levels)} } } }`;
const aliases = `{ ${Array.from({ length: 500 }, (_, i) => `c${i}: contact(id: "id${i}") { id }`).join(' ')} }`;
const big = `{ __typename ${' '.repeat(12 * MB)} }`;

async function post(query: string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim();
}

async function measure(name: string, run: () => Promise<string>, runs = 5) {
  const times: number[] = [];
  let outcome = '';
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    outcome = await run();
    times.push(performance.now() - t0);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  return [name, { outcome, medianMs: round(median(times)), heapGrowthMb: round((heapPeak - heapBefore) / MB) }] as const;
}

simulator.clearRequests();
const figures = Object.fromEntries([
  await measure('nesting 10 levels', () => post(nesting(10), auth)),
  await measure('nesting 20 levels', () => post(nesting(20), auth)),
  await measure('500 aliases of contact(id:)', () => post(aliases, auth)),
  await measure('12 MB document, no credentials', () => post(big, {})),
  await measure('12 MB document, authenticated', () => post(big, auth)),
  await measure('100 MB body, streamed', async () => String((await streamPost(url, { totalBytes: 100 * MB, headers: auth })).status), 3),
]);
report('limits', { ...figures, upstreamCallsDuringAll: simulator.requests.length });
await app.stop();
await simulator.stop();

/**
 * The critical path: `contact(id)` with tasks, notes and appointments, cold (distinct ids, so no
 * cache helps), against a standalone simulator with 50 ms latency. Baselines in the same run:
 * - one direct REST GET of the contact (the round-trip time: no client can answer faster);
 * - the same gateway with prefetch off (children wait for the contact: two round trips).
 * Goal: gateway p50 ≤ 1.2× the direct GET.
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { median, percentile, report, round, startStandaloneSimulator } from './lib.js';

const LATENCY_MS = 50;
const REQUESTS = 30;
const QUERY = `query($id: ID!) { contact(id: $id) { id name tasks { id title } notes { id body } appointments { id title } } }`;

const sim = await startStandaloneSimulator(['--latency', String(LATENCY_MS), '--burst-max', '1000000']);
// The same seed without latency: what the gateway's own work costs, apart from waiting on GHL.
const instantSim = await startStandaloneSimulator(['--latency', '0', '--burst-max', '1000000']);
const location = sim.locations[0]!;
const env = (prefetch: 'on' | 'off', upstream = sim) => ({
  GHL_BASE_URL: upstream.baseUrl,
  GHL_LOCATION_ID: location.id,
  GHL_PRIVATE_INTEGRATION_TOKEN: location.token,
  GHL_RATE_BURST_MAX: '1000000',
  GATEWAY_ALLOW_ANONYMOUS: 'on',
  GATEWAY_PREFETCH: prefetch,
  LOG_LEVEL: 'silent',
});

/** Contact ids of the seed, each used once per series so every request is cold. */
async function contactIds(count: number, offset: number): Promise<string[]> {
  const res = await fetch(`${sim.baseUrl}/contacts/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${location.token}`, version: '2021-07-28', 'content-type': 'application/json' },
    body: JSON.stringify({ locationId: location.id, pageLimit: count, page: 1 + offset / count }),
  });
  return ((await res.json()) as { contacts: { id: string }[] }).contacts.map((c) => c.id);
}

async function gatewaySeries(prefetch: 'on' | 'off', ids: string[], upstream = sim): Promise<number[]> {
  const app = await buildApp(loadConfig(env(prefetch, upstream)));
  const url = await app.start(0);
  const times: number[] = [];
  try {
    for (const id of ids) {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { id } }) });
      const body = (await res.json()) as { errors?: unknown };
      times.push(performance.now() - started);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  } finally {
    await app.stop();
  }
  return times;
}

async function directSeries(ids: string[], upstream = sim): Promise<number[]> {
  const times: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    const res = await fetch(`${upstream.baseUrl}/contacts/${id}`, { headers: { authorization: `Bearer ${location.token}`, version: '2021-07-28' } });
    await res.json();
    times.push(performance.now() - started);
  }
  return times;
}

try {
  const warm = await contactIds(10, 90);
  await gatewaySeries('on', warm); // JIT and connection warm-up, not counted
  await directSeries(warm);
  const direct = await directSeries(await contactIds(REQUESTS, 0));
  const on = await gatewaySeries('on', await contactIds(REQUESTS, 30));
  const off = await gatewaySeries('off', await contactIds(REQUESTS, 60));
  // Both seeds are generated alike, so the same ids exist in the instant simulator.
  const instantDirect = await directSeries(await contactIds(REQUESTS, 0), instantSim);
  const instantOn = await gatewaySeries('on', await contactIds(REQUESTS, 30), instantSim);
  const p50 = { direct: median(direct), prefetch: median(on), noPrefetch: median(off) };
  const instant = { direct: median(instantDirect), prefetch: median(instantOn) };
  report('critical-path', {
    latencyMs: LATENCY_MS,
    requests: REQUESTS,
    directRestGet: { p50Ms: round(p50.direct), p99Ms: round(percentile(direct, 99)) },
    gateway: { p50Ms: round(p50.prefetch), p99Ms: round(percentile(on, 99)), roundTrips: round(p50.prefetch / p50.direct, 2) },
    atZeroLatency: {
      directRestGetP50Ms: round(instant.direct),
      gatewayP50Ms: round(instant.prefetch),
      // Time spent waiting on GHL, in round trips of the direct GET; the rest is the gateway's own work.
      gatewayRoundTrips: round((p50.prefetch - instant.prefetch) / (p50.direct - instant.direct), 2),
      gatewayOwnWorkMs: round(instant.prefetch - instant.direct),
    },
    gatewayWithoutPrefetch: { p50Ms: round(p50.noPrefetch), p99Ms: round(percentile(off, 99)) },
    ratio: { gatewayOverDirect: round(p50.prefetch / p50.direct, 2), goal: 1.2, withoutPrefetchOverDirect: round(p50.noPrefetch / p50.direct, 2) },
  }, [
    { figure: 'contact(id) + tasks, notes, appointments, cold, p50', value: round(p50.prefetch), unit: 'ms', baseline: { name: 'one direct REST GET', value: round(p50.direct) }, goal: { ratioAtMost: 1.2 }, headline: true },
    { figure: 'the same with prefetch off (GATEWAY_PREFETCH=off), p50', value: round(p50.noPrefetch), unit: 'ms', baseline: { name: 'one direct REST GET', value: round(p50.direct) } },
    { figure: 'contact(id) + children with no upstream latency, p50', value: round(instant.prefetch), unit: 'ms', baseline: { name: 'direct REST GET, no latency', value: round(instant.direct) } },
    { figure: 'contact(id) + children: prefetch on against off, p50', value: round(p50.prefetch), unit: 'ms', baseline: { name: 'prefetch off', value: round(p50.noPrefetch) } },
  ]);
} finally {
  await sim.stop();
  await instantSim.stop();
}

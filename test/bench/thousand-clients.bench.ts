/**
 * 1,000 clients open the dashboard at the same moment, under GHL's real limits (100 calls per
 * 10 s per location) and 50 ms latency, against a standalone simulator. The gateway runs in its
 * own process. Baseline, in the same run: the same gateway with GATEWAY_CACHE=off (no cache, no
 * sharing of loads, no deduplication), so each client costs its own ~23 calls and waits for
 * budget; those that wait longer than GHL_RATE_MAX_WAIT_MS get RATE_LIMITED. Every request has a
 * deadline, so the run is bounded whatever happens. Goal: no 429 from GHL.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { percentile, report, round, startGatewayProcess, startStandaloneSimulator } from './lib.js';

const CLIENTS = 1_000;
const LATENCY_MS = 50;
const DEADLINE_MS = 30_000;
const documents = new URL('../../src/dashboard/documents/', import.meta.url);
const DASHBOARD = ['Dashboard.graphql', 'Fragments.graphql'].map((f) => readFileSync(new URL(f, documents), 'utf8')).join('\n');
const dayStart = new Date();
dayStart.setUTCHours(0, 0, 0, 0);
const body = JSON.stringify({ query: DASHBOARD, variables: { todayStart: dayStart.toISOString(), todayEnd: new Date(dayStart.getTime() + 86_400_000).toISOString() } });

interface Outcome {
  answered: number;
  failed: Record<string, number>;
  p50Ms: number | null;
  p99Ms: number | null;
  upstreamCalls: number;
  upstream429: number;
  cacheHitRatio: number;
  noOwnCallRatio: number;
  seconds: number;
}

async function run(cache: 'on' | 'off', locationIndex: number): Promise<Outcome> {
  // Its own simulator per series: a fresh rate window and request log, nothing left from the other.
  const sim = await startStandaloneSimulator(['--latency', String(LATENCY_MS)]);
  const loc = sim.locations[locationIndex]!;
  const gateway = await startGatewayProcess({ GHL_BASE_URL: sim.baseUrl, GHL_LOCATION_ID: loc.id, GHL_PRIVATE_INTEGRATION_TOKEN: loc.token, GATEWAY_ALLOW_ANONYMOUS: 'on', GATEWAY_CACHE: cache });
  const agent = new Agent({ connections: CLIENTS, headersTimeout: DEADLINE_MS, bodyTimeout: DEADLINE_MS });
  try {
    await sim.clearRequests();
    // Latencies of the clients that got their dashboard; a refusal is counted, not timed.
    const answeredIn: number[] = [];
    const failed: Record<string, number> = {};
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const t0 = performance.now();
        try {
          const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, dispatcher: agent, signal: AbortSignal.timeout(DEADLINE_MS) } as RequestInit);
          const answer = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          const code = answer.errors?.[0]?.extensions?.code;
          if (code) failed[code] = (failed[code] ?? 0) + 1;
          else answeredIn.push(performance.now() - t0);
        } catch (err) {
          const name = ((err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).name) || 'Error';
          failed[name] = (failed[name] ?? 0) + 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const statuses = (await sim.requests()).map((r) => r.status);
    const hits = await gateway.metric('gateway_cache_hits_total');
    const joined = await gateway.metric('gateway_cache_joined_total');
    const misses = await gateway.metric('gateway_cache_misses_total');
    const errors = Object.values(failed).reduce((a, b) => a + b, 0);
    return {
      answered: CLIENTS - errors,
      failed,
      p50Ms: answeredIn.length ? round(percentile(answeredIn, 50)) : null,
      p99Ms: answeredIn.length ? round(percentile(answeredIn, 99)) : null,
      upstreamCalls: statuses.length,
      upstream429: statuses.filter((s) => s === 429).length,
      cacheHitRatio: round(hits / Math.max(1, hits + joined + misses), 3),
      // A lookup that joins a load already in flight waits for it, but makes no call of its own.
      noOwnCallRatio: round((hits + joined) / Math.max(1, hits + joined + misses), 3),
      seconds: round(seconds),
    };
  } finally {
    await agent.close();
    await gateway.stop();
    await sim.stop();
  }
}

const on = await run('on', 0);
const off = await run('off', 1);
report(
  'thousand-clients',
  { clients: CLIENTS, latencyMs: LATENCY_MS, limit: '100 per 10 s per location (GHL)', deadlineMs: DEADLINE_MS, gateway: on, baselineCacheAndLoadersOff: off },
  [
    { figure: '1,000 dashboards at once: answered without error', value: on.answered, unit: 'clients', baseline: { name: 'cache and loaders off', value: off.answered } },
    { figure: '1,000 dashboards at once: upstream calls', value: on.upstreamCalls, unit: 'calls', baseline: { name: 'cache and loaders off', value: off.upstreamCalls }, headline: true },
    { figure: '1,000 dashboards at once: 429s from GHL', value: on.upstream429, unit: '429s', baseline: { name: 'cache and loaders off', value: off.upstream429 }, goal: { valueAtMost: 0 } },
    ...(['p50Ms', 'p99Ms'] as const).flatMap((p) => {
      const value = on[p];
      const baseline = off[p];
      if (value === null) return [];
      return [{ figure: `1,000 dashboards at once: ${p.slice(0, 3)} of those answered`, value, unit: 'ms', ...(baseline === null ? {} : { baseline: { name: 'cache and loaders off', value: baseline } }) }];
    }),
    { figure: '1,000 dashboards at once: cache hit ratio', value: on.cacheHitRatio, unit: '', baseline: { name: 'cache and loaders off', value: off.cacheHitRatio } },
    { figure: '1,000 dashboards at once: lookups with no upstream call of their own (hits and joined loads)', value: on.noOwnCallRatio, unit: '', baseline: { name: 'cache and loaders off', value: off.noOwnCallRatio } },
  ],
);

/**
 * The dashboard query (src/dashboard/documents/Dashboard.graphql), cold, against the same data
 * fetched by hand-written REST that does everything in parallel that can be: the location,
 * contacts, pipelines, open opportunities and calendars at once, then every contact's tasks and
 * every calendar's events at once. Both against a standalone simulator with 50 ms latency; the
 * rate limit is lifted here (a latency comparison; the real limits are the 1,000-clients
 * benchmark's). Upstream calls are counted from the simulator's request log, so a gateway that
 * makes more calls than the hand-written client shows it. Goal: gateway ≤ 1.1× the REST time.
 *
 * "Cold" means no data cached: the headline runs one gateway, as it serves, with its cache
 * emptied before each run, against a REST client in a process that has run before too. Both
 * then have their connections open and their code compiled, as a service and a script that has
 * run once have. The first query of a freshly built gateway (new connection pool, documents
 * parsed and planned for the first time) is reported beside it, against the same REST runs.
 */
import { readFileSync } from 'node:fs';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { LruTtlCache } from '../../src/loaders/cache.js';
import { ghlHeaders, median, report, round, startStandaloneSimulator } from './lib.js';

const LATENCY_MS = 50;
const RUNS = 7;
const documents = new URL('../../src/dashboard/documents/', import.meta.url);
const DASHBOARD = ['Dashboard.graphql', 'Fragments.graphql'].map((f) => readFileSync(new URL(f, documents), 'utf8')).join('\n');

const sim = await startStandaloneSimulator(['--latency', String(LATENCY_MS), '--burst-max', '1000000']);
const location = sim.locations[0]!;
const dayStart = new Date();
dayStart.setUTCHours(0, 0, 0, 0);
const dayEnd = new Date(dayStart.getTime() + 86_400_000);

/**
 * From the simulator's log: the time from the first call's arrival to the last call's answer.
 * What a run takes beyond it is the client's own work before the first call and after the last.
 */
async function upstreamSpanMs(): Promise<number> {
  const log = (await sim.requests()) as unknown as { at: string; durationMs: number }[];
  const starts = log.map((r) => Date.parse(r.at));
  const ends = log.map((r) => Date.parse(r.at) + r.durationMs);
  return Math.max(...ends) - Math.min(...starts);
}

type GatewayRun = { ms: number; calls: number; spanMs: number; warmMs: number };

const config = () =>
  loadConfig({ GHL_BASE_URL: sim.baseUrl, GHL_LOCATION_ID: location.id, GHL_PRIVATE_INTEGRATION_TOKEN: location.token, GHL_RATE_BURST_MAX: '1000000', GATEWAY_ALLOW_ANONYMOUS: 'on', LOG_LEVEL: 'silent' });

/** The dashboard query, timed: cold first (its upstream calls and span from the simulator's log), then warm. */
async function timedRun(app: App): Promise<GatewayRun> {
  const exec = async () => {
    const started = performance.now();
    const res = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DASHBOARD, variables: { todayStart: dayStart.toISOString(), todayEnd: dayEnd.toISOString() } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  await sim.clearRequests();
  const ms = await exec();
  const calls = (await sim.requests()).length;
  const spanMs = await upstreamSpanMs();
  return { ms, calls, spanMs, warmMs: await exec() };
}

/** A fresh app per run: new connections, nothing parsed or planned yet, nothing cached. */
async function freshGatewayRun(): Promise<GatewayRun> {
  const app = await buildApp(config());
  try {
    return await timedRun(app);
  } finally {
    await app.stop();
  }
}

/** What a careful REST client writes by hand for the same panels. */
async function restRun(): Promise<{ ms: number; calls: number; spanMs: number }> {
  const headers = ghlHeaders(location.token);
  const get = async (path: string) => (await fetch(sim.baseUrl + path, { headers })).json() as Promise<Record<string, any>>;
  const post = async (path: string, body: unknown) => (await fetch(sim.baseUrl + path, { method: 'POST', headers, body: JSON.stringify(body) })).json() as Promise<Record<string, any>>;
  await sim.clearRequests();
  const started = performance.now();
  const [, contacts, , , calendars] = await Promise.all([
    get(`/locations/${location.id}`),
    post('/contacts/search', { locationId: location.id, pageLimit: 15, sort: [{ field: 'dateUpdated', direction: 'desc' }] }),
    get(`/opportunities/pipelines?locationId=${location.id}`),
    post('/opportunities/search', {
      locationId: location.id,
      query: '',
      limit: 100,
      page: 1,
      searchAfter: [],
      additionalDetails: { notes: false, tasks: false, calendarEvents: false, unReadConversations: false },
      filters: [{ field: 'status', operator: 'eq', value: 'open' }],
      sort: [{ field: 'updatedAt', direction: 'desc' }],
    }),
    get(`/calendars/?locationId=${location.id}`),
  ]);
  await Promise.all([
    ...(contacts['contacts'] as { id: string }[]).map((c) => get(`/contacts/${c.id}/tasks`)),
    ...(calendars['calendars'] as { id: string }[])
      .slice(0, 10)
      .map((c) => get(`/calendars/events?locationId=${location.id}&calendarId=${c.id}&startTime=${dayStart.getTime()}&endTime=${dayEnd.getTime()}`)),
  ]);
  const ms = performance.now() - started;
  return { ms, calls: (await sim.requests()).length, spanMs: await upstreamSpanMs() };
}

// The serving gateway: one app, its cache emptied before each run.
const cache = new LruTtlCache({ maxEntries: 10_000 });
const serving = await buildApp(config(), { cache });
try {
  await timedRun(serving); // warm-up: JIT and connections, not counted
  await freshGatewayRun();
  await restRun();
  const gateway: GatewayRun[] = [];
  const fresh: GatewayRun[] = [];
  const rest: { ms: number; calls: number; spanMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    cache.clear();
    gateway.push(await timedRun(serving));
    rest.push(await restRun());
    fresh.push(await freshGatewayRun());
  }
  const g = { ms: median(gateway.map((r) => r.ms)), calls: median(gateway.map((r) => r.calls)), spanMs: median(gateway.map((r) => r.spanMs)), warmMs: median(gateway.map((r) => r.warmMs)) };
  const f = { ms: median(fresh.map((r) => r.ms)), calls: median(fresh.map((r) => r.calls)) };
  const r = { ms: median(rest.map((x) => x.ms)), calls: median(rest.map((x) => x.calls)), spanMs: median(rest.map((x) => x.spanMs)) };
  report(
    'dashboard',
    {
      latencyMs: LATENCY_MS,
      runs: RUNS,
      gateway: { medianMs: round(g.ms), upstreamCalls: g.calls, roundTrips: round(g.ms / LATENCY_MS, 2), firstCallToLastAnswerMs: round(g.spanMs), warmCacheMedianMs: round(g.warmMs) },
      freshlyBuiltGateway: { medianMs: round(f.ms), upstreamCalls: f.calls },
      handWrittenParallelRest: { medianMs: round(r.ms), upstreamCalls: r.calls, roundTrips: round(r.ms / LATENCY_MS, 2), firstCallToLastAnswerMs: round(r.spanMs) },
      ratio: { gatewayOverRest: round(g.ms / r.ms, 2), freshlyBuiltOverRest: round(f.ms / r.ms, 2), goal: 1.1 },
    },
    [
      { figure: 'Dashboard query, cold, median', value: round(g.ms), unit: 'ms', baseline: { name: 'hand-written parallel REST', value: round(r.ms) }, goal: { ratioAtMost: 1.1 }, headline: true },
      { figure: 'Dashboard query, first query of a freshly built gateway, median', value: round(f.ms), unit: 'ms', baseline: { name: 'hand-written parallel REST', value: round(r.ms) } },
      { figure: 'Dashboard query: first upstream call to last answer', value: round(g.spanMs), unit: 'ms', baseline: { name: 'hand-written parallel REST', value: round(r.spanMs) } },
      { figure: 'Dashboard query, warm cache (no upstream call), median', value: round(g.warmMs), unit: 'ms' },
      { figure: 'Dashboard query, upstream calls', value: g.calls, unit: 'calls', baseline: { name: 'hand-written parallel REST', value: r.calls }, goal: { ratioAtMost: 1 } },
    ],
  );
} finally {
  await serving.stop();
  await sim.stop();
}

/**
 * Burst scheduling: 250 reads for one location, all asked for at once, under GHL's real limit
 * (100 calls per 10 s per location) against a standalone simulator with 50 ms latency. The
 * gateway's budget spreads them with no 429; the theoretical minimum is three windows' worth:
 * the third hundred cannot start before 20 s, plus one round trip. Baseline, in the same run: the
 * same burst sent as a plain client would, all at once with no budget and no retry (the official
 * SDK neither queues nor retries 429s). Each run uses a location of its own, so no run inherits
 * another's window.
 */
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { operation } from '../../src/ghl/operations.js';
import { ghlHeaders, median, report, round, startStandaloneSimulator } from './lib.js';

const BURST_MAX = 100;
const WINDOW_MS = 10_000;
const LATENCY_MS = 50;
const CALLS = 250;
const RUNS = 2;
const minimumMs = (Math.ceil(CALLS / BURST_MAX) - 1) * WINDOW_MS + LATENCY_MS;

const sim = await startStandaloneSimulator(['--latency', String(LATENCY_MS), '--locations', String(2 * RUNS), '--contacts', '50']);

/** Each location's contact ids. The lookups open each location's window: wait it out once, so every run starts fresh. */
async function contactIds(): Promise<string[][]> {
  const ids = await Promise.all(
    sim.locations.map(async (loc) => {
      const res = await fetch(`${sim.baseUrl}/contacts/search`, { method: 'POST', headers: ghlHeaders(loc.token), body: JSON.stringify({ locationId: loc.id, pageLimit: 50 }) });
      return ((await res.json()) as { contacts: { id: string }[] }).contacts.map((c) => c.id);
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
  return ids;
}

async function run(budgeted: boolean, locationIndex: number, ids: string[]) {
  const loc = sim.locations[locationIndex]!;
  const client = new GhlClient({
    baseUrl: sim.baseUrl,
    requestTimeoutMs: 10_000,
    // The baseline gets a budget it can never run out of and no retries: every call goes at once.
    rateLimit: budgeted ? { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS, interactiveMaxWaitMs: 60_000 } : { burstMax: 1e9 },
    retry: budgeted ? {} : { maxAttempts: 1 },
  });
  const credential = staticCredential({ locationId: loc.id, token: loc.token, scopes: null });
  const getContact = operation('GET /contacts/{contactId}');
  await sim.clearRequests();
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: CALLS }, (_, i) => client.call(getContact, credential, { pathParams: { contactId: ids[i % ids.length]! } })));
  const ms = performance.now() - started;
  const statuses = (await sim.requests()).map((r) => r.status);
  await client.close();
  return { ms, succeeded: outcomes.filter((o) => o.status === 'fulfilled').length, upstream429: statuses.filter((s) => s === 429).length };
}

try {
  // Interleaved, one at a time: two bursts at once would share the machine and disturb each other.
  const ids = await contactIds();
  const budgeted = [];
  const naive = [];
  for (let i = 0; i < RUNS; i++) {
    budgeted.push(await run(true, 2 * i, ids[2 * i]!));
    naive.push(await run(false, 2 * i + 1, ids[2 * i + 1]!));
  }
  const g = { ms: median(budgeted.map((r) => r.ms)), succeeded: median(budgeted.map((r) => r.succeeded)), upstream429: median(budgeted.map((r) => r.upstream429)) };
  const n = { ms: median(naive.map((r) => r.ms)), succeeded: median(naive.map((r) => r.succeeded)), upstream429: median(naive.map((r) => r.upstream429)) };
  report(
    'rate-budget',
    {
      calls: CALLS,
      limit: `${BURST_MAX} per ${WINDOW_MS} ms per location (GHL's)`,
      latencyMs: LATENCY_MS,
      runs: RUNS,
      theoreticalMinimumMs: minimumMs,
      gateway: { medianMs: round(g.ms), overMinimumPct: round(((g.ms - minimumMs) / minimumMs) * 100, 1), succeeded: g.succeeded, upstream429: g.upstream429 },
      baselineUnbudgeted: { medianMs: round(n.ms), succeeded: n.succeeded, upstream429: n.upstream429 },
    },
    [
      { figure: `Burst of ${CALLS} calls under 100/10 s: time to all answered`, value: round(g.ms), unit: 'ms', baseline: { name: 'theoretical minimum', value: minimumMs }, headline: true },
      { figure: `Burst of ${CALLS} calls: succeeded`, value: g.succeeded, unit: 'calls', baseline: { name: 'plain client, no budget', value: n.succeeded } },
      { figure: `Burst of ${CALLS} calls: 429s from GHL`, value: g.upstream429, unit: '429s', baseline: { name: 'plain client, no budget', value: n.upstream429 }, goal: { valueAtMost: 0 } },
    ],
  );
} finally {
  await sim.stop();
}

/**
 * The rate budget's goal: a burst for one location is spread under GHL's limit with no 429, as
 * close to the fastest the limit allows as possible. GHL's window is scaled down (100 per 500 ms
 * instead of per 10 s) so a run takes seconds; the ratio to the minimum is what carries over.
 * Baseline, in the same run: the same burst sent as a plain client would, all at once with no
 * budget (the official SDK neither queues nor retries 429s).
 */
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { operation } from '../../src/ghl/operations.js';
import { startSimulator } from '../../src/simulator/server.js';
import { median, report, round } from './lib.js';

const BURST_MAX = 100;
const WINDOW_MS = 500;
const CALLS = 1_000;
const RUNS = 3;
const minimumMs = (CALLS / BURST_MAX - 1) * WINDOW_MS;

async function run(budgeted: boolean) {
  const sim = await startSimulator({ seed: { locations: 1, contactsPerLocation: 50 }, rateLimit: { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS } });
  const loc = sim.locations[0]!;
  const ids = sim.store.listContacts(loc.id).map((c) => c.id);
  const client = new GhlClient({
    baseUrl: sim.baseUrl,
    requestTimeoutMs: 10_000,
    // The baseline gets a budget it can never run out of and no retries: every call goes at once.
    rateLimit: budgeted ? { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS, safetyMarginMs: 10, interactiveMaxWaitMs: 60_000 } : { burstMax: 1e9 },
    retry: budgeted ? {} : { maxAttempts: 1 },
  });
  const credential = staticCredential({ locationId: loc.id, token: loc.token, scopes: null });
  const getContact = operation('GET /contacts/{contactId}');
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: CALLS }, (_, i) => client.call(getContact, credential, { pathParams: { contactId: ids[i % ids.length]! } })));
  const ms = performance.now() - started;
  const statuses = sim.requests.map((r) => r.status);
  await client.close();
  await sim.stop();
  return { ms, succeeded: outcomes.filter((o) => o.status === 'fulfilled').length, upstream429: statuses.filter((s) => s === 429).length };
}

const budgeted = [];
const naive = [];
for (let i = 0; i < RUNS; i++) {
  budgeted.push(await run(true));
  naive.push(await run(false));
}
const budgetedMs = median(budgeted.map((r) => r.ms));
report('rate-budget', {
  calls: CALLS,
  limit: `${BURST_MAX} per ${WINDOW_MS} ms (GHL: 100 per 10 s, scaled 20x)`,
  theoreticalMinimumMs: minimumMs,
  gateway: {
    medianMs: round(budgetedMs),
    overMinimumPct: round(((budgetedMs - minimumMs) / minimumMs) * 100, 1),
    succeeded: median(budgeted.map((r) => r.succeeded)),
    upstream429: median(budgeted.map((r) => r.upstream429)),
  },
  baselineUnbudgeted: {
    medianMs: round(median(naive.map((r) => r.ms))),
    succeeded: median(naive.map((r) => r.succeeded)),
    upstream429: median(naive.map((r) => r.upstream429)),
  },
  ratio: { succeededGatewayOverBaseline: round(median(budgeted.map((r) => r.succeeded)) / Math.max(1, median(naive.map((r) => r.succeeded))), 1) },
});

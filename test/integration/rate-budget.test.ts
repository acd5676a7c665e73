import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.js';
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { operation } from '../../src/ghl/operations.js';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { until } from '../helpers/live.js';

/**
 * GHL's limit, scaled down 10 times: 100 requests per second instead of per 10 s. A burst of 1,000
 * calls for one location must draw no 429 at all, and the simulator must never see more than the
 * limit in any window. The client and the simulator share a ManualClock, so the windows are the
 * limiter's schedule, not how busy the machine is; how close to the fastest possible time the
 * burst finishes on real time is a speed goal, measured by test/bench/rate-budget.bench.ts.
 */
const BURST_MAX = 100;
const WINDOW_MS = 1_000;
const CALLS = 1_000;

let sim: Simulator;
let client: GhlClient;
const clock = new ManualClock();

beforeAll(async () => {
  sim = await startSimulator({ clock, seed: { contactsPerLocation: 30 }, rateLimit: { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS } });
  client = new GhlClient({
    baseUrl: sim.baseUrl,
    clock,
    requestTimeoutMs: 5_000,
    rateLimit: { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS, safetyMarginMs: 10, interactiveMaxWaitMs: 30_000 },
  });
});
afterAll(async () => {
  await client.close();
  await sim.stop();
});

describe('rate budget', () => {
  it('spreads a burst of 1,000 calls under the limit: 0 responses with 429, never more than the limit in a window', async () => {
    const loc = sim.locations[0]!;
    const credential = staticCredential({ locationId: loc.id, token: loc.token, scopes: null });
    const ids = sim.store.listContacts(loc.id).map((c) => c.id);
    sim.clearRequests();

    const getContact = operation('GET /contacts/{contactId}');
    let answered = 0;
    const burst = Promise.all(
      Array.from({ length: CALLS }, (_, i) => client.call(getContact, credential, { pathParams: { contactId: ids[i % ids.length]! } }).finally(() => answered++)),
    );
    // Every call is either sent or queued before time moves; then time moves only while no call is
    // on the wire, so the simulator counts each call at the time the limiter sent it.
    const sent = () => client.limiter.stats(loc.id).usedToday;
    await until(() => sent() + client.limiter.stats(loc.id).queued.interactive === CALLS, 20_000);
    while (answered < CALLS) {
      await until(() => answered === sent(), 20_000);
      await clock.advance(WINDOW_MS / 10);
    }
    const results = await burst;

    expect(results).toHaveLength(CALLS);
    const statuses = sim.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses).toHaveLength(CALLS);
    expect(maxInAnyWindow(sim.requests.map((r) => Date.parse(r.at)), WINDOW_MS)).toBeLessThanOrEqual(BURST_MAX);
    expect(client.limiter.stats(loc.id).throttled429).toBe(0);
  });
});

describe('rate budget through GraphQL', () => {
  it('fails what cannot be sent before its deadline with RATE_LIMITED and retryAfter, and never draws a 429', async () => {
    const stack = await startStack({
      simulator: { rateLimit: { burstMax: 6, burstWindowMs: 60_000 } },
      env: { GHL_RATE_BURST_MAX: '6', GHL_RATE_BURST_WINDOW_MS: '60000', GHL_RATE_MAX_WAIT_MS: '50', GATEWAY_REQUEST_WINDOW_SHARE: '1' },
    });
    try {
      const res = await stack.execute(`{ contacts(first: 10) { nodes { id tasks { id } } } }`);
      const limited = (res.errors ?? []).filter((e) => e.extensions?.['code'] === 'RATE_LIMITED');
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]!.extensions?.['retryAfter']).toBeGreaterThan(0);
      expect(stack.upstream()).toHaveLength(6);
      expect(stack.upstream().some((r) => r.status === 429)).toBe(false);
    } finally {
      await stack.stop();
    }
  });
});

/** The most arrivals that fall in any window of `windowMs` (the simulator's own clock). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

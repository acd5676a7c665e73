import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { expectNoErrors, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';
import { until } from '../helpers/live.js';

/**
 * Fair sharing of a location's window. The gateway's clock is a ManualClock: budget only frees
 * when the test moves time, so "served within one window" is checked as "served before the clock
 * moved at all", with no wall-clock measure.
 *
 * Limits: 10 calls per 10 s window; one request may hold half of it. The heavy request costs 26
 * calls (a search and 25 task lists): 3 windows at the full rate, 6 at its share.
 */
const BURST = 10;
const WINDOW_MS = 10_000;
const HEAVY = `{ contacts(first: 25) { nodes { id tasks { id } } } }`;
const HEAVY_CALLS = 26;
const LIGHT = `{ contacts(first: 1, query: "light") { totalCount } }`;

let stack: Stack;
const clock = new ManualClock();

beforeAll(async () => {
  stack = await startStack({
    clock,
    simulator: { seed: { contactsPerLocation: 30 } },
    env: { GHL_RATE_BURST_MAX: String(BURST), GHL_RATE_BURST_WINDOW_MS: String(WINDOW_MS), GHL_RATE_MAX_WAIT_MS: '120000', GATEWAY_REQUEST_WINDOW_SHARE: '0.5' },
  });
});
afterAll(() => stack.stop());

describe('fair sharing of a location window', () => {
  it('serves a light client of location A within the window while a heavy request of A waits for its share', async () => {
    const locA = stack.simulator.locations[0]!.id;
    const asA = { 'x-location-id': locA };
    stack.resetLog();
    let answered = 0;
    stack.app.client.onResponse(() => answered++);
    const startedAt = clock.now();
    let heavy: GraphQLResponse | null = null;
    const heavyDone = stack.execute(HEAVY, {}, asA).then((r) => (heavy = r));

    // The heavy request takes its share of the window (5 calls), then waits in its own lane.
    await until(() => stack.upstream().length >= BURST / 2);
    const lanes = stack.app.client.lanes!;
    await until(() => lanes.stats(`${locA}#r1`).queued.interactive > 0 && answered === BURST / 2);
    expect(stack.upstream()).toHaveLength(BURST / 2);

    const light = await stack.execute(LIGHT, {}, asA);
    expectNoErrors(light);
    expect(light.extensions?.['cost']).toMatchObject({ upstreamCalls: 1 });
    // Served in the current window: the clock has not moved, the heavy request is still waiting.
    expect(clock.now()).toBe(startedAt);
    expect(heavy).toBeNull();
    expect(stack.app.client.limiter.stats(locA).queued.interactive).toBe(0);

    // Now let windows pass until the heavy request has everything. Before each move, every call
    // sent has had its answer handled (a slot is held from its answer), and the rest wait in the lane.
    const laneKey = `${locA}#r1`;
    for (let windows = 1; heavy === null && windows <= 30; windows++) {
      await clock.advance(WINDOW_MS + 500);
      await until(() => heavy !== null || (answered === stack.app.client.stats.exchanges && lanes.stats(laneKey).queued.interactive > 0));
    }
    await heavyDone;
    const result = expectNoErrors(heavy!) as { contacts: { nodes: unknown[] } };
    expect(result.contacts.nodes).toHaveLength(25);
    expect(stack.upstream()).toHaveLength(HEAVY_CALLS + 1);
    expect(stack.upstream().some((r) => r.status === 429)).toBe(false);
  });
});

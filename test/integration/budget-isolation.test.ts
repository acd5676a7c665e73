import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { expectNoErrors, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

/**
 * The budget belongs to the credential that spends it. GHL's real limits (100 per 10 s) on both
 * sides: if bogus bearers could spend location B's budget, 1,000 of them would use it up ten
 * times over, and B's own client would wait, then fail.
 */
const SEARCH = (i: number) => `{ contacts(first: 1, query: "probe-${i}") { totalCount } }`;
const BOGUS_TOKENS = 100;
const BOGUS_REQUESTS = 1_000;
const HONEST_REQUESTS = 40;

const realLimits = (extra: Record<string, string>) => ({
  simulator: { rateLimit: { burstMax: 100, burstWindowMs: 10_000 }, seed: { contactsPerLocation: 20 } },
  env: (sim: Simulator) => ({ GHL_RATE_BURST_MAX: '100', GATEWAY_API_KEYS: `key-a=${sim.locations[0]!.id},key-b=${sim.locations[1]!.id}`, ...extra }),
});

/** 1,000 bogus-bearer requests for location B, while the key-B client queries steadily. */
async function flood(stack: Stack): Promise<{ honest: GraphQLResponse[]; bogus: GraphQLResponse[] }> {
  const locB = stack.simulator.locations[1]!.id;
  const honest: GraphQLResponse[] = [];
  const steady = (async () => {
    for (let i = 0; i < HONEST_REQUESTS; i++) honest.push(await stack.execute(SEARCH(i), {}, { authorization: 'Bearer key-b' }));
  })();
  const bogus = await Promise.all(
    Array.from({ length: BOGUS_REQUESTS }, (_, i) => stack.execute(SEARCH(10_000 + i), {}, { authorization: `Bearer bogus-token-${i % BOGUS_TOKENS}`, 'x-location-id': locB })),
  );
  await steady;
  return { honest, bogus };
}

describe('budget per credential, pass-through on', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(realLimits({ GATEWAY_PASSTHROUGH: 'on' }));
  });
  afterAll(() => stack.stop());

  it("keeps bogus bearers off B's budget: B's client gets 100% success with no added wait; GHL sees at most one call per bogus token", async () => {
    const locB = stack.simulator.locations[1]!.id;
    stack.resetLog();
    const { honest, bogus } = await flood(stack);

    expect(honest).toHaveLength(HONEST_REQUESTS);
    for (const res of honest) expectNoErrors(res);
    const b = stack.app.client.limiter.stats(locB);
    // No added wait: B's calls were never queued, and B's ledger holds B's calls only.
    expect(b.waitedMs).toBe(0);
    expect(b.queued).toEqual({ interactive: 0, background: 0 });
    expect(b.usedInWindow).toBe(HONEST_REQUESTS);

    expect(bogus.every((r) => r.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED')).toBe(true);
    const refused = stack.upstream().filter((r) => r.status === 401);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(BOGUS_TOKENS);
    expect(stack.upstream().filter((r) => r.status === 200)).toHaveLength(HONEST_REQUESTS);
    expect(stack.upstream().some((r) => r.status === 429)).toBe(false);
  });

  it("does not let A's token, sent for location B, correct B's ledger", async () => {
    const [locA, locB] = stack.simulator.locations as [Simulator['locations'][number], Simulator['locations'][number]];
    const before = stack.app.client.limiter.stats(locB.id).usedInWindow;
    stack.resetLog();
    const res = await stack.execute(SEARCH(99_999), {}, { authorization: `Bearer ${locA.token}`, 'x-location-id': locB.id });
    expect(res.errors?.[0]?.extensions?.['code']).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    // GHL answered (with A's X-RateLimit-* headers); B's ledger did not move.
    expect(stack.upstream()).toHaveLength(1);
    expect(stack.app.client.limiter.stats(locB.id).usedInWindow).toBe(before);
  });
});

describe('budget per credential, pass-through off', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(realLimits({}));
  });
  afterAll(() => stack.stop());

  it('refuses every bogus bearer without calling GHL, while the key-B client is served', async () => {
    stack.resetLog();
    const { honest, bogus } = await flood(stack);
    expect(honest).toHaveLength(HONEST_REQUESTS);
    for (const res of honest) expectNoErrors(res);
    expect(bogus.every((r) => r.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED')).toBe(true);
    expect(stack.upstream().filter((r) => r.status !== 200)).toHaveLength(0);
    expect(stack.upstream()).toHaveLength(HONEST_REQUESTS);
  });
});

describe('limiter state is bounded', () => {
  let stack: Stack;
  const MAX_TENANTS = 100;
  beforeAll(async () => {
    stack = await startStack({ simulator: { seed: { contactsPerLocation: 5 } }, env: { GATEWAY_PASSTHROUGH: 'on', GATEWAY_MAX_TENANTS: String(MAX_TENANTS) } });
  });
  afterAll(() => stack.stop());

  it('keeps at most GATEWAY_MAX_TENANTS tenants however many locations callers invent', async () => {
    // The unit suite drives 30,000 fresh keys through the limiter; here four times the bound through the gateway.
    const REQUESTS = 4 * MAX_TENANTS;
    let next = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < REQUESTS) {
          const i = next++;
          const invented = `loc-${i}-${Math.random().toString(36).slice(2, 10)}`;
          await stack.execute(SEARCH(i), {}, { authorization: `Bearer made-up-${i}`, 'x-location-id': invented });
          peak = Math.max(peak, stack.app.client.limiter.keyCount);
        }
      }),
    );
    expect(stack.upstream().length).toBeGreaterThanOrEqual(REQUESTS);
    expect(peak).toBeLessThanOrEqual(MAX_TENANTS);
    expect(stack.app.client.tokenVerdicts.size).toBeLessThanOrEqual(MAX_TENANTS);
  });
});

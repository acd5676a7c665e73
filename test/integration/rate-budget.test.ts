import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.js';
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { operation } from '../../src/ghl/operations.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

/**
 * GHL's limit, scaled down 10 times so the test is fast: 100 requests per second instead of per
 * 10 s. A burst of 1,000 calls for one location must draw no 429 at all, and finish close to the
 * fastest the limit allows: the last of 10 batches can start 9 windows after the first.
 */
const BURST_MAX = 100;
const WINDOW_MS = 1_000;
const CALLS = 1_000;

let sim: Simulator;
let client: GhlClient;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 30 }, rateLimit: { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS } });
  client = new GhlClient({
    baseUrl: sim.baseUrl,
    requestTimeoutMs: 5_000,
    // The margin absorbs loopback transit jitter between our send time and the simulator's count.
    rateLimit: { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS, safetyMarginMs: 10, interactiveMaxWaitMs: 30_000 },
  });
});
afterAll(async () => {
  await client.close();
  await sim.stop();
});

describe('rate budget', () => {
  it('spreads a burst of 1,000 calls under the limit: 0 responses with 429, within 10% of the minimum time', async () => {
    const loc = sim.locations[0]!;
    const credential = staticCredential({ locationId: loc.id, token: loc.token, scopes: null });
    const ids = (await client.call<{ contacts: { id: string }[] }>(operation('POST /contacts/search'), credential, { body: { locationId: loc.id, pageLimit: 30 } })).data.contacts.map((c) => c.id);
    // Let the search's window pass so the burst starts on a fresh budget.
    await new Promise((r) => setTimeout(r, WINDOW_MS + 50));
    sim.clearRequests();

    const getContact = operation('GET /contacts/{contactId}');
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => client.call(getContact, credential, { pathParams: { contactId: ids[i % ids.length]! } })),
    );
    const elapsedMs = performance.now() - started;

    expect(results).toHaveLength(CALLS);
    const statuses = sim.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses).toHaveLength(CALLS);
    const minimumMs = (CALLS / BURST_MAX - 1) * WINDOW_MS;
    expect(elapsedMs).toBeGreaterThanOrEqual(minimumMs);
    expect(elapsedMs).toBeLessThanOrEqual(minimumMs * 1.1);
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

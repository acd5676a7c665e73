import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import type { GraphQLResponse } from '../helpers/stack.js';

/**
 * GATEWAY_CACHE=off is the baseline the 1,000-clients benchmark compares against: the same
 * answers, but every read goes upstream (no cross-request cache, no deduplication in a request).
 * Counted from the simulator's log, not timed.
 */
let sim: Simulator;
let cached: App;
let uncached: App;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 10 }, rateLimit: { burstMax: 100_000 } });
  const gateway = (cache: 'on' | 'off') => buildApp(loadConfig({ LOG_LEVEL: 'silent', GHL_RATE_BURST_MAX: '100000', GATEWAY_CACHE: cache }), { simulator: sim });
  cached = await gateway('on');
  uncached = await gateway('off');
});
afterAll(async () => {
  await cached.stop();
  await uncached.stop();
  await sim.stop();
});
beforeEach(() => sim.clearRequests());

async function run(app: App, query: string): Promise<GraphQLResponse> {
  const res = await app.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as GraphQLResponse;
  delete body.extensions;
  return body;
}

const contactGets = () => sim.requests.filter((r) => r.route === '/contacts/{contactId}').length;

describe('GATEWAY_CACHE=off', () => {
  it('answers as with the cache, but reads the same contact again for every mention and every request', async () => {
    const id = sim.store.listContacts(sim.locations[0]!.id)[0]!.id;
    const query = `{ a: contact(id: "${id}") { id name } b: contact(id: "${id}") { id name } }`;

    const withCache = [await run(cached, query), await run(cached, query)];
    expect(contactGets()).toBe(1);
    sim.clearRequests();
    const withoutCache = [await run(uncached, query), await run(uncached, query)];
    expect(contactGets()).toBe(4);

    expect(withoutCache).toEqual(withCache);
    expect(withCache[0]!.errors).toBeUndefined();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 10 } });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.clearRequests();
  sim.faults.clear();
});

describe('request log', () => {
  it('records every GHL call with route, operation, status, version and the token’s location', async () => {
    const loc = sim.locations[0]!;
    const contact = sim.store.listContacts(loc.id)[0]!;
    await call(sim, 'GET', `/contacts/${contact.id}`, { query: { x: 'a' } });
    await call(sim, 'GET', '/businesses/', { token: loc.readonlyToken, query: { locationId: loc.id } });
    await call(sim, 'GET', '/nope', { token: 'pit-not-a-token', version: null });

    expect(sim.requests).toHaveLength(3);
    const [first, second, third] = sim.requests as [any, any, any];
    expect(first).toMatchObject({
      method: 'GET',
      path: `/contacts/${contact.id}`,
      route: '/contacts/{contactId}',
      operationId: 'get-contact',
      query: { x: 'a' },
      status: 200,
      version: '2021-07-28',
      locationId: loc.id,
      tokenKind: 'pit',
    });
    expect(first.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ route: '/businesses/', status: 401, tokenKind: 'readonly-pit', locationId: loc.id });
    expect(third).toMatchObject({ route: null, operationId: null, status: 404, version: null, locationId: null, tokenKind: null });
    expect(second.seq).toBeGreaterThan(first.seq);
  });

  it('never stores a token or the Authorization header', async () => {
    const loc = sim.locations[0]!;
    await call(sim, 'GET', `/contacts/${sim.store.listContacts(loc.id)[0]!.id}`);
    await call(sim, 'GET', '/contacts/x', { token: loc.readonlyToken });
    await call(sim, 'GET', '/contacts/x', { token: 'pit-secret-guess' });
    const text = JSON.stringify(sim.requests) + JSON.stringify(await (await fetch(`${sim.baseUrl}/_sim/requests`)).json());
    for (const secret of [loc.token, loc.readonlyToken, 'pit-secret-guess', 'Bearer', 'authorization']) expect(text).not.toContain(secret);
  });

  it('is served at GET /_sim/requests and reset by DELETE /_sim/requests, neither of which is logged', async () => {
    await call(sim, 'GET', '/businesses/', { query: { locationId: sim.locations[0]!.id } });
    const listed = await fetch(`${sim.baseUrl}/_sim/requests`);
    expect(listed.status).toBe(200);
    const entries = (await listed.json()) as { route: string }[];
    expect(entries.map((e) => e.route)).toEqual(['/businesses/']);
    const cleared = await fetch(`${sim.baseUrl}/_sim/requests`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect(sim.requests).toEqual([]);
    expect(await (await fetch(`${sim.baseUrl}/_sim/requests`)).json()).toEqual([]);
  });

  it('does not rate-limit /_sim calls', async () => {
    const small = await startSimulator({ seed: { locations: 1, contactsPerLocation: 1 }, rateLimit: { burstMax: 1 } });
    try {
      for (let i = 0; i < 5; i++) expect((await fetch(`${small.baseUrl}/_sim/requests`)).status).toBe(200);
      expect((await call(small, 'GET', '/businesses/', { query: { locationId: small.locations[0]!.id } })).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});

describe('faults and latency', () => {
  it('fails the next matching call once, with rate-limit headers, then recovers', async () => {
    const loc = sim.locations[0]!;
    const contact = sim.store.listContacts(loc.id)[0]!;
    sim.faults.inject({ route: '/contacts/{contactId}', status: 503 });
    const failed = await call(sim, 'GET', `/contacts/${contact.id}`);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ statusCode: 503, message: 'Service Unavailable' });
    expect(failed.headers.get('x-ratelimit-remaining')).not.toBeNull();
    expect((await call(sim, 'GET', `/contacts/${contact.id}`)).status).toBe(200);
    expect(sim.faults.list()).toEqual([]);
  });

  it('matches faults by method and concrete path, `count` times', async () => {
    const loc = sim.locations[0]!;
    const [c1, c2] = [sim.store.listContacts(loc.id)[0]!, sim.store.listContacts(loc.id)[1]!];
    sim.faults.inject({ method: 'GET', path: `/contacts/${c1.id}`, status: 500, body: { statusCode: 500, message: 'boom' }, count: 2 });
    expect((await call(sim, 'GET', `/contacts/${c2.id}`)).status).toBe(200);
    expect((await call(sim, 'GET', `/contacts/${c1.id}`)).body).toEqual({ statusCode: 500, message: 'boom' });
    expect((await call(sim, 'GET', `/contacts/${c1.id}`)).status).toBe(500);
    expect((await call(sim, 'GET', `/contacts/${c1.id}`)).status).toBe(200);
  });

  it('delays responses by the configured latency on the simulator clock', async () => {
    const clock = new ManualClock();
    const slow = await startSimulator({ clock, seed: { locations: 1, contactsPerLocation: 1 }, latency: { fixedMs: 500, jitterMs: 0 } });
    try {
      let done = false;
      const pending = call(slow, 'GET', '/businesses/', { query: { locationId: slow.locations[0]!.id } }).then((r) => ((done = true), r));
      while (clock.pendingTimers === 0) await new Promise((r) => setImmediate(r));
      await clock.advance(499);
      expect(done).toBe(false);
      await clock.advance(1);
      expect((await pending).status).toBe(200);
      expect(slow.requests[0]!.durationMs).toBe(500);
      slow.setLatency({ fixedMs: 0, jitterMs: 0 });
      expect((await call(slow, 'GET', '/businesses/', { query: { locationId: slow.locations[0]!.id } })).status).toBe(200);
      expect(() => slow.setLatency({ fixedMs: -1, jitterMs: 0 })).toThrow();
    } finally {
      await slow.stop();
    }
  });
});

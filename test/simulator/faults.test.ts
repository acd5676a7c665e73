import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { Faults } from '../../src/simulator/faults.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.js';
import { call, type CallOptions } from './helpers.js';

/**
 * Injected faults over real loopback HTTP: every effect, the nth/everyNth/probability matching,
 * reproducibility from the seed, and what the request log and the store say afterwards. Time only
 * moves on a ManualClock; nothing sleeps.
 */

let sim: Simulator;
const clock = new ManualClock(Date.UTC(2026, 0, 1));

beforeAll(async () => {
  sim = await startSimulator({ clock, validateResponses: true, seed: { contactsPerLocation: 10 }, rateLimit: { burstMax: 100_000, dailyMax: 1_000_000 } });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

type Attempt = { status: number; body?: any; headers?: Headers } | { error: Error };

/** A call that may die on the wire. */
async function attempt(s: Simulator, method: string, path: string, opts: CallOptions = {}): Promise<Attempt> {
  try {
    return await call(s, method, path, opts);
  } catch (err) {
    return { error: err as Error };
  }
}
const outcome = (a: Attempt): string => ('error' in a ? 'dead' : String(a.status));

const loc = () => sim.locations[0]!;
const contactPath = () => `/contacts/${sim.store.listContacts(loc().id)[0]!.id}`;
const getContact = (s = sim) => attempt(s, 'GET', `/contacts/${s.store.listContacts(s.locations[0]!.id)[0]!.id}`);
let n = 0;
const newContactBody = () => ({ locationId: loc().id, firstName: 'Fault', email: `fault${++n}@example.com` });
const findByEmail = (email: string) => sim.store.listContacts(loc().id).find((c) => c.email === email);

/** Lets the event loop run until `done()` (the server is in-process), without a timer. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    if (done()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('effects', () => {
  it('respond: any status, the default NestJS body, marked in the log', async () => {
    sim.faults.add({ route: '/contacts/{contactId}' }, '502');
    const res = await getContact();
    expect(res).toMatchObject({ status: 502, body: { statusCode: 502, message: 'Bad Gateway' } });
    expect(sim.requests.at(-1)).toMatchObject({ status: 502, fault: 'respond', route: '/contacts/{contactId}' });
    expect(outcome(await getContact())).toBe('200');
    expect(sim.requests.at(-1)).not.toHaveProperty('fault');
  });

  it('respond 429 looks like the limiter’s own 429: budget headers with X-RateLimit-Remaining 0', async () => {
    sim.faults.inject({ method: 'GET', status: 429 });
    const res = (await getContact()) as { status: number; body: any; headers: Headers };
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ statusCode: 429, message: 'Too Many Requests' });
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    for (const h of ['x-ratelimit-max', 'x-ratelimit-interval-milliseconds', 'x-ratelimit-limit-daily', 'x-ratelimit-daily-remaining']) expect(res.headers.get(h), h).not.toBeNull();
  });

  it('latency: the handler runs at once, the answer waits on the simulator clock', async () => {
    sim.faults.add({ method: 'POST', route: '/contacts/' }, { kind: 'latency', ms: 1_500 });
    const body = newContactBody();
    let done = false;
    const pending = attempt(sim, 'POST', '/contacts/', { body }).then((r) => ((done = true), r));
    await until(() => findByEmail(body.email) !== undefined && clock.pendingTimers > 0, 'the handler');
    await clock.advance(1_499);
    expect(done).toBe(false);
    await clock.advance(1);
    expect(outcome(await pending)).toBe('201');
    expect(sim.requests.at(-1)).toMatchObject({ status: 201, fault: 'latency', durationMs: 1_500 });
  });

  it('reset: the socket dies before processing; nothing was created', async () => {
    sim.faults.add({ method: 'POST', route: '/contacts/' }, 'reset');
    const body = newContactBody();
    const res = await attempt(sim, 'POST', '/contacts/', { body });
    expect('error' in res).toBe(true);
    expect(findByEmail(body.email)).toBeUndefined();
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ method: 'POST', route: '/contacts/', status: 0, fault: 'reset' });
    // The connection pool recovers.
    expect(outcome(await attempt(sim, 'POST', '/contacts/', { body }))).toBe('201');
  });

  it('drop-after-processing: the contact IS created, the client gets no answer, the log has the real status', async () => {
    sim.faults.add({ method: 'POST', route: '/contacts/' }, 'drop-after-processing');
    const body = newContactBody();
    const res = await attempt(sim, 'POST', '/contacts/', { body });
    expect('error' in res).toBe(true);
    expect(findByEmail(body.email)).toBeDefined();
    expect(sim.requests.at(-1)).toMatchObject({ status: 201, fault: 'drop-after-processing' });
    // A retry of the POST now meets the duplicate.
    const retry = await attempt(sim, 'POST', '/contacts/', { body });
    expect(outcome(retry)).toBe('400');
  });

  it('hang: no answer however far the clock moves, until the client aborts', async () => {
    sim.faults.add({ route: '/contacts/{contactId}' }, 'hang');
    const abort = new AbortController();
    let settled = false;
    const pending = fetch(`${sim.baseUrl}${contactPath()}`, { headers: { authorization: `Bearer ${loc().token}`, version: '2021-07-28' }, signal: abort.signal }).finally(() => {
      settled = true;
    });
    await until(() => sim.requests.some((r) => r.fault === 'hang'), 'the hang to start');
    expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: 'hang' });
    await clock.advance(3_600_000);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    abort.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    // The simulator saw the client go: the entry's duration is final.
    await until(() => sim.requests.at(-1)!.durationMs === 3_600_000, 'the server to see the close');
    expect(outcome(await getContact())).toBe('200');
  });

  it('hang: stop() releases hanging calls', async () => {
    const other = await startSimulator({ seed: { locations: 1, contactsPerLocation: 1 } });
    other.faults.add({}, 'hang');
    const pending = getContact(other);
    await until(() => other.requests.length === 1, 'the hang to start');
    await other.stop();
    expect('error' in (await pending)).toBe(true);
  });
});

describe('matching', () => {
  it('nth fires on the n-th matching call only', async () => {
    sim.faults.add({ method: 'GET', route: '/contacts/{contactId}', nth: 3 }, '500');
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) seen.push(outcome(await getContact()));
    expect(seen).toEqual(['200', '200', '500', '200', '200']);
    expect(sim.faults.list()).toEqual([]);
  });

  it('nth counts only matching calls; other routes and methods do not advance it', async () => {
    sim.faults.add({ method: 'GET', path: contactPath(), nth: 2 }, '503');
    const seen: string[] = [];
    seen.push(outcome(await getContact()));
    seen.push(outcome(await attempt(sim, 'GET', '/businesses/', { query: { locationId: loc().id } })));
    seen.push(outcome(await attempt(sim, 'PUT', contactPath(), { body: { firstName: 'Same' } })));
    seen.push(outcome(await getContact()));
    expect(seen).toEqual(['200', '200', '200', '503']);
  });

  it('everyNth with count Infinity fires on every n-th call until removed', async () => {
    const id = sim.faults.add({ route: '/contacts/{contactId}', everyNth: 3 }, '503', Infinity);
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) seen.push(outcome(await getContact()));
    expect(seen).toEqual(['200', '200', '503', '200', '200', '503', '200', '200', '503']);
    expect(sim.faults.list()[0]).toMatchObject({ id, seen: 9, fired: 3, remaining: Infinity });
    sim.faults.remove(id);
    expect(outcome(await getContact())).toBe('200');
  });

  it('count limits the shots; methods may be a list', async () => {
    sim.faults.add({ method: ['get', 'PUT'], route: '/contacts/{contactId}' }, '500', 2);
    expect(outcome(await attempt(sim, 'PUT', contactPath(), { body: { firstName: 'X' } }))).toBe('500');
    expect(outcome(await getContact())).toBe('500');
    expect(outcome(await getContact())).toBe('200');
  });

  it('probability is reproducible from faultSeed, and differs with another seed', async () => {
    const pattern = async (opts: SimulatorOptions): Promise<string> => {
      const s = await startSimulator({ seed: { locations: 1, contactsPerLocation: 1 }, rateLimit: { burstMax: 100_000 }, ...opts });
      try {
        s.faults.add({ route: '/contacts/{contactId}', probability: 0.5 }, '503', Infinity);
        let out = '';
        for (let i = 0; i < 40; i++) out += outcome(await getContact(s)) === '503' ? 'x' : '.';
        return out;
      } finally {
        await s.stop();
      }
    };
    const [a, b, c] = [await pattern({ faultSeed: 7 }), await pattern({ faultSeed: 7 }), await pattern({ faultSeed: 8 })];
    expect(a).toBe(b);
    expect(a).toMatch(/x/);
    expect(a).toMatch(/\./);
    expect(c).not.toBe(a);
  });

  it('probability 0 never fires, probability 1 always does', async () => {
    sim.faults.add({ route: '/contacts/{contactId}', probability: 0 }, '500', Infinity);
    sim.faults.add({ route: '/contacts/{contactId}', probability: 1 }, '503', 2);
    expect([outcome(await getContact()), outcome(await getContact()), outcome(await getContact())]).toEqual(['503', '503', '200']);
  });

  it('validates rules', () => {
    expect(() => sim.faults.add({ nth: 0 }, '500')).toThrow(/nth/);
    expect(() => sim.faults.add({ probability: 1.5 }, '500')).toThrow(/probability/);
    expect(() => sim.faults.add({}, 'explode' as never)).toThrow(/Unknown fault effect/);
    expect(() => sim.faults.add({}, '500', 0)).toThrow(/count/);
    expect(() => sim.faults.chaos({ probability: 0.5, effects: [] })).toThrow(/effect/);
  });
});

describe('chaos', () => {
  it('fails about `probability` of the matching calls with the listed effects, and leaves other methods alone', async () => {
    const id = sim.faults.chaos({ probability: 0.3, effects: ['503', 'reset'], methods: ['GET'], seed: 1234 });
    const tally = { ok: 0, '503': 0, dead: 0 } as Record<string, number>;
    for (let i = 0; i < 200; i++) {
      const o = outcome(await getContact());
      tally[o === '200' ? 'ok' : o] = (tally[o === '200' ? 'ok' : o] ?? 0) + 1;
    }
    const failed = (tally['503'] ?? 0) + (tally['dead'] ?? 0);
    expect(tally['ok']! + failed).toBe(200);
    expect(failed / 200).toBeGreaterThan(0.2);
    expect(failed / 200).toBeLessThan(0.4);
    expect(tally['503']).toBeGreaterThan(0);
    expect(tally['dead']).toBeGreaterThan(0);
    // The log tells them apart; every call was logged once (no client retries of resets).
    const logged = sim.requests.filter((r) => r.route === '/contacts/{contactId}');
    expect(logged).toHaveLength(200);
    expect(logged.filter((r) => r.fault === 'reset' && r.status === 0)).toHaveLength(tally['dead']!);
    expect(logged.filter((r) => r.fault === 'respond' && r.status === 503)).toHaveLength(tally['503']!);

    for (let i = 0; i < 10; i++) expect(outcome(await attempt(sim, 'PUT', contactPath(), { body: { firstName: 'Calm' } }))).toBe('200');
    sim.faults.remove(id);
  });

  it('is reproducible with a seed', () => {
    const run = (seed: number): string => {
      const f = new Faults();
      f.chaos({ probability: 0.3, effects: ['503', 'reset', 'hang'], seed });
      return Array.from({ length: 60 }, () => f.take({ method: 'GET', path: '/x', route: '/x' }))
        .map((e) => (e === null ? '.' : e.kind === 'respond' ? String(e.status) : e.kind[0]))
        .join(' ');
    };
    expect(run(99)).toBe(run(99));
    expect(run(99)).not.toBe(run(100));
  });
});

describe('Faults (unit)', () => {
  it('counts a call against every matching rule, fires the first that fires, and keeps inject() as before', () => {
    const f = new Faults({ seed: 5 });
    const a = f.inject({ route: '/a', status: 500, count: 2 });
    const b = f.add({ route: '/a', nth: 2 }, 'reset');
    const take = () => f.take({ method: 'GET', path: '/a/1', route: '/a' });
    expect(take()).toEqual({ kind: 'respond', status: 500 });
    // The second call is b's 2nd, but a comes first and still has a shot.
    expect(take()).toEqual({ kind: 'respond', status: 500 });
    expect(f.list().map((r) => r.id)).toEqual([b]);
    expect(take()).toBeNull();
    expect(f.list()[0]).toMatchObject({ id: b, seen: 3, fired: 0 });
    expect(a).toBeLessThan(b);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { RateLimiter } from '../../src/ghl/rate-limiter.js';
import { TokenVerdicts } from '../../src/ghl/token-verdicts.js';
import { OAuthStates } from '../../src/installations/oauth-state.js';
import { ManualClock } from '../../src/lib/clock.js';

describe('rate limiter tenants', () => {
  it('30,000 fresh keys, used as the client uses them, leave the tenant count bounded', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, maxKeys: 1_000 });
    let peak = 0;
    for (let i = 0; i < 30_000; i++) {
      const key = `pt:${i}:${Math.random().toString(36).slice(2)}`;
      const takenAt = await limiter.acquire(key, { priority: 'interactive', operation: 'GET /x', inFlight: true });
      limiter.complete(key, takenAt);
      peak = Math.max(peak, limiter.keyCount);
      if (i % 1_000 === 0) await clock.advance(1);
    }
    expect(peak).toBeLessThanOrEqual(1_000);
    limiter.close();
  });

  it('never evicts a key with a call in flight or waiting, and drops idle keys once stale', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, maxKeys: 2, burstMax: 1, burstWindowMs: 1_000, idleEvictMs: 5_000 });
    const busy = await limiter.acquire('busy', { priority: 'interactive', operation: 'GET /x', inFlight: true });
    const waiting = limiter.acquire('busy', { priority: 'interactive', operation: 'GET /x' });
    for (let i = 0; i < 10; i++) limiter.complete(`idle-${i}`, await limiter.acquire(`idle-${i}`, { priority: 'interactive', operation: 'GET /x', inFlight: true }));
    // The busy key kept its queue: its waiter is still served once the slot frees.
    expect(limiter.stats('busy').queued.interactive).toBe(1);
    limiter.complete('busy', busy);
    await clock.advance(1_100);
    await expect(waiting).resolves.toBeTypeOf('number');
    await clock.advance(10_000);
    await limiter.acquire('fresh', { priority: 'interactive', operation: 'GET /x' });
    expect(limiter.keyCount).toBeLessThanOrEqual(2);
    limiter.close();
  });
});

describe('token verdicts', () => {
  it('lets one call try an unknown token; the others wait for its answer, then are refused without a call', async () => {
    const clock = new ManualClock();
    const verdicts = new TokenVerdicts({ clock, refusedTtlMs: 60_000 });
    const first = await verdicts.enter('pt:x');
    expect(first).not.toBe('refused');
    const others = Promise.all([verdicts.enter('pt:x'), verdicts.enter('pt:x')]);
    (first as (s: number) => void)(401);
    expect(await others).toEqual(['refused', 'refused']);
    await clock.advance(60_000);
    expect(await verdicts.enter('pt:x')).not.toBe('refused');
  });

  it('does not hold a missing-scope 401, a 429 or a 5xx against the token', async () => {
    const verdicts = new TokenVerdicts({ clock: new ManualClock(), refusedTtlMs: 60_000 });
    for (const [status, scope] of [[401, true], [429, false], [503, false]] as const) {
      const report = await verdicts.enter(`pt:${status}`);
      (report as (s: number, scope: boolean) => void)(status, scope);
      expect(await verdicts.enter(`pt:${status}`)).not.toBe('refused');
    }
  });

  it('is bounded', async () => {
    const verdicts = new TokenVerdicts({ clock: new ManualClock(), refusedTtlMs: 60_000, maxEntries: 50 });
    for (let i = 0; i < 500; i++) ((await verdicts.enter(`pt:${i}`)) as (s: number) => void)(401);
    expect(verdicts.size).toBe(50);
  });
});

describe('OAuth state', () => {
  it('is signed, single-use and expiring', async () => {
    const clock = new ManualClock();
    const states = new OAuthStates({ secret: 'app-secret', clock, ttlMs: 600_000 });
    const state = states.issue();
    expect(await states.consume(null)).toBe('missing');
    expect(await states.consume('not-a-state')).toBe('malformed');
    const [nonce, expires] = state.split('.');
    expect(await states.consume(`${nonce}.${expires}.forged-signature-forged-signature-forged00`)).toBe('forged');
    expect(await new OAuthStates({ secret: 'another-secret', clock }).consume(state)).toBe('forged');
    expect(await states.consume(state)).toBe('ok');
    expect(await states.consume(state)).toBe('unknown');
    const late = states.issue();
    await clock.advance(600_000);
    expect(await states.consume(late)).toBe('expired');
  });
});

describe('access defaults', () => {
  const live = { GHL_BASE_URL: 'http://127.0.0.1:1', GHL_LOCATION_ID: 'loc1', GHL_PRIVATE_INTEGRATION_TOKEN: 'pit-x' };
  it('opens simulator mode without keys, and closes everything else unless told', () => {
    expect(loadConfig({}).access).toMatchObject({ passThrough: true, allowAnonymous: true, corsOrigins: ['*'] });
    expect(loadConfig(live).access).toMatchObject({ passThrough: false, allowAnonymous: false, corsOrigins: [] });
    expect(loadConfig({ GATEWAY_API_KEYS: 'k=loc1' }).access).toMatchObject({ passThrough: false, allowAnonymous: false });
    expect(loadConfig({ ...live, GATEWAY_PASSTHROUGH: 'on', GATEWAY_ALLOW_ANONYMOUS: 'on', CORS_ORIGINS: 'https://a.example, https://b.example' }).access).toMatchObject({
      passThrough: true,
      allowAnonymous: true,
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(() => loadConfig({ GATEWAY_PASSTHROUGH: 'yes' })).toThrow(/GATEWAY_PASSTHROUGH/);
    expect(() => loadConfig({ GATEWAY_REQUEST_WINDOW_SHARE: '0' })).toThrow(/GATEWAY_REQUEST_WINDOW_SHARE/);
  });
});

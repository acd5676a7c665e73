import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

const RATE_HEADERS = ['x-ratelimit-limit-daily', 'x-ratelimit-daily-remaining', 'x-ratelimit-interval-milliseconds', 'x-ratelimit-max', 'x-ratelimit-remaining'];

let sim: Simulator;
const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));

beforeAll(async () => {
  sim = await startSimulator({ clock, seed: { contactsPerLocation: 10 }, rateLimit: { burstMax: 3, burstWindowMs: 1_000, dailyMax: 5 } });
});
afterAll(async () => {
  await sim.stop();
});

describe('rate limits (per location, injectable clock)', () => {
  const [locA, locB] = [() => sim.locations[0]!, () => sim.locations[1]!];
  const get = (token: string) => call(sim, 'GET', '/businesses/', { token, query: { locationId: token === locA().token ? locA().id : locB().id } });

  it('counts down, refuses the (max+1)-th call in the window with 429, and resets with the window', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await get(locA().token);
      expect(res.status).toBe(200);
      for (const h of RATE_HEADERS) expect(res.headers.get(h), h).not.toBeNull();
      expect(res.headers.get('x-ratelimit-max')).toBe('3');
      expect(res.headers.get('x-ratelimit-interval-milliseconds')).toBe('1000');
      expect(res.headers.get('x-ratelimit-limit-daily')).toBe('5');
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await get(locA().token);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, message: 'Too Many Requests' });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('retry-after')).toBeNull();

    // Another location has its own budget.
    expect((await get(locB().token)).status).toBe(200);

    await clock.advance(999);
    expect((await get(locA().token)).status).toBe(429);
    await clock.advance(1);
    const fresh = await get(locA().token);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(fresh.headers.get('x-ratelimit-daily-remaining')).toBe('1');
  });

  it('carries the headers on error responses too, and enforces the daily budget until the UTC day ends', async () => {
    // A request that breaks the spec (no locationId) still spends budget: the last unit of the day.
    const invalid = await call(sim, 'GET', '/businesses/', { token: locA().token });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('x-ratelimit-daily-remaining')).toBe('0');

    await clock.advance(1_000);
    const overDaily = await get(locA().token);
    expect(overDaily.status).toBe(429);
    expect(overDaily.headers.get('x-ratelimit-daily-remaining')).toBe('0');
    expect(overDaily.headers.get('x-ratelimit-remaining')).toBe('3');

    await clock.advance(12 * 3_600_000);
    const nextDay = await get(locA().token);
    expect(nextDay.status).toBe(200);
    expect(nextDay.headers.get('x-ratelimit-daily-remaining')).toBe('4');
  });

  it('logs refused calls with their status', () => {
    expect(sim.requests.filter((r) => r.status === 429).length).toBe(3);
  });
});

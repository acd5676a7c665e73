import { GHLRateLimitError } from '@gohighlevel/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.js';
import { sdkClient } from './client.js';

/**
 * The official SDK's rate-limit handling against the simulator's budget: the `X-RateLimit-*`
 * headers on every answer, the parsed budget on a 429 (`GHLRateLimitError.rateLimit`), and with
 * `rateLimitRetry` on, a wait of `X-RateLimit-Interval-Milliseconds` and a retry that succeeds.
 * Small budgets and a short window stand in for GHL's 100 per 10 s.
 */

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(rateLimit: SimulatorOptions['rateLimit'], sdkOptions: { rateLimitRetry?: boolean } = {}) {
  sim = await startSimulator({ rateLimit, seed: { contactsPerLocation: 10 } });
  const loc = sim.locations[0]!;
  // The SDK logs every 429 as an error; these are expected here.
  const sdk = sdkClient(sim.baseUrl, { privateIntegrationToken: loc.token, logLevel: 'none', ...sdkOptions });
  const contactId = sim.store.listContacts(loc.id)[0]!.id;
  return { sim, sdk, getContact: () => sdk.contacts.getContact({ contactId }) };
}

const statuses = (sim: Simulator) => sim.requests.map((r) => r.status);

describe('rate limits through the official SDK', () => {
  it('sees the X-RateLimit-* headers on every answer, and the parsed budget on a 429 (retry off by default)', async () => {
    const { sim, sdk, getContact } = await start({ burstMax: 3, burstWindowMs: 600_000, dailyMax: 1000 });
    const seen: Record<string, unknown>[] = [];
    sdk.addResponseInterceptor({ onFulfilled: (res) => (seen.push({ ...res.headers }), res) });
    for (let i = 0; i < 3; i++) await getContact();
    expect(seen.map((h) => h['x-ratelimit-remaining'])).toEqual(['2', '1', '0']);
    expect(seen[0]).toMatchObject({ 'x-ratelimit-max': '3', 'x-ratelimit-interval-milliseconds': '600000', 'x-ratelimit-limit-daily': '1000', 'x-ratelimit-daily-remaining': '999' });

    const refused = await getContact().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(GHLRateLimitError);
    expect((refused as GHLRateLimitError).statusCode).toBe(429);
    expect((refused as GHLRateLimitError).rateLimit).toMatchObject({ scope: 'burst', intervalMs: 600_000, max: 3, remaining: 0, dailyLimit: 1000, dailyRemaining: 997 });
    expect(statuses(sim)).toEqual([200, 200, 200, 429]);
  });

  it('with rateLimitRetry on, waits the reported interval after a burst 429 and succeeds on the retry', async () => {
    const { sim, getContact } = await start({ burstMax: 2, burstWindowMs: 250, dailyMax: 1000 }, { rateLimitRetry: true });
    const results = await Promise.all([getContact(), getContact(), getContact()]);
    expect(results.every((r) => r.contact !== undefined)).toBe(true);
    const log = statuses(sim);
    expect(log.filter((s) => s === 200)).toHaveLength(3);
    expect(log).toContain(429);
    // Every 429 was followed by a retry: as many extra calls as refusals.
    expect(log).toHaveLength(3 + log.filter((s) => s === 429).length);
  });

  it('with rateLimitRetry on, does not retry once the daily budget is spent', async () => {
    const { sim, getContact } = await start({ burstMax: 100, burstWindowMs: 250, dailyMax: 2 }, { rateLimitRetry: true });
    await getContact();
    await getContact();
    const refused = await getContact().catch((err: unknown) => err);
    expect((refused as GHLRateLimitError).rateLimit).toMatchObject({ scope: 'daily', dailyLimit: 2, dailyRemaining: 0 });
    expect(statuses(sim)).toEqual([200, 200, 429]);
  });
});

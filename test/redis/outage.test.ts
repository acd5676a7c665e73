import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, gql, requireMachineRedis, runPrefix, startOwnRedis, startReplica, startSimulatorProcess, trackedKillAll, until, type Proc, type Replica } from './cluster.js';

/**
 * Redis going away mid-run. This suite starts a Redis server of its own on a free port (the
 * machine's Redis is never stopped), two gateway processes on it, then kills that server: queries
 * keep working on local limits and a cold cache, `/ready` says degraded, and once the server is
 * back the replicas share their cache again.
 */
const prefix = runPrefix('outage');
let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;
let replicas: Replica[];
let redis: Proc;
let port: number;

beforeAll(async () => {
  await requireMachineRedis();
  port = await freePort();
  redis = await startOwnRedis(port);
  sim = await startSimulatorProcess({ seed: { contactsPerLocation: 20 }, rateLimit: { burstMax: 100_000 }, redirectUri: 'http://127.0.0.1/cb' });
  const loc = sim.info.locations[0]!;
  const env = {
    GHL_MODE: 'live',
    GHL_BASE_URL: sim.info.baseUrl,
    GHL_LOCATION_ID: loc.id,
    GHL_PRIVATE_INTEGRATION_TOKEN: loc.token,
    REDIS_URL: `redis://127.0.0.1:${port}`,
    REDIS_KEY_PREFIX: prefix,
    GHL_RATE_BURST_MAX: '100000',
    LOG_LEVEL: 'warn',
    // Live mode without API keys is closed by default; these replicas sit on a private network.
    GATEWAY_ALLOW_ANONYMOUS: 'on',
  };
  replicas = await Promise.all(['A', 'B'].map((name) => startReplica(name, env)));
}, 180_000);

afterAll(async () => {
  for (const r of replicas ?? []) await r.proc.kill('SIGTERM');
  await sim?.proc.kill('SIGTERM');
  await redis?.kill('SIGKILL');
  trackedKillAll();
}, 60_000);

const SEARCH = `query($q: String) { contacts(first: 2, query: $q) { totalCount nodes { id } } }`;
const searches = async () => (await sim.requests()).filter((e) => e.path === '/contacts/search').length;
const ready = async (r: Replica) => (await (await fetch(`${r.origin}/ready`)).json()) as { ready: boolean; degraded: boolean };

/** Reads `q` on A, then on B; returns how many upstream searches B's read cost. */
async function sharedRead(q: string): Promise<number> {
  expect((await gql(replicas[0]!.url, SEARCH, { q })).errors).toBeUndefined();
  const before = await searches();
  expect((await gql(replicas[1]!.url, SEARCH, { q })).errors).toBeUndefined();
  return (await searches()) - before;
}

describe('Redis stopped in the middle of a run', () => {
  it('keeps answering on local behaviour while Redis is down, and shares again once it is back', async () => {
    expect(await sharedRead('before')).toBe(0);
    expect(await ready(replicas[0]!)).toMatchObject({ ready: true, degraded: false });

    await redis.kill('SIGKILL');
    await until(async () => (await ready(replicas[0]!)).degraded && (await ready(replicas[1]!)).degraded, 'both replicas to notice');
    // Queries still work: a cold local cache, local limits. B cannot see what A cached.
    expect(await sharedRead('during')).toBe(1);
    for (const r of replicas) {
      const res = await gql(r.url, SEARCH, { q: 'before' });
      expect(res.errors).toBeUndefined();
    }
    const logged = (r: Replica, text: string) => r.proc.logLines().filter((l) => String(l['msg']).startsWith(text));
    expect(logged(replicas[0]!, 'redis: connection lost')).toHaveLength(1);

    redis = await startOwnRedis(port);
    await until(async () => !(await ready(replicas[0]!)).degraded && !(await ready(replicas[1]!)).degraded, 'both replicas to reconnect');
    expect(await sharedRead('after')).toBe(0);
    // Logged through the gateway's logger, and the failed reconnects of the whole outage in a line or two.
    const [restored] = logged(replicas[1]!, 'redis: connection restored');
    expect(restored).toMatchObject({ level: 'info' });
    expect(restored!['errorsWhileDown']).toBeGreaterThan(0);
    expect(logged(replicas[1]!, 'redis: connection error').length).toBeLessThanOrEqual(2);
    expect(replicas[1]!.proc.stderr()).not.toContain('redis:');
  }, 120_000);
});

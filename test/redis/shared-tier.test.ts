import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GhlRateLimitedError } from '../../src/ghl/errors.js';
import { TokenStoreError, type Installation } from '../../src/ghl/token-store.js';
import { SharedCacheTier } from '../../src/redis/cache.js';
import { connectRedis, type RedisLink } from '../../src/redis/connection.js';
import { RedisRateGate } from '../../src/redis/rate-gate.js';
import { RedisRefreshLock, RedisTokenStore } from '../../src/redis/token-store.js';
import { deletePrefix, freePort, MACHINE_REDIS_URL, requireMachineRedis, runPrefix, until } from './cluster.js';

/**
 * The Redis building blocks against the machine's Redis, two "replicas" per case (two links with
 * the same prefix, as two processes would have). The multi-process suites prove the whole; these
 * pin the rules each block keeps.
 */
const prefix = runPrefix('tier');
const links: RedisLink[] = [];
const link = async () => {
  const l = connectRedis({ url: MACHINE_REDIS_URL, prefix });
  links.push(l);
  expect(await l.whenReady(10_000)).toBe(true);
  return l;
};

beforeAll(() => requireMachineRedis());
afterAll(async () => {
  for (const l of links) await l.close();
  await deletePrefix(MACHINE_REDIS_URL, prefix);
});

describe('Redis connection logs', () => {
  it("go to the app's logger, one line for many failed reconnects, never with the password", async () => {
    const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
    const logger = {
      info: (fields: Record<string, unknown>, message: string) => void lines.push({ level: 'info', fields, message }),
      warn: (fields: Record<string, unknown>, message: string) => void lines.push({ level: 'warn', fields, message }),
    };
    // Nothing listens on this port: every connection attempt fails.
    const l = connectRedis({ url: `redis://:s3cret-pass-word@127.0.0.1:${await freePort()}/0`, prefix, logger });
    links.push(l);
    let failures = 0;
    l.command.on('error', () => failures++);
    l.subscriber.on('error', () => failures++);
    expect(await l.whenReady(1_500)).toBe(false);
    await until(() => failures >= 6, 'several failed reconnects', 20_000);
    const errors = lines.filter((x) => x.message.startsWith('redis: connection error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 'warn', fields: { code: 'ECONNREFUSED' } });
    expect(lines.some((x) => x.message.startsWith('redis: not reachable at start'))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('s3cret-pass-word');
  }, 30_000);
});

describe('shared cache tier', () => {
  it('drops a key from every replica, and refuses a fill whose read began before the delete', async () => {
    const a = new SharedCacheTier(await link(), { maxL1Entries: 100, l1TtlMs: 60_000 });
    const b = new SharedCacheTier(await link(), { maxL1Entries: 100, l1TtlMs: 60_000 });
    await Promise.all([a.subscribed, b.subscribed]);
    const key = 'ghl:v1:loc:X:contact:g0:c1';
    await a.cache.set(key, { name: 'old' }, 60_000);
    expect(await b.cache.get(key)).toEqual({ name: 'old' }); // now in B's L1 too
    await a.cache.delete(key);
    await until(async () => (await b.cache.get(key)) === undefined, "B's L1 to drop the key", 20_000);

    // B misses, reads GHL slowly; meanwhile A writes (and deletes). B's old value must not land.
    expect(await b.cache.get(key)).toBeUndefined();
    await a.cache.delete(key);
    await b.cache.set(key, { name: 'old, read before the write' }, 60_000);
    expect(await b.cache.get(key)).toBeUndefined();
    expect(await a.cache.get(key)).toBeUndefined();
    // A read that starts after the write fills normally.
    await a.cache.set(key, { name: 'new' }, 60_000);
    expect(await b.cache.get(key)).toEqual({ name: 'new' });
  }, 60_000);

  it("never serves from B's L1 what A invalidated, even when A's broadcast has not reached B", async () => {
    const a = new SharedCacheTier(await link(), { maxL1Entries: 100, l1TtlMs: 60_000 });
    const linkB = await link();
    const b = new SharedCacheTier(linkB, { maxL1Entries: 100, l1TtlMs: 60_000 });
    await Promise.all([a.subscribed, b.subscribed]);
    // B no longer hears invalidations: only what it reads from Redis can tell it.
    await linkB.subscriber.unsubscribe(`${prefix}cache:invalidate`);
    const tenant = `loc:L1-${Date.now()}`;
    const other = `ghl:v1:${tenant}:contact:g0:neighbour`;
    await a.cache.set(other, 'untouched', 60_000);
    for (let round = 0; round < 50; round++) {
      // A fresh key each round: a deleted key's tombstone would refuse A's next fill.
      const key = `ghl:v1:${tenant}:contact:g0:c${round}`;
      await a.cache.set(key, `v${round}`, 60_000);
      expect(await b.cache.get(key)).toBe(`v${round}`); // in B's L1 now
      expect(await b.cache.get(key)).toBe(`v${round}`); // served from it
      await a.cache.delete(key);
      expect(await b.cache.get(key)).toBeUndefined();
      const generation = await b.generations.current(tenant, 'contactSearch');
      await a.generations.bump(tenant, 'contactSearch');
      expect(await b.generations.current(tenant, 'contactSearch')).toBe(generation + 1);
    }
    // A neighbour in the same scope is re-read from Redis, not lost.
    expect(await b.cache.get(other)).toBe('untouched');
  }, 60_000);

  it('shares generations: a bump on one replica moves every replica to the new key space', async () => {
    const a = new SharedCacheTier(await link(), { maxL1Entries: 100, l1TtlMs: 60_000 });
    const b = new SharedCacheTier(await link(), { maxL1Entries: 100, l1TtlMs: 60_000 });
    const before = await b.generations.current('loc:X', 'contactSearch');
    await a.generations.bump('loc:X', 'contactSearch');
    expect(await a.generations.current('loc:X', 'contactSearch')).toBe(before + 1);
    await until(async () => (await b.generations.current('loc:X', 'contactSearch')) === before + 1, 'B to learn the new generation');
    expect(await b.generations.current('loc:Y', 'contactSearch')).toBe(0);
  });

  it('keeps the tenant and cache version in every Redis key, each with a TTL', async () => {
    const l = await link();
    const tier = new SharedCacheTier(l, { maxL1Entries: 100, l1TtlMs: 1_000 });
    await tier.cache.set('ghl:v1:loc:T:contact:g0:c9', 1, 5_000);
    const raw = new Redis(MACHINE_REDIS_URL);
    try {
      const keys = await raw.keys(`${prefix}ghl:*`);
      expect(keys).toContain(`${prefix}ghl:v1:loc:T:contact:g0:c9`);
      for (const k of keys) expect(await raw.pttl(k)).toBeGreaterThan(0);
    } finally {
      raw.disconnect();
    }
  });
});

describe('shared rate gate', () => {
  it('holds two replicas together to the burst limit, and keeps the reserve from background work', async () => {
    const opts = { burstMax: 5, burstWindowMs: 60_000, dailyMax: 1_000, inFlightHoldMs: 1_000 };
    const gates = [new RedisRateGate(await link(), opts), new RedisRateGate(await link(), opts)];
    const key = `loc:gate-${Date.now()}`;
    const admit = (g: RedisRateGate, priority: 'interactive' | 'background') => g.admit(key, { priority, operation: 'GET /x', deadlineAt: Date.now() });
    // Background may use 4 of 5 (20% reserve), across both replicas.
    for (let i = 0; i < 4; i++) await admit(gates[i % 2]!, 'background');
    await expect(admit(gates[0]!, 'background')).rejects.toBeInstanceOf(GhlRateLimitedError);
    await admit(gates[1]!, 'interactive');
    await expect(admit(gates[0]!, 'interactive')).rejects.toBeInstanceOf(GhlRateLimitedError);
    await expect(admit(gates[1]!, 'interactive')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('Redis token store', () => {
  const inst = (token: string): Installation => ({
    id: 'loc-sealed',
    userType: 'Location',
    locationId: 'loc-sealed',
    companyId: null,
    accessToken: token,
    refreshToken: `refresh-${token}`,
    expiresAt: Date.now() + 60_000,
    scopes: ['contacts.readonly'],
    status: 'connected',
    disconnectedReason: null,
    source: 'oauth',
    updatedAt: Date.now(),
  });

  it('seals tokens at rest and refuses another key', async () => {
    const l = await link();
    const store = await RedisTokenStore.open(l, 'x'.repeat(40));
    await store.put(inst('very-secret-access-token'));
    expect((await store.get('loc-sealed'))?.accessToken).toBe('very-secret-access-token');
    expect((await store.list()).map((i) => i.id)).toEqual(['loc-sealed']);
    const raw = await l.command.get(`${prefix}inst:loc-sealed`);
    expect(raw).not.toContain('very-secret-access-token');
    expect(raw).not.toContain('refresh-very-secret');
    await expect(RedisTokenStore.open(await link(), 'y'.repeat(40))).rejects.toBeInstanceOf(TokenStoreError);
  });

  it('runs one refresh at a time per installation across replicas', async () => {
    const locks = [new RedisRefreshLock(await link()), new RedisRefreshLock(await link())];
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        locks[i % 2]!.runExclusive('loc-lock', async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});

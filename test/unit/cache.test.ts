import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { CachedFetcher, cacheKey, LruTtlCache } from '../../src/loaders/cache.js';
import { stableKey } from '../../src/loaders/keys.js';

describe('stableKey', () => {
  it('gives equal keys for equal objects in any property order, and drops undefined', () => {
    expect(stableKey({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(stableKey({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: '1' }));
  });
});

describe('cacheKey', () => {
  it('always carries the tenant, so two tenants never share an entry', () => {
    expect(cacheKey('loc:A', 'contact', 0, 'c1')).not.toBe(cacheKey('loc:B', 'contact', 0, 'c1'));
    expect(cacheKey('loc:A', 'contact', 0, 'c1')).toContain('loc:A');
  });

  it('moves to a new key space when a resource generation is bumped, for that tenant only', async () => {
    const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 10 }));
    const before = await fetcher.generation('loc:A', 'contactSearch');
    await fetcher.bumpGeneration('loc:A', 'contactSearch');
    expect(await fetcher.generation('loc:A', 'contactSearch')).toBe(before + 1);
    expect(await fetcher.generation('loc:B', 'contactSearch')).toBe(before);
  });
});

describe('LruTtlCache + CachedFetcher', () => {
  it('expires entries by the injected clock, without sleeping', async () => {
    const clock = new ManualClock();
    const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 10, clock }));
    let loads = 0;
    const load = async () => ++loads;
    expect(await fetcher.getOrLoad('k', 1_000, load)).toBe(1);
    await clock.advance(999);
    expect(await fetcher.getOrLoad('k', 1_000, load)).toBe(1);
    await clock.advance(2);
    expect(await fetcher.getOrLoad('k', 1_000, load)).toBe(2);
  });

  it('answers a warm in-process entry synchronously (peek), for its tenant, generation and TTL only', async () => {
    const clock = new ManualClock();
    const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 10, clock }));
    const meter = { cacheHits: 0 };
    const keyNow = async (tenant: string) => cacheKey(tenant, 'contact', await fetcher.generation(tenant, 'contact'), 'c1');
    expect(fetcher.peek('loc:A', 'contact', 'c1', meter)).toBeUndefined();
    await fetcher.getOrLoad(await keyNow('loc:A'), 1_000, async () => ({ id: 'c1' }));
    expect(fetcher.peek('loc:A', 'contact', 'c1', meter)).toEqual({ id: 'c1' });
    expect(meter.cacheHits).toBe(1);
    expect(fetcher.peek('loc:B', 'contact', 'c1', meter)).toBeUndefined();
    await fetcher.bumpGeneration('loc:A', 'contact');
    expect(fetcher.peek('loc:A', 'contact', 'c1', meter)).toBeUndefined();
    await fetcher.getOrLoad(await keyNow('loc:A'), 1_000, async () => ({ id: 'c1', v: 2 }));
    await fetcher.dropTenant('loc:A');
    expect(fetcher.peek('loc:A', 'contact', 'c1', meter)).toBeUndefined();
    await fetcher.getOrLoad(await keyNow('loc:A'), 1_000, async () => ({ id: 'c1', v: 3 }));
    await clock.advance(1_001);
    expect(fetcher.peek('loc:A', 'contact', 'c1', meter)).toBeUndefined();
    expect(meter.cacheHits).toBe(1);
    expect(fetcher.stats.hits).toBe(1);
  });

  it('never peeks when the cache is off', async () => {
    const cache = new LruTtlCache({ maxEntries: 10 });
    const on = new CachedFetcher(cache);
    await on.prime(cacheKey('loc:A', 'contact', await on.generation('loc:A', 'contact'), 'c1'), { id: 'c1' }, 1_000);
    expect(on.peek('loc:A', 'contact', 'c1')).toEqual({ id: 'c1' });
    const off = new CachedFetcher(cache, 250, undefined, false);
    expect(off.peek('loc:A', 'contact', 'c1')).toBeUndefined();
  });

  it('coalesces concurrent misses for one key into one load, and does not cache failures', async () => {
    const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 10 }));
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      await gate;
      return 'v';
    };
    const all = Promise.all([fetcher.getOrLoad('k', 1_000, load), fetcher.getOrLoad('k', 1_000, load), fetcher.getOrLoad('k', 1_000, load)]);
    release();
    expect(await all).toEqual(['v', 'v', 'v']);
    expect(loads).toBe(1);
    // One lookup loaded; the other two joined it, which is no miss (no call of their own).
    expect(fetcher.stats).toEqual({ hits: 0, joined: 2, misses: 1 });

    let failing = 0;
    await expect(fetcher.getOrLoad('bad', 1_000, async () => { failing++; throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(fetcher.getOrLoad('bad', 1_000, async () => { failing++; return 'ok'; })).resolves.toBe('ok');
    expect(failing).toBe(2);
  });

  it('treats a remote cache that hangs as a miss', async () => {
    const hanging = { remote: true, get: () => new Promise<never>(() => {}), set: async () => {}, delete: async () => {} };
    const fetcher = new CachedFetcher(hanging, 10);
    await expect(fetcher.getOrLoad('k', 1_000, async () => 'fresh')).resolves.toBe('fresh');
  });
});

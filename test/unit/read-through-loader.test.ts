import { describe, expect, it } from 'vitest';
import { CachedFetcher, cacheKey, LruTtlCache } from '../../src/loaders/cache.js';
import { loaderKit, type LoaderDeps } from '../../src/loaders/kit.js';

/**
 * `read(key)`: the value at once when the request or the in-process cache has it, else `load`.
 * Whatever way a key is asked for, one request sees one answer for it.
 */
const TENANT = 'loc:T';

function setup(opts: { cache?: boolean } = {}) {
  const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 100 }), 250, undefined, opts.cache ?? true);
  const meter = { upstreamCalls: 0, cacheHits: 0 };
  const deps = { ghl: { credential: { tenantKey: TENANT, locationId: 'T' } }, agency: null, fetcher, meter } as unknown as LoaderDeps;
  const fetched: string[] = [];
  const loader = loaderKit(deps).byId<{ id: string; v: number }>('contact', 30_000, async (id) => {
    fetched.push(id);
    return { id, v: 0 };
  });
  const put = async (id: string, v: number) => fetcher.prime(cacheKey(TENANT, 'contact', await fetcher.generation(TENANT, 'contact'), id), { id, v }, 30_000);
  return { fetcher, meter, loader, fetched, put };
}

describe('ReadThroughLoader', () => {
  it('answers a warm key at once, counts one cache hit, and keeps that answer for the request', async () => {
    const { loader, meter, fetched, put } = setup();
    await put('a', 1);
    const first = loader.read('a');
    expect(first).toEqual({ id: 'a', v: 1 });
    expect(first).not.toBeInstanceOf(Promise);
    // The cache moves on; this request keeps the answer it already gave, by read or by load.
    await put('a', 2);
    expect(loader.read('a')).toBe(first);
    expect(await loader.load('a')).toBe(first);
    expect(meter.cacheHits).toBe(1);
    expect(fetched).toEqual([]);
  });

  it('goes through load for a cold key, once, and answers the loaded value to a later read', async () => {
    const { loader, fetched } = setup();
    const pending = loader.read('b');
    expect(pending).toBeInstanceOf(Promise);
    const loaded = await pending;
    expect(loaded).toEqual({ id: 'b', v: 0 });
    expect(await loader.read('b')).toBe(loaded);
    expect(fetched).toEqual(['b']);
  });

  it('keeps a key that is already on its way through load on that promise, even when the cache fills meanwhile', async () => {
    const { loader, put } = setup();
    const pending = loader.load('c');
    await put('c', 9);
    const read = loader.read('c');
    expect(read).toBeInstanceOf(Promise);
    expect(await read).toBe(await pending);
  });

  it('serves a primed value at once, and reads the cache again after clear', async () => {
    const { loader, put } = setup();
    loader.prime('d', { id: 'd', v: 5 });
    expect(loader.read('d')).toEqual({ id: 'd', v: 5 });
    await put('d', 6);
    loader.clear('d');
    expect(loader.read('d')).toEqual({ id: 'd', v: 6 });
    await put('d', 7);
    loader.clearAll();
    expect(loader.read('d')).toEqual({ id: 'd', v: 7 });
  });

  it('with the cache off (GATEWAY_CACHE=off) never answers at once and loads every time', async () => {
    const { loader, fetched, put } = setup({ cache: false });
    await put('e', 1);
    const read = loader.read('e');
    expect(read).toBeInstanceOf(Promise);
    await read;
    await loader.read('e');
    expect(fetched).toEqual(['e', 'e']);
  });
});

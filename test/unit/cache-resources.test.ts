import { describe, expect, it } from 'vitest';
import { CachedFetcher, type GenerationStore, LruTtlCache } from '../../src/loaders/cache.js';
import { createLoaders, type LoaderDeps } from '../../src/loaders/index.js';
import { invalidate } from '../../src/loaders/invalidate.js';
import { CACHE_RESOURCES, type CacheResource, cacheResource } from '../../src/loaders/resources.js';

/**
 * The typed list of cache resources against the loaders it names: a name with no loader, or a
 * loader whose cache namespace is not its name, would make an invalidation drop nothing.
 */

/** Remembers which resources were asked for a generation: that is the namespace a read uses. */
class RecordingGenerations implements GenerationStore {
  readonly asked = new Set<string>();
  async current(_tenantKey: string, resource: string): Promise<number> {
    this.asked.add(resource);
    return 0;
  }
  async bump(): Promise<void> {}
}

/** Loaders over a GHL access that fails every call at once: only the cache lookup before it matters here. */
function loadersWith(generations: RecordingGenerations) {
  const deps = {
    ghl: { credential: { tenantKey: 'loc:T', locationId: 'T' }, client: {} },
    agency: null,
    fetcher: new CachedFetcher(new LruTtlCache({ maxEntries: 10 }), 250, generations),
    meter: { upstreamCalls: 0, cacheHits: 0 },
  } as unknown as LoaderDeps;
  return createLoaders(deps) as unknown as Record<string, { load(key: unknown): Promise<unknown>; clear?: unknown; clearAll?: unknown }>;
}

/** Loaders that keep no cache entries of their own: they read through another resource's. */
const DERIVED: Partial<Record<CacheResource, CacheResource>> = { calendarGroup: 'calendarGroups' };

describe('cache resources', () => {
  it('name exactly the loaders, each of which invalidation can clear', () => {
    const loaders = loadersWith(new RecordingGenerations());
    const names: string[] = [];
    // The loaders are getters on the prototype; the object's own properties are its machinery.
    for (const name in loaders) if (!Object.hasOwn(loaders, name)) names.push(name);
    expect(names.sort()).toEqual([...CACHE_RESOURCES].sort());
    const unclearable = CACHE_RESOURCES.filter((name) => typeof loaders[name]?.clear !== 'function' && typeof loaders[name]?.clearAll !== 'function');
    expect(unclearable).toEqual([]);
  });

  it.each([...CACHE_RESOURCES])('%s reads through the cache namespace of its own name', async (name) => {
    const generations = new RecordingGenerations();
    const loader = loadersWith(generations)[name];
    await loader?.load(name === 'calendarGroup' ? 'g1' : 'k1').catch(() => undefined);
    expect([...generations.asked]).toContain(DERIVED[name] ?? name);
  });

  it('refuse an unknown name, at compile time and at run time', async () => {
    const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 10 }));
    // @ts-expect-error "contacts" is not a cache resource (the loader is "contact").
    const misspelt: CacheResource = 'contacts';
    expect(() => cacheResource(misspelt)).toThrow(/not a cache resource/);
    await expect(invalidate({ tenantKey: 'loc:T', fetcher, loaders: {} }, { lists: [misspelt] })).rejects.toThrow(/not a cache resource/);
    await expect(invalidate({ tenantKey: 'loc:T', fetcher, loaders: {} }, { records: { [misspelt]: ['c1'] } })).rejects.toThrow(/not a cache resource/);
  });
});

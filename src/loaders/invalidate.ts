import { cacheKey, type CachedFetcher } from './cache.js';
import { cacheResource, type StaleEntries } from './resources.js';

/** Anything with a per-request DataLoader-like cache to clear. */
interface Clearable {
  clear?(key: string): unknown;
  clearAll?(): unknown;
}

export interface InvalidationScope {
  tenantKey: string;
  fetcher: CachedFetcher;
  loaders: Record<string, unknown>;
}

/**
 * Drops what a write (or a webhook event) made stale (see StaleEntries), so later reads in this
 * request and in later requests see the change. Names are checked again at run time, for callers
 * that built them outside the type system: an unknown one throws rather than dropping nothing.
 */
export async function invalidate(scope: InvalidationScope, change: StaleEntries): Promise<void> {
  const { tenantKey, fetcher, loaders } = scope;
  const jobs: Promise<void>[] = [];
  for (const [name, ids = []] of Object.entries(change.records ?? {})) {
    const resource = cacheResource(name);
    const loader = loaders[resource] as Clearable | undefined;
    const generation = await fetcher.generation(tenantKey, resource);
    for (const id of ids) {
      loader?.clear?.(id);
      jobs.push(fetcher.invalidate(cacheKey(tenantKey, resource, generation, id)));
    }
  }
  for (const resource of (change.lists ?? []).map(cacheResource)) {
    jobs.push(fetcher.bumpGeneration(tenantKey, resource));
    (loaders[resource] as Clearable | undefined)?.clearAll?.();
  }
  await Promise.all(jobs);
}

import { cacheKey, type CachedFetcher } from './cache.js';

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
 * What a write (or a webhook event) changed, so later reads in this request and in later requests
 * see it:
 * - `records`: resource → ids whose cached copies are now stale (e.g. `{ contact: [id] }`);
 * - `lists`: resources whose every cached entry for the tenant is now stale (search pages, lists
 *   keyed by arguments): they move to a new cache generation.
 */
export async function invalidate(scope: InvalidationScope, change: { records?: Record<string, readonly string[]>; lists?: readonly string[] }): Promise<void> {
  const { tenantKey, fetcher, loaders } = scope;
  const jobs: Promise<void>[] = [];
  for (const [resource, ids] of Object.entries(change.records ?? {})) {
    const loader = loaders[resource] as Clearable | undefined;
    const generation = await fetcher.generation(tenantKey, resource);
    for (const id of ids) {
      loader?.clear?.(id);
      jobs.push(fetcher.invalidate(cacheKey(tenantKey, resource, generation, id)));
    }
  }
  for (const resource of change.lists ?? []) {
    jobs.push(fetcher.bumpGeneration(tenantKey, resource));
    (loaders[resource] as Clearable | undefined)?.clearAll?.();
  }
  await Promise.all(jobs);
}

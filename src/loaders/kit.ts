import DataLoader from 'dataloader';
import type { CallMeter } from '../ghl/client.js';
import type { GhlCallContext } from '../ghl/endpoints/types.js';
import { cacheKey, type CachedFetcher } from './cache.js';
import { stableKey } from './keys.js';
import type { CacheResource } from './resources.js';

export interface LoaderMeter extends CallMeter {
  cacheHits: number;
}

/** What every domain's loader factory receives: one request's GHL access, cache and meter. */
export interface LoaderDeps {
  ghl: GhlCallContext;
  /** The held agency credential, for agency-only reads (null when none is connected). */
  agency: GhlCallContext | null;
  fetcher: CachedFetcher;
  meter: LoaderMeter;
}

/**
 * Builds the usual loaders of a domain. Every loader reads through the tenant-keyed cache with the
 * TTL its resource declares, and keeps failures per key (a missing id fails that key only).
 */
export function loaderKit(deps: LoaderDeps) {
  const { fetcher, meter } = deps;
  const tenant = deps.ghl.credential.tenantKey;

  // Methods, not arrow functions held in consts: this runs for every request, and named closures
  // cost a `name` definition each when the sources run through tsx (keepNames).
  const kit = {
    cached<T>(resource: CacheResource, ttlMs: number, id: string, load: () => Promise<T>): Promise<T> {
      return fetcher.generation(tenant, resource).then((generation) => fetcher.getOrLoad(cacheKey(tenant, resource, generation, id), ttlMs, load, meter));
    },
    /**
     * One key of a batch: a warm in-process entry as the value itself (so the batch's Promise.all
     * resolves without a chain of promises per key), else the cached read, its failure as the value.
     */
    batchEntry<T>(resource: CacheResource, ttlMs: number, id: string, load: () => Promise<T>): T | Promise<T | Error> {
      const hit = fetcher.peek<T>(tenant, resource, id, meter);
      return hit !== undefined ? hit : kit.cached(resource, ttlMs, id, load).catch((e: Error) => e);
    },
    /** One GHL read per distinct key, concurrently (GHL has no batch reads). */
    byId<T>(resource: CacheResource, ttlMs: number, fetchOne: (id: string) => Promise<T>): DataLoader<string, T> {
      return new DataLoader<string, T>(
        (ids) => Promise.all(ids.map((id) => kit.batchEntry(resource, ttlMs, id, () => fetchOne(id)))),
        // GATEWAY_CACHE=off: no deduplication within the request either.
        { cache: fetcher.enabled },
      );
    },
    /** For reads keyed by an argument object (searches, filtered lists): equal arguments share an entry. */
    byArgs<A, T>(resource: CacheResource, ttlMs: number, fetchOne: (args: A) => Promise<T>): DataLoader<A, T, string> {
      return new DataLoader<A, T, string>(
        (argsList) => Promise.all(argsList.map((args) => kit.batchEntry(resource, ttlMs, stableKey(args), () => fetchOne(args)))),
        { cacheKeyFn: stableKey, cache: fetcher.enabled },
      );
    },
  };
  return kit;
}

/**
 * A list loader whose records are primed into a by-id loader: a record that arrived in a list is
 * then free to follow by id in the same request. `clearAll` clears the list entries (invalidation).
 */
export function primingList<A, R, V, T extends V & { id: string }>(list: DataLoader<A, R, string>, byId: DataLoader<string, V>, itemsOf: (result: R) => readonly T[]) {
  return {
    async load(args: A): Promise<R> {
      const result = await list.load(args);
      for (const item of itemsOf(result)) byId.prime(item.id, item);
      return result;
    },
    clearAll() {
      list.clearAll();
    },
  };
}

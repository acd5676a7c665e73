import DataLoader from 'dataloader';
import type { CallMeter } from '../ghl/client.js';
import { isPromiseLike } from '../lib/promises.js';
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
    byId<T>(resource: CacheResource, ttlMs: number, fetchOne: (id: string) => Promise<T>): ReadThroughLoader<string, T, string> {
      return new ReadThroughLoader<string, T, string>(
        (ids) => Promise.all(ids.map((id) => kit.batchEntry(resource, ttlMs, id, () => fetchOne(id)))),
        (id) => id,
        (id) => fetcher.peek<T>(tenant, resource, id, meter),
        // GATEWAY_CACHE=off: no deduplication within the request either.
        fetcher.enabled,
      );
    },
    /** For reads keyed by an argument object (searches, filtered lists): equal arguments share an entry. */
    byArgs<A, T>(resource: CacheResource, ttlMs: number, fetchOne: (args: A) => Promise<T>): ReadThroughLoader<A, T, string> {
      return new ReadThroughLoader<A, T, string>(
        (argsList) => Promise.all(argsList.map((args) => kit.batchEntry(resource, ttlMs, stableKey(args), () => fetchOne(args)))),
        stableKey,
        (key) => fetcher.peek<T>(tenant, resource, key, meter),
        fetcher.enabled,
      );
    },
  };
  return kit;
}

/**
 * A per-request DataLoader that can also answer at once. `read(key)` gives the value itself, not a
 * promise of it, when this request already has it (read, or primed, earlier) or the in-process
 * cache holds it; otherwise it is `load(key)`. A resolver that returns `read(…)` lets graphql-js
 * complete a warm field synchronously: a query answered wholly from memory then runs without a
 * promise per field, which is most of what such a request costs beyond a bare server.
 *
 * Within a request, every key still has one answer, whichever way it was asked for: a value read
 * at once is kept (`known`) and served to later `load`s too, and a key already asked for through
 * `load` keeps going through its promise.
 *
 * The DataLoader behind `load` is made on the first `load` (or `prime`), not with the loader: a
 * request answered from memory reads every value at once and never needs one, and a DataLoader
 * with its memo and batch state is most of what building a loader costs.
 */
export class ReadThroughLoader<K, V, C> {
  /** This request's values per key, known at once. */
  private readonly known = new Map<C, V>();
  private loader: DataLoader<K, V, C> | null = null;
  /** This request's promises per key: the DataLoader's own memo, held here to see what it holds. */
  private readonly promises = new Map<C, Promise<V>>();

  constructor(
    private readonly batch: DataLoader.BatchLoadFn<K, V>,
    private readonly keyOf: (key: K) => C,
    /** The in-process cache's fresh entry, or undefined (a miss, or a cache across the network). */
    private readonly peekValue: (key: C) => V | undefined,
    /** False: no memo within the request (GATEWAY_CACHE=off), so nothing is known either. */
    private readonly memo: boolean,
  ) {}

  private dataLoader(): DataLoader<K, V, C> {
    this.loader ??= new DataLoader<K, V, C>(this.batch, { cacheKeyFn: this.keyOf, cache: this.memo, cacheMap: this.memo ? this.promises : null });
    return this.loader;
  }

  read(key: K): V | Promise<V> {
    if (!this.memo) return this.load(key);
    const k = this.keyOf(key);
    if (this.known.has(k)) return this.known.get(k)!;
    if (this.promises.has(k)) return this.load(key);
    const hit = this.peekValue(k);
    if (hit === undefined) return this.load(key);
    this.known.set(k, hit);
    return hit;
  }

  load(key: K): Promise<V> {
    if (this.known.size > 0) {
      const k = this.keyOf(key);
      if (this.known.has(k)) return Promise.resolve(this.known.get(k)!);
    }
    return this.dataLoader().load(key);
  }

  /** As DataLoader's: one entry per key, a failed key as its Error. */
  loadMany(keys: readonly K[]): Promise<(V | Error)[]> {
    return Promise.all(keys.map((key) => this.load(key).catch((error: Error) => error)));
  }

  prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (this.memo && !(value instanceof Error) && !isPromiseLike(value)) {
      const k = this.keyOf(key);
      // As DataLoader's prime: a key this request already has keeps its answer.
      if (!this.known.has(k) && !this.promises.has(k)) this.known.set(k, value);
      // `known` answers the key from now on (DataLoader's prime would not replace a held promise either).
      return this;
    }
    // A failure or a promise; without a memo there is nothing to prime.
    if (this.memo) this.dataLoader().prime(key, value);
    return this;
  }

  clear(key: K): this {
    this.known.delete(this.keyOf(key));
    this.loader?.clear(key);
    return this;
  }

  clearAll(): this {
    this.known.clear();
    this.loader?.clearAll();
    return this;
  }
}

/**
 * A list loader whose records are primed into a by-id loader: a record that arrived in a list is
 * then free to follow by id in the same request. `clearAll` clears the list entries (invalidation).
 */
export function primingList<A, R, V, T extends V & { id: string }>(list: { load(args: A): Promise<R>; clearAll(): unknown }, byId: { prime(id: string, value: V): unknown }, itemsOf: (result: R) => readonly T[]) {
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

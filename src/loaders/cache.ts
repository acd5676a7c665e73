import { LRUCache } from 'lru-cache';
import type { Clock } from '../lib/clock.js';
import { systemClock } from '../lib/clock.js';
import { GenerationMap } from './generations.js';
import type { CacheResource } from './resources.js';

/**
 * The cross-request cache tier. Per-request DataLoaders dedupe within one GraphQL request; this
 * tier spans requests. Its rules:
 * 1. Every key carries the tenant (`tenantKey` of the credential that fetched the value), so
 *    nothing fetched with one credential is served to another. Build keys with `cacheKey()` only.
 * 2. TTL is per resource, declared next to its loader (`TTL_MS` in src/loaders/<domain>.ts): short
 *    for data people edit, longer for reference data.
 * 3. Writes and webhook events invalidate the entries they touch (src/loaders/invalidate.ts).
 * 4. A cache read that fails or times out counts as a miss: the cache may make a request slower to
 *    fail over, never wrong.
 * Bump `CACHE_VERSION` whenever the shape of a cached value changes.
 */
export interface TtlCache {
  /**
   * True when reads cross a network (Redis): the fetcher then gives each read a deadline and takes
   * a late one as a miss. An in-process cache answers at once and needs no timer per read.
   */
  readonly remote?: boolean;
  get<T>(key: string): Promise<T | undefined>;
  /**
   * The entry, synchronously, for a cache held in this process (absent on remote tiers). Same
   * recency and TTL rules as `get`; lets a warm read skip the promise chain.
   */
  peek?<T>(key: string): T | undefined;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export const CACHE_VERSION = 'v1';

/** Resource bumps per tenant epoch; far more than a process makes between two disconnects. */
const TENANT_EPOCH_STRIDE = 1_000_000_000;
/** The pseudo-resource under which a tenant's epoch is kept in the generation store. */
const TENANT_EPOCH = '*';
/** A resource's generation in keys: the tenant's epoch in the high digits, its own bumps below. */
const generationOf = (epoch: number, own: number): number => epoch * TENANT_EPOCH_STRIDE + own;

/**
 * The one key format. `generation` lets a write drop every entry of a resource for a tenant at
 * once (all cached search pages, say) without listing keys: old keys are simply never read again
 * and age out by TTL.
 */
export function cacheKey(tenantKey: string, resource: CacheResource, generation: number, id: string): string {
  return `ghl:${CACHE_VERSION}:${tenantKey}:${resource}:g${generation}:${id}`;
}

/**
 * In-process LRU with per-entry TTL; the default when no Redis is configured. Bounded twice: by
 * entries, and by bytes (`maxBytes`, each entry sized from its JSON length, since one entry can
 * be a page of 100 contacts and another a single tag list).
 */
export class LruTtlCache implements TtlCache {
  private readonly lru: LRUCache<string, { value: unknown }>;

  constructor(opts: { maxEntries: number; maxBytes?: number; clock?: Clock }) {
    const clock = opts.clock ?? systemClock;
    this.lru = new LRUCache({
      max: opts.maxEntries,
      maxSize: opts.maxBytes ?? 128 * 1024 * 1024,
      // UTF-16 in memory: about two bytes per character, plus the key.
      sizeCalculation: (entry, key) => Math.max(1, 2 * (key.length + jsonLength(entry.value))),
      ttlAutopurge: false,
      // 0: ask the clock on every read; the default caches "now" for a real millisecond, which a fake clock defeats.
      ttlResolution: 0,
      // lru-cache reads time through `perf.now()`; our clock makes TTLs testable without sleeping.
      perf: { now: () => clock.now() },
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.peek<T>(key);
  }

  peek<T>(key: string): T | undefined {
    return this.lru.get(key)?.value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.lru.set(key, { value }, { ttl: ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }

  /** Estimated bytes held (see sizeCalculation). */
  get bytes(): number {
    return this.lru.calculatedSize;
  }
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Where resource generations live (see cacheKey). In-process by default; with Redis they are
 * shared, so a write on one replica drops the cached pages of every replica.
 */
export interface GenerationStore {
  current(tenantKey: string, resource: string): Promise<number>;
  /**
   * The generation, synchronously, when this store holds it in process and so is always current.
   * Absent on shared stores (Redis): there a lookup must read it fresh, after any other replica's bump.
   */
  peek?(tenantKey: string, resource: string): number;
  bump(tenantKey: string, resource: string): Promise<void>;
}

/** Generations in a process-local map: the default when no Redis is configured. */
export class LocalGenerations implements GenerationStore {
  private readonly generations: GenerationMap;

  /** `max`: counters kept (CACHE_MAX_GENERATIONS); see GenerationMap for why forgetting is safe. */
  constructor(max?: number) {
    this.generations = new GenerationMap(max);
  }

  async current(tenantKey: string, resource: string): Promise<number> {
    return this.peek(tenantKey, resource);
  }

  peek(tenantKey: string, resource: string): number {
    return this.generations.get(`${tenantKey}:${resource}`);
  }

  async bump(tenantKey: string, resource: string): Promise<void> {
    this.generations.bump(`${tenantKey}:${resource}`);
  }

  get size(): number {
    return this.generations.size;
  }
}

/**
 * Reads through the cache and coalesces concurrent misses for the same key into one upstream
 * call, across requests. Errors are not cached.
 */
export class CachedFetcher {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /**
   * Current generation of `resource` for `tenantKey` (see cacheKey): the tenant's epoch (bumped by
   * dropTenant) in the high digits, the resource's own bumps below, so either kind of drop yields
   * keys never used before. Both live in the generation store, so with Redis every replica drops.
   */
  async generation(tenantKey: string, resource: CacheResource): Promise<number> {
    const [epoch, own] = await Promise.all([this.generations.current(tenantKey, TENANT_EPOCH), this.generations.current(tenantKey, resource)]);
    return generationOf(epoch, own);
  }

  /**
   * Drops every cached entry of a tenant (an installation was disconnected): all its keys move to
   * a new epoch, including values of loads still in flight, which land under the old keys.
   */
  dropTenant(tenantKey: string): Promise<void> {
    return this.generations.bump(tenantKey, TENANT_EPOCH);
  }

  /** Drops every cached entry of `resource` for `tenantKey`, by moving to a new generation. */
  bumpGeneration(tenantKey: string, resource: CacheResource): Promise<void> {
    return this.generations.bump(tenantKey, resource);
  }

  /**
   * Lookups since start, for metrics: found a value, joined a load of the same key already in
   * flight (for this or another request), or missed and loaded.
   */
  readonly stats = { hits: 0, joined: 0, misses: 0 };

  constructor(
    readonly cache: TtlCache,
    private readonly getTimeoutMs = 250,
    private readonly generations: GenerationStore = new LocalGenerations(),
    /** False: every read loads (GATEWAY_CACHE=off), the baseline the benchmarks compare against. */
    readonly enabled = true,
  ) {}

  /**
   * A cached value answered synchronously, or undefined: when the cache is on, both the generation
   * store and the cache are in process (no Redis), and the entry is fresh. Counts a hit like
   * `getOrLoad`; on undefined nothing is counted and the caller goes on to `getOrLoad` as usual.
   */
  peek<T>(tenantKey: string, resource: CacheResource, id: string, meter?: { cacheHits: number }): T | undefined {
    const generations = this.generations;
    if (!this.enabled || !generations.peek || !this.cache.peek) return undefined;
    const generation = generationOf(generations.peek(tenantKey, TENANT_EPOCH), generations.peek(tenantKey, resource));
    const hit = this.cache.peek<T>(cacheKey(tenantKey, resource, generation, id));
    if (hit === undefined) return undefined;
    this.stats.hits++;
    if (meter) meter.cacheHits++;
    return hit;
  }

  async getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>, meter?: { cacheHits: number }): Promise<T> {
    if (!this.enabled) {
      this.stats.misses++;
      return load();
    }
    const hit = await this.safeGet<T>(key);
    if (hit !== undefined) {
      this.stats.hits++;
      if (meter) meter.cacheHits++;
      return hit;
    }
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) {
      // No value yet, but no call of its own either: it shares the load already on its way.
      this.stats.joined++;
      return pending;
    }
    this.stats.misses++;
    const promise = (async () => {
      try {
        const value = await load();
        await this.cache.set(key, value, ttlMs).catch(() => undefined);
        return value;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Stores a value fetched some other way (e.g. contacts that came back in a search page). */
  async prime<T>(key: string, value: T, ttlMs: number): Promise<void> {
    if (!this.enabled) return;
    await this.cache.set(key, value, ttlMs).catch(() => undefined);
  }

  async invalidate(key: string): Promise<void> {
    await this.cache.delete(key).catch(() => undefined);
  }

  private async safeGet<T>(key: string): Promise<T | undefined> {
    if (!this.cache.remote) return this.cache.get<T>(key).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.getTimeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([this.cache.get<T>(key).catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

import { CACHE_VERSION, LruTtlCache, type GenerationStore, type TtlCache } from '../loaders/cache.js';
import type { RedisLink } from './connection.js';
import { FreshReads } from './fresh-reads.js';

/**
 * The shared cache tier: Redis holds the entries (keys are the tenant-carrying `cacheKey`s under
 * the link's prefix, so tenant and CACHE_VERSION are in every Redis key), and a short in-process
 * LRU in front (L1) keeps what this replica read a moment ago, parsed.
 *
 * Invalidation is shared, and seen by every replica before the write that caused it returns:
 * - a generation bump is an INCR in Redis, and generations are read from Redis on every lookup
 *   (batched, see FreshReads), so a bump on A moves B's very next read to the new keys;
 * - a delete also increments the stamp of the key's scope (tenant and resource: the key up to
 *   its generation), in the same Lua step; each L1 entry remembers the stamp it was read under,
 *   and an L1 hit is served only if the scope's stamp (read fresh, batched) has not moved.
 * The broadcast on one channel that follows only frees L1 memory early: pub/sub can arrive after
 * the next request, so nothing relies on it for freshness. The L1 saves moving and parsing
 * values; a lookup still costs one small round trip (shared by every lookup of that moment).
 *
 * A read that started before a write and ends after it must not put the old value back: a delete
 * leaves a tombstone stamped with Redis's time (`<key>:tomb`, one minute), a miss notes Redis's
 * time, and the fill that follows is refused when a tombstone is newer than its miss.
 *
 * Redis away: reads are misses (L1 still serves, unchecked), writes stay local, and invalidations
 * are kept (bounded) and replayed when Redis returns; then every L1 is dropped, since it was not
 * checked meanwhile.
 */
export interface SharedCacheOptions {
  maxL1Entries: number;
  l1TtlMs: number;
  /** Bound on invalidations remembered while Redis is away; beyond it the whole shared tier is flushed on return. */
  maxPending?: number;
  /** A generation or stamp read slower than this counts as Redis away for that lookup. @default 250 */
  freshReadTimeoutMs?: number;
}

type Pending = { del: string } | { gen: string };

interface InvalidationMessage {
  from: string;
  keys?: string[];
}

const TOMBSTONE_MS = 60_000;

// Answers the scope's stamp the value was stored under ('' when refused).
const FILL = `
local tomb = redis.call('GET', KEYS[2])
if tomb and tonumber(tomb) >= tonumber(ARGV[3]) then return '' end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return redis.call('GET', KEYS[3]) or '0'
`;
const DROP = `
local t = redis.call('TIME')
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), 'PX', ARGV[1])
redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1
`;

interface CacheCommands {
  ghlCacheFill(key: string, tomb: string, stamp: string, value: string, ttlMs: number, missAt: number): Promise<string>;
  ghlCacheDrop(key: string, tomb: string, stamp: string, tombMs: number, channel: string, message: string, stampTtlMs: number): Promise<number>;
}

/** An L1 entry and the stamp of its scope when it was read; `DOWN` (never a stamp) if read while Redis was away. */
interface L1Entry {
  value: unknown;
  stamp: string;
}
const DOWN = 'down';

/** The scope a key's stamp covers: everything before its generation (`ghl:v1:<tenant>:<resource>`), or the key itself. */
export function scopeOf(key: string): string {
  const at = /:g\d+:/.exec(key);
  return at ? key.slice(0, at.index) : key;
}

/** Generations and stamps are kept a week past their last bump: far longer than any entry's TTL. */
const GENERATION_TTL_MS = 7 * 24 * 3_600_000;

export class SharedCacheTier {
  readonly cache: TtlCache;
  readonly generations: GenerationStore;
  /** Settles once this replica listens to invalidations (before that, its L1 could miss one). */
  readonly subscribed: Promise<void>;
  private readonly l1: LruTtlCache;
  /** Generations as this replica last knew them: what it goes on with while Redis is away. */
  private readonly genMirror = new Map<string, number>();
  private readonly fresh: FreshReads;
  private pending: Pending[] = [];
  private overflowed = false;
  private readonly channel: string;
  /** Redis's time at this replica's last miss per key: the fill that follows must be newer than any delete. */
  private readonly missAt = new Map<string, number>();

  constructor(private readonly link: RedisLink, private readonly opts: SharedCacheOptions) {
    this.l1 = new LruTtlCache({ maxEntries: opts.maxL1Entries });
    this.fresh = new FreshReads(link.command, opts.freshReadTimeoutMs ?? 250);
    this.channel = `${link.prefix}cache:invalidate`;
    this.cache = {
      get: (key) => this.get(key),
      set: (key, value, ttlMs) => this.set(key, value, ttlMs),
      delete: (key) => this.delete(key),
    };
    this.generations = {
      current: (tenantKey, resource) => this.currentGeneration(tenantKey, resource),
      bump: (tenantKey, resource) => this.bumpGeneration(tenantKey, resource),
    };
    link.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) this.onBroadcast(raw);
    });
    this.subscribed = link.subscriber.subscribe(this.channel).then(
      () => undefined,
      () => undefined,
    );
    link.onRecover(() => void this.resync());
    link.command.defineCommand('ghlCacheFill', { numberOfKeys: 3, lua: FILL });
    link.command.defineCommand('ghlCacheDrop', { numberOfKeys: 3, lua: DROP });
  }

  private redisKey(key: string): string {
    return this.link.prefix + key;
  }

  private stampKey(key: string): string {
    return `${this.link.prefix}stamp:${scopeOf(key)}`;
  }

  private async get<T>(key: string): Promise<T | undefined> {
    const local = await this.l1.get<L1Entry>(key);
    if (local !== undefined) {
      if (!this.link.up) return local.value as T;
      try {
        if (((await this.fresh.read(this.stampKey(key))) ?? '0') === local.stamp) return local.value as T;
      } catch {
        return undefined;
      }
      // Its scope was invalidated since it was read: ask Redis.
      await this.l1.delete(key);
    }
    if (!this.link.up) return undefined;
    try {
      const k = this.redisKey(key);
      // The stamp is read before the value: a delete between the two leaves this copy with an old stamp.
      const [[, stamp], [, raw], [, pttl], [, time]] = (await this.link.command.pipeline().get(this.stampKey(key)).get(k).pttl(k).time().exec()) as [
        [null, string | null],
        [null, string | null],
        [null, number],
        [null, [string, string]],
      ];
      if (raw === null) {
        this.noteMiss(key, Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000));
        return undefined;
      }
      const value = JSON.parse(raw) as T;
      if (pttl > 0) await this.l1.set(key, { value, stamp: stamp ?? '0' } satisfies L1Entry, Math.min(pttl, this.opts.l1TtlMs));
      return value;
    } catch {
      return undefined;
    }
  }

  private async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    if (value === undefined) return;
    const missAt = this.missAt.get(key) ?? 0;
    this.missAt.delete(key);
    let stamp = DOWN;
    if (this.link.up) {
      try {
        const k = this.redisKey(key);
        stamp = await (this.link.command as unknown as CacheCommands).ghlCacheFill(k, `${k}:tomb`, this.stampKey(key), JSON.stringify(value), Math.max(1, Math.ceil(ttlMs)), missAt);
        // Refused: a write invalidated the key while this value was being read; it may be stale.
        if (stamp === '') return;
      } catch {
        // Redis failed: keep the value locally only.
      }
    }
    await this.l1.set(key, { value, stamp } satisfies L1Entry, Math.min(ttlMs, this.opts.l1TtlMs));
  }

  private noteMiss(key: string, at: number): void {
    this.missAt.set(key, at);
    // Misses that never lead to a fill (a failed load) must not pile up.
    if (this.missAt.size > this.opts.maxL1Entries) this.missAt.delete(this.missAt.keys().next().value!);
  }

  private async delete(key: string): Promise<void> {
    await this.l1.delete(key);
    try {
      if (!this.link.up) throw new Error('redis down');
      const k = this.redisKey(key);
      await (this.link.command as unknown as CacheCommands).ghlCacheDrop(
        k, `${k}:tomb`, this.stampKey(key),
        TOMBSTONE_MS, this.channel, JSON.stringify({ from: this.link.replicaId, keys: [key] } satisfies InvalidationMessage), GENERATION_TTL_MS,
      );
    } catch {
      this.remember({ del: key });
    }
  }

  private generationKey(tenantKey: string, resource: string): string {
    return `${this.link.prefix}gen:${CACHE_VERSION}:${tenantKey}:${resource}`;
  }

  private async currentGeneration(tenantKey: string, resource: string): Promise<number> {
    const key = this.generationKey(tenantKey, resource);
    if (this.link.up) {
      try {
        const raw = await this.fresh.read(key);
        const value = raw === null ? 0 : Number(raw);
        this.mirror(key, value);
        return value;
      } catch {
        // Slow or failing: go on with what this replica knew.
      }
    }
    return this.genMirror.get(key) ?? 0;
  }

  private async bumpGeneration(tenantKey: string, resource: string): Promise<void> {
    const key = this.generationKey(tenantKey, resource);
    try {
      if (!this.link.up) throw new Error('redis down');
      // Every replica reads generations from Redis on each lookup: nothing to broadcast.
      const results = await this.link.command.multi().incr(key).pexpire(key, GENERATION_TTL_MS).exec();
      this.mirror(key, Number(results?.[0]?.[1]));
    } catch {
      // Local view moves on at once; Redis (and the other replicas) learn it on recovery.
      this.genMirror.set(key, (this.genMirror.get(key) ?? 0) + 1);
      this.remember({ gen: key });
    }
  }

  private mirror(key: string, value: number): void {
    this.genMirror.delete(key);
    this.genMirror.set(key, value);
    if (this.genMirror.size > this.opts.maxL1Entries) this.genMirror.delete(this.genMirror.keys().next().value!);
  }

  private onBroadcast(raw: string): void {
    let msg: InvalidationMessage;
    try {
      msg = JSON.parse(raw) as InvalidationMessage;
    } catch {
      return;
    }
    for (const key of msg.keys ?? []) void this.l1.delete(key);
  }

  private remember(p: Pending): void {
    if (this.pending.length >= (this.opts.maxPending ?? 10_000)) {
      this.overflowed = true;
      return;
    }
    this.pending.push(p);
  }

  /** After Redis returns: apply what was invalidated meanwhile, tell everyone, drop the L1. */
  private async resync(): Promise<void> {
    const pending = this.pending;
    const overflowed = this.overflowed;
    this.pending = [];
    this.overflowed = false;
    try {
      const tx = this.link.command.multi();
      const dels = pending.flatMap((p) => ('del' in p ? [p.del] : []));
      if (dels.length > 0) tx.del(...dels.map((k) => this.redisKey(k)));
      for (const stamp of new Set(dels.map((k) => this.stampKey(k)))) tx.incr(stamp).pexpire(stamp, GENERATION_TTL_MS);
      for (const p of pending) if ('gen' in p) tx.incr(p.gen).pexpire(p.gen, GENERATION_TTL_MS);
      tx.publish(this.channel, JSON.stringify({ from: this.link.replicaId, keys: dels } satisfies InvalidationMessage));
      await tx.exec();
      if (overflowed) await this.flushShared();
    } catch {
      for (const p of pending) this.remember(p);
      if (overflowed) this.overflowed = true;
    }
    this.l1.clear();
    this.genMirror.clear();
  }

  /** Deletes every cache entry under the prefix (only after more invalidations were lost than kept). */
  private async flushShared(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.link.command.scan(cursor, 'MATCH', `${this.link.prefix}ghl:*`, 'COUNT', 500);
      if (keys.length > 0) await this.link.command.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

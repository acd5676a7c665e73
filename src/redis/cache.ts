import { CACHE_VERSION, LruTtlCache, type GenerationStore, type TtlCache } from '../loaders/cache.js';
import type { RedisLink } from './connection.js';

/**
 * The shared cache tier: Redis holds the entries (keys are the tenant-carrying `cacheKey`s under
 * the link's prefix, so tenant and CACHE_VERSION are in every Redis key), and a short in-process
 * LRU in front (L1) saves a round trip for what this replica read a moment ago.
 *
 * Invalidation is shared: a delete or a generation bump goes to Redis and is broadcast on one
 * channel, and every replica drops it from its L1 as the message arrives. The L1 lifetime
 * (`REDIS_L1_TTL_MS`) bounds how long a replica that missed a broadcast (Redis away) can serve
 * an entry that another replica invalidated.
 *
 * A read that started before a write and ends after it must not put the old value back: a delete
 * leaves a tombstone stamped with Redis's time (`<key>:tomb`, one minute), a miss notes Redis's
 * time, and the fill that follows is refused when a tombstone is newer than its miss.
 *
 * Redis away: reads are misses (L1 still serves), writes stay local, and invalidations are kept
 * (bounded) and replayed when Redis returns; then every L1 is dropped, since broadcasts may have
 * been missed meanwhile.
 */
export interface SharedCacheOptions {
  maxL1Entries: number;
  l1TtlMs: number;
  /** Bound on invalidations remembered while Redis is away; beyond it the whole shared tier is flushed on return. */
  maxPending?: number;
}

type Pending = { del: string } | { gen: string };

interface InvalidationMessage {
  from: string;
  keys?: string[];
  gen?: { key: string; value: number };
}

/** Generations are kept a week past their last bump: far longer than any entry's TTL. */
const TOMBSTONE_MS = 60_000;

const FILL = `
local tomb = redis.call('GET', KEYS[2])
if tomb and tonumber(tomb) >= tonumber(ARGV[3]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;
const DROP = `
local t = redis.call('TIME')
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), 'PX', ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1
`;

interface CacheCommands {
  ghlCacheFill(key: string, tomb: string, value: string, ttlMs: number, missAt: number): Promise<number>;
  ghlCacheDrop(key: string, tomb: string, tombMs: number, channel: string, message: string): Promise<number>;
}

const GENERATION_TTL_MS = 7 * 24 * 3_600_000;

export class SharedCacheTier {
  readonly cache: TtlCache;
  readonly generations: GenerationStore;
  /** Settles once this replica listens to invalidations (before that, its L1 could miss one). */
  readonly subscribed: Promise<void>;
  private readonly l1: LruTtlCache;
  /** Generations as this replica last knew them: `value`, and until when to trust it without asking Redis. */
  private readonly genMirror = new Map<string, { value: number; until: number }>();
  private pending: Pending[] = [];
  private overflowed = false;
  private readonly channel: string;
  /** Redis's time at this replica's last miss per key: the fill that follows must be newer than any delete. */
  private readonly missAt = new Map<string, number>();

  constructor(private readonly link: RedisLink, private readonly opts: SharedCacheOptions) {
    this.l1 = new LruTtlCache({ maxEntries: opts.maxL1Entries });
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
    link.command.defineCommand('ghlCacheFill', { numberOfKeys: 2, lua: FILL });
    link.command.defineCommand('ghlCacheDrop', { numberOfKeys: 2, lua: DROP });
  }

  private redisKey(key: string): string {
    return this.link.prefix + key;
  }

  private async get<T>(key: string): Promise<T | undefined> {
    const local = await this.l1.get<T>(key);
    if (local !== undefined) return local;
    if (!this.link.up) return undefined;
    try {
      const [[, raw], [, pttl], [, time]] = (await this.link.command.pipeline().get(this.redisKey(key)).pttl(this.redisKey(key)).time().exec()) as [
        [null, string | null],
        [null, number],
        [null, [string, string]],
      ];
      if (raw === null) {
        this.noteMiss(key, Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000));
        return undefined;
      }
      const value = JSON.parse(raw) as T;
      if (pttl > 0) await this.l1.set(key, value, Math.min(pttl, this.opts.l1TtlMs));
      return value;
    } catch {
      return undefined;
    }
  }

  private async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    if (value === undefined) return;
    const missAt = this.missAt.get(key) ?? 0;
    this.missAt.delete(key);
    if (this.link.up) {
      try {
        const k = this.redisKey(key);
        const filled = await (this.link.command as unknown as CacheCommands).ghlCacheFill(k, `${k}:tomb`, JSON.stringify(value), Math.max(1, Math.ceil(ttlMs)), missAt);
        // Refused: a write invalidated the key while this value was being read; it may be stale.
        if (filled !== 1) return;
      } catch {
        // Redis failed: keep the value locally only.
      }
    }
    await this.l1.set(key, value, Math.min(ttlMs, this.opts.l1TtlMs));
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
      await (this.link.command as unknown as CacheCommands).ghlCacheDrop(k, `${k}:tomb`, TOMBSTONE_MS, this.channel, JSON.stringify({ from: this.link.replicaId, keys: [key] } satisfies InvalidationMessage));
    } catch {
      this.remember({ del: key });
    }
  }

  private generationKey(tenantKey: string, resource: string): string {
    return `${this.link.prefix}gen:${CACHE_VERSION}:${tenantKey}:${resource}`;
  }

  private async currentGeneration(tenantKey: string, resource: string): Promise<number> {
    const key = this.generationKey(tenantKey, resource);
    const known = this.genMirror.get(key);
    const now = Date.now();
    if (known && (known.until > now || !this.link.up)) return known.value;
    if (!this.link.up) return 0;
    try {
      const raw = await this.link.command.get(key);
      const value = raw === null ? 0 : Number(raw);
      this.mirror(key, value);
      return value;
    } catch {
      return known?.value ?? 0;
    }
  }

  private async bumpGeneration(tenantKey: string, resource: string): Promise<void> {
    const key = this.generationKey(tenantKey, resource);
    try {
      if (!this.link.up) throw new Error('redis down');
      const results = await this.link.command.multi().incr(key).pexpire(key, GENERATION_TTL_MS).exec();
      const value = Number(results?.[0]?.[1]);
      this.mirror(key, value);
      await this.link.command.publish(this.channel, JSON.stringify({ from: this.link.replicaId, gen: { key, value } } satisfies InvalidationMessage));
    } catch {
      // Local view moves on at once; Redis (and the other replicas) learn it on recovery.
      const value = (this.genMirror.get(key)?.value ?? 0) + 1;
      this.genMirror.set(key, { value, until: Infinity });
      this.remember({ gen: key });
    }
  }

  private mirror(key: string, value: number): void {
    // Generations only grow, so a broadcast that arrives late never moves this replica back.
    const known = this.genMirror.get(key)?.value ?? 0;
    this.genMirror.set(key, { value: Math.max(value, known), until: Date.now() + this.opts.l1TtlMs });
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
    if (msg.gen) this.mirror(msg.gen.key, msg.gen.value);
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

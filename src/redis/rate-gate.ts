import { GhlRateLimitedError } from '../ghl/errors.js';
import type { RateLimitSnapshot } from '../ghl/rate-limit-headers.js';
import type { Priority, SharedRateGate } from '../ghl/rate-limiter.js';
import type { RedisLink } from './connection.js';

/**
 * GHL's budget shared by every replica: the same accounting as the in-process ledger (a sliding
 * log for the burst window, a rolling day in one-minute buckets, a reserve that background work
 * may not use), kept in Redis and stepped atomically by Lua scripts, with Redis's own clock so
 * replicas with skewed clocks still agree. No client library offers this step (a sliding log that
 * holds in-flight calls until their answer and per-priority ceilings), hence the scripts.
 *
 * Per budget key (whatever key the limiter uses: a location, a company, a credential):
 * - `rate:<key>:burst`, a sorted set of sends scored by the time their slot frees. A granted
 *   call holds its slot provisionally until `now + inFlightHoldMs + hold`; its answer restamps it
 *   to `answer + hold`, since GHL may count it as late as it answers. A replica that dies mid-call
 *   therefore frees its slots after the provisional hold, never later.
 * - `rate:<key>:dayz` / `rate:<key>:dayh`, the day's buckets and their counts (plus `total`).
 * - `rate:<key>:block`, set after a 429 for the penalty's length.
 * Every key carries a TTL a little over what it must remember.
 *
 * The local limiter still queues and orders calls inside a replica; this gate is consulted when
 * it grants a slot. While Redis is away the gate lets calls through: each replica keeps its own
 * limits (the degraded mode), and the link logs that.
 */
export interface RedisRateGateOptions {
  burstMax: number;
  burstWindowMs: number;
  dailyMax: number;
  dailyWindowMs?: number;
  /** Margin added to each held slot for clock skew with GHL. @default 2% of the window */
  safetyMarginMs?: number;
  /** Share of each window background work leaves to interactive calls. @default 0.2 */
  interactiveReserve?: number;
  /** Longest a call may stay unanswered before its slot is counted from then (the request timeout). */
  inFlightHoldMs: number;
}

const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local burstCeil, hold, dailyCeil = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local dayMs, bucketMs, inFlightMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local blocked = redis.call('PTTL', KEYS[3])
if blocked > 0 then return blocked end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local used = redis.call('ZCARD', KEYS[1])
if used >= burstCeil then
  local frees = redis.call('ZRANGE', KEYS[1], used - burstCeil, used - burstCeil, 'WITHSCORES')
  return math.max(1, tonumber(frees[2]) - now)
end
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now - dayMs - bucketMs)
for _, b in ipairs(expired) do
  local n = tonumber(redis.call('HGET', KEYS[4], b) or '0')
  redis.call('HINCRBY', KEYS[4], 'total', -n)
  redis.call('HDEL', KEYS[4], b)
  redis.call('ZREM', KEYS[2], b)
end
local total = tonumber(redis.call('HGET', KEYS[4], 'total') or '0')
if total >= dailyCeil then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + bucketMs + dayMs - now)
end
redis.call('ZADD', KEYS[1], now + inFlightMs + hold, ARGV[7])
redis.call('PEXPIRE', KEYS[1], inFlightMs + hold + 1000)
local bucket = math.floor(now / bucketMs) * bucketMs
redis.call('ZADD', KEYS[2], bucket, bucket)
redis.call('HINCRBY', KEYS[4], bucket, 1)
redis.call('HINCRBY', KEYS[4], 'total', 1)
redis.call('PEXPIRE', KEYS[2], dayMs + 2 * bucketMs)
redis.call('PEXPIRE', KEYS[4], dayMs + 2 * bucketMs)
return 0
`;

const COMPLETE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
return 0
`;

/** Usage GHL reports that we did not count (another app, a replica's lost call) is entered as sends made now. */
const OBSERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local burstMax, hold, remaining = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if remaining >= 0 then
  local unseen = math.min(burstMax, burstMax - redis.call('ZCARD', KEYS[1]) - remaining)
  for i = 1, unseen do redis.call('ZADD', KEYS[1], now + hold, ARGV[4] .. ':' .. i) end
  if unseen > 0 then redis.call('PEXPIRE', KEYS[1], hold + 1000) end
end
return 0
`;

export class RedisRateGate implements SharedRateGate {
  private readonly hold: number;
  private readonly dayMs: number;
  private readonly bucketMs: number;
  private readonly reserve: number;
  /** Members this replica holds in flight, per key, oldest first: a completion restamps one. */
  private readonly inFlight = new Map<string, string[]>();
  private seq = 0;

  constructor(private readonly link: RedisLink, private readonly opts: RedisRateGateOptions) {
    this.hold = opts.burstWindowMs + (opts.safetyMarginMs ?? opts.burstWindowMs * 0.02);
    this.dayMs = opts.dailyWindowMs ?? 86_400_000;
    this.bucketMs = Math.max(1, Math.ceil(this.dayMs / 1_440));
    this.reserve = opts.interactiveReserve ?? 0.2;
    link.command.defineCommand('ghlRateTake', { numberOfKeys: 4, lua: TAKE });
    link.command.defineCommand('ghlRateComplete', { numberOfKeys: 1, lua: COMPLETE });
    link.command.defineCommand('ghlRateObserve', { numberOfKeys: 1, lua: OBSERVE });
  }

  private keys(key: string) {
    const base = `${this.link.prefix}rate:${key}`;
    return { burst: `${base}:burst`, dayz: `${base}:dayz`, block: `${base}:block`, dayh: `${base}:dayh` };
  }

  private ceiling(max: number, priority: Priority): number {
    return priority === 'interactive' ? max : Math.max(1, Math.floor(max * (1 - this.reserve) + 1e-9));
  }

  /**
   * Resolves once the shared budget grants a slot for `key`; rejects with RATE_LIMITED when the
   * next shared slot falls after `deadlineAt` (epoch ms). Redis away or failing: resolves at once.
   */
  async admit(key: string, opts: { priority: Priority; operation: string; deadlineAt: number; signal?: AbortSignal }): Promise<void> {
    const k = this.keys(key);
    for (;;) {
      if (!this.link.up) return;
      const member = `${this.link.replicaId}:${++this.seq}`;
      let waitMs: number;
      try {
        waitMs = Number(
          await (this.link.command as unknown as RateCommands).ghlRateTake(
            k.burst, k.dayz, k.block, k.dayh,
            this.ceiling(this.opts.burstMax, opts.priority), this.hold,
            this.ceiling(this.opts.dailyMax, opts.priority), this.dayMs, this.bucketMs, this.opts.inFlightHoldMs, member,
          ),
        );
      } catch {
        return;
      }
      if (waitMs <= 0) {
        const list = this.inFlight.get(key) ?? [];
        list.push(member);
        this.inFlight.set(key, list);
        return;
      }
      const now = Date.now();
      if (now + waitMs > opts.deadlineAt) {
        throw new GhlRateLimitedError(
          `GHL rate budget for ${key} is used up across replicas: ${opts.operation} could not be sent in time (next slot in about ${Math.ceil(waitMs / 1000)} s)`,
          opts.operation,
          null,
          waitMs,
        );
      }
      // A little jitter so replicas woken for the same freed slot do not all ask at once.
      await sleep(waitMs + Math.floor(Math.random() * 5), opts.signal);
    }
  }

  /** A call granted through `admit` has its answer: its slot is held from now. */
  complete(key: string): void {
    const list = this.inFlight.get(key);
    const member = list?.shift();
    if (list && list.length === 0) this.inFlight.delete(key);
    if (!member || !this.link.up) return;
    (this.link.command as unknown as RateCommands).ghlRateComplete(this.keys(key).burst, member, this.hold).catch(() => undefined);
  }

  observe(key: string, s: RateLimitSnapshot): void {
    if (!this.link.up || s.remaining === null || !Number.isFinite(s.remaining)) return;
    const max = s.max !== null && s.max > 0 ? Math.floor(s.max) : this.opts.burstMax;
    (this.link.command as unknown as RateCommands)
      .ghlRateObserve(this.keys(key).burst, Math.min(max, this.opts.burstMax), this.hold, Math.max(0, Math.floor(s.remaining)), `obs:${this.link.replicaId}:${++this.seq}`)
      .catch(() => undefined);
  }

  penalize(key: string, ms: number): void {
    if (!this.link.up || !(ms > 0)) return;
    this.link.command.set(this.keys(key).block, '1', 'PX', Math.ceil(ms)).catch(() => undefined);
  }
}

interface RateCommands {
  ghlRateTake(...args: (string | number)[]): Promise<number>;
  ghlRateComplete(...args: (string | number)[]): Promise<number>;
  ghlRateObserve(...args: (string | number)[]): Promise<number>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

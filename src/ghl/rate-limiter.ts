/**
 * Per-location scheduler that keeps the gateway under GHL's rate limits instead of running into 429s.
 *
 * GHL allows each marketplace app, per location (or company), 100 requests per 10 s burst window and
 * 200,000 per day, and reports the budget in `X-RateLimit-*` headers. Whether the burst window is
 * fixed or sliding, and when the day resets, is undocumented; GHL sends no Retry-After.
 *
 * The module has two layers:
 *
 * - {@link SlidingWindowLedger}: pure accounting for one key, with time passed in. It answers "may a
 *   call of this priority go now?", "when is the next slot?" and records sends. It owns no timers and
 *   no promises, so a Redis-backed ledger shared by several replicas can replace it (the same
 *   operations become one Lua script over a sorted set of send times per key).
 * - {@link RateLimiter}: the waiting. Per key, two FIFO queues (interactive before background) and at
 *   most one timer, armed for the moment the head of the queue can go (or the earliest deadline).
 *
 * Accounting choices, both conservative whatever GHL actually does:
 *
 * - Burst: a sliding log of send times. A send occupies a slot for `burstWindowMs + safetyMarginMs`,
 *   so in any interval of `burstWindowMs` at most `burstMax` sends happen. That also satisfies a fixed
 *   window of any phase, since a fixed window is one such interval.
 * - Day: a rolling day, counted in 1,440 buckets (one minute for the default day). A rolling day
 *   holding at most `dailyMax` sends implies at most `dailyMax` in every fixed day whatever the hour
 *   GHL resets at, which we do not know. Buckets keep memory flat (no 200,000-entry log); each bucket
 *   is held until its end plus a day, which over-counts by at most one bucket (0.07% of a day). The
 *   price of a rolling day: once the whole day is spent we wait until sends age out, not until GHL's
 *   (unknown) reset. With 100/10 s the burst limit allows 864,000/day, so the daily cap binds only for a
 *   location averaging more than 2.3 requests/s.
 */
import type { Clock, TimerHandle } from '../lib/clock.js';
import { systemClock } from '../lib/clock.js';
import { GhlRateLimitedError, GhlUnavailableError } from './errors.js';
import type { RateLimitSnapshot } from './rate-limit-headers.js';

export interface RateLimiterOptions {
  /** Requests allowed per burst window (GHL's `X-RateLimit-Max`). @default 100 */
  burstMax?: number;
  /** Length of the burst window in milliseconds (GHL's `X-RateLimit-Interval-Milliseconds`). @default 10_000 */
  burstWindowMs?: number;
  /** Requests allowed per day (GHL's `X-RateLimit-Limit-Daily`). @default 200_000 */
  dailyMax?: number;
  /** Length of the daily window in milliseconds; counted as a rolling day. @default 86_400_000 */
  dailyWindowMs?: number;
  /**
   * Extra wait in milliseconds added after a window slot frees, to absorb clock skew between us and GHL.
   * @default 2% of burstWindowMs (200 for the default window; follows a window length GHL reports)
   */
  safetyMarginMs?: number;
  /** How long in milliseconds a queued interactive call may wait before failing with RATE_LIMITED. @default 10_000 */
  interactiveMaxWaitMs?: number;
  /** How long in milliseconds queued background (polling) work may wait before failing with RATE_LIMITED. @default 60_000 */
  backgroundMaxWaitMs?: number;
  /**
   * Share (0 ≤ x < 1) of each burst window and of the day that background work may never use, kept for
   * interactive calls. Background always keeps at least one slot per window, so polling is never locked
   * out by rounding. @default 0.2
   */
  interactiveReserve?: number;
  /**
   * Most keys (tenants) to keep state for. Beyond it, the least recently used idle keys are
   * evicted, so invented location ids or tokens cannot grow memory. @default 10_000
   */
  maxKeys?: number;
  /** An idle key untouched this long is dropped. @default 10 burst windows */
  idleEvictMs?: number;
  /** Time source for accounting and timers. @default systemClock */
  clock?: Clock;
  /** A budget shared with other processes (replicas), consulted whenever a slot is granted here. */
  sharedGate?: SharedRateGate;
}

/**
 * A ledger shared by several gateway processes (src/redis/rate-gate.ts). The limiter asks it once
 * it has granted a slot locally; header observations, answers and 429 penalties are passed on.
 */
export interface SharedRateGate {
  /** Resolves when the shared budget has a slot; rejects (RATE_LIMITED) if none before `deadlineAt` (clock ms). */
  admit(key: string, opts: { priority: Priority; operation: string; deadlineAt: number; signal?: AbortSignal }): Promise<void>;
  complete(key: string): void;
  observe(key: string, snapshot: RateLimitSnapshot): void;
  penalize(key: string, ms: number): void;
}

export type Priority = 'interactive' | 'background';

export interface AcquireOptions {
  priority: Priority;
  /** Operation key (`METHOD path`) for errors and logs. */
  operation: string;
  /** Absolute time (clock milliseconds) after which the caller no longer wants the slot. */
  deadlineAt?: number;
  signal?: AbortSignal;
  /**
   * The caller will call `complete(key, takenAt)` when the answer arrives: until then the slot is
   * held whatever the time. Without it, a slot counts from the send time.
   */
  inFlight?: boolean;
}

export interface RateLimiterStats {
  /** Calls waiting for a slot, by priority. */
  queued: { interactive: number; background: number };
  /** Burst slots held now: sends still inside the window (plus margin), including usage learnt from headers. */
  usedInWindow: number;
  /** Sends counted in the rolling day, including usage learnt from headers. */
  usedToday: number;
  /** 429s reported through `penalize`. */
  throttled429: number;
  /** Total milliseconds calls spent queued (granted, timed out, aborted or closed alike). */
  waitedMs: number;
}

const DEFAULTS = {
  burstMax: 100,
  burstWindowMs: 10_000,
  dailyMax: 200_000,
  dailyWindowMs: 86_400_000,
  safetyMarginShare: 0.02,
  interactiveMaxWaitMs: 10_000,
  backgroundMaxWaitMs: 60_000,
  interactiveReserve: 0.2,
} as const;

/** Buckets per daily window. */
const DAY_BUCKETS = 1_440;

interface LedgerConfig {
  burstMax: number;
  burstWindowMs: number;
  dailyMax: number;
  dailyWindowMs: number;
  /** Explicit margin; undefined means 2% of the (possibly GHL-reported) burst window. */
  safetyMarginMs: number | undefined;
  interactiveReserve: number;
}

/** A plan of slots for calls in service order; see {@link SlidingWindowLedger.plan}. @internal */
export interface SlotPlan {
  /** Earliest time the next call of `priority` could go, after every committed call. */
  peek(priority: Priority): number;
  /** Adds the next call to the plan; returns its time. */
  commit(priority: Priority): number;
}

interface DayBucket {
  start: number;
  count: number;
}

/**
 * Pure accounting of one key's budget: no timers, no promises, time is always passed in.
 * @internal Exported for tests and for a future shared (Redis) implementation of the same contract.
 */
export class SlidingWindowLedger {
  private burstMax: number;
  private burstWindowMs: number;
  private dailyMax: number;
  private readonly dailyWindowMs: number;
  private readonly explicitMarginMs: number | undefined;
  private readonly reserve: number;
  private readonly bucketMs: number;
  /** Send times (ours and ones learnt from headers), ascending. */
  private readonly sends: number[] = [];
  /** Daily counts per bucket, ascending by start. */
  private readonly buckets: DayBucket[] = [];
  private dailyTotal = 0;
  private blockedUntil = -Infinity;

  constructor(config: LedgerConfig) {
    this.burstMax = config.burstMax;
    this.burstWindowMs = config.burstWindowMs;
    this.dailyMax = config.dailyMax;
    this.dailyWindowMs = config.dailyWindowMs;
    this.explicitMarginMs = config.safetyMarginMs;
    this.reserve = config.interactiveReserve;
    this.bucketMs = Math.max(1, Math.ceil(config.dailyWindowMs / DAY_BUCKETS));
  }

  get windowMs(): number {
    return this.burstWindowMs;
  }

  private get marginMs(): number {
    return this.explicitMarginMs ?? this.burstWindowMs * DEFAULTS.safetyMarginShare;
  }

  /** How long one send holds a burst slot. */
  private get burstHoldMs(): number {
    return this.burstWindowMs + this.marginMs;
  }

  /** When a day bucket's sends stop counting: its end plus a day (plus margin). */
  private bucketExpiry(b: DayBucket): number {
    return b.start + this.bucketMs + this.dailyWindowMs + this.marginMs;
  }

  /** Slots a priority may fill: background leaves the reserved share free. */
  private ceilings(priority: Priority): { burst: number; daily: number } {
    if (priority === 'interactive') return { burst: this.burstMax, daily: this.dailyMax };
    const share = (max: number) => Math.max(1, Math.floor(max * (1 - this.reserve) + 1e-9));
    return { burst: share(this.burstMax), daily: share(this.dailyMax) };
  }

  private prune(now: number): void {
    const hold = this.burstHoldMs;
    let drop = 0;
    while (drop < this.sends.length && this.sends[drop]! + hold <= now) drop++;
    if (drop > 0) this.sends.splice(0, drop);
    while (this.buckets.length > 0 && this.bucketExpiry(this.buckets[0]!) <= now) {
      this.dailyTotal -= this.buckets.shift()!.count;
    }
  }

  /** Inserts a send time keeping the log sorted (in-flight entries, at +Infinity, stay last). */
  private insertSorted(at: number): void {
    let j = this.sends.length;
    while (j > 0 && this.sends[j - 1]! > at) j--;
    this.sends.splice(j, 0, at);
  }

  /**
   * Records `count` sends. An in-flight send is stamped +Infinity: it holds its slot until
   * `restamp` gives it its completion time, however long GHL takes to answer, because GHL may
   * count it as late as its answer.
   */
  private record(now: number, count: number, inFlight = false): number {
    if (inFlight) {
      for (let i = 0; i < count; i++) this.sends.push(Number.POSITIVE_INFINITY);
    } else {
      for (let i = 0; i < count; i++) this.insertSorted(now);
    }
    const at = inFlight ? Number.POSITIVE_INFINITY : now;
    if (count <= 0) return at;
    const start = Math.floor(now / this.bucketMs) * this.bucketMs;
    const tail = this.buckets[this.buckets.length - 1];
    if (tail && tail.start >= start) tail.count += count;
    else this.buckets.push({ start, count });
    this.dailyTotal += count;
    return at;
  }

  /**
   * Moves one send from `takenAt` to `completedAt`. GHL counts a request when it arrives, which we
   * cannot see: somewhere between our send and its response. Holding the slot from the response
   * is the only stamp that is safe whatever GHL's window alignment and however long a new
   * connection takes to deliver the request; it costs one round trip per window of throughput.
   */
  restamp(takenAt: number, completedAt: number): void {
    const i = this.sends.indexOf(takenAt);
    // A finite stamp only ever moves later; an in-flight one (+Infinity) always gets its completion time.
    if (i < 0 || (Number.isFinite(takenAt) && completedAt <= takenAt)) return;
    this.sends.splice(i, 1);
    this.insertSorted(completedAt);
  }

  /**
   * Plans slots for a sequence of calls in service order, from `now`. `peek(priority)` gives the
   * earliest time the next call could go if every call committed before it goes as early as it can;
   * `commit(priority)` adds that call to the plan and returns the same time.
   */
  plan(now: number): SlotPlan {
    this.prune(now);
    const sends = this.sends;
    const buckets = this.buckets;
    const hold = this.burstHoldMs;
    const dayHold = this.bucketMs + this.dailyWindowMs + this.marginMs;
    const base = Math.max(now, this.blockedUntil);
    const dailyTotal = this.dailyTotal;
    const planned: number[] = [];
    let cumulative: number[] | null = null;
    const dailyFreeAt = (need: number): number => {
      // Time at which the oldest `need` counted daily sends have expired.
      if (!cumulative) {
        cumulative = [];
        let sum = 0;
        for (const b of buckets) cumulative.push((sum += b.count));
      }
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! >= need) hi = mid;
        else lo = mid + 1;
      }
      return this.bucketExpiry(buckets[lo]!);
    };
    const peek = (priority: Priority): number => {
      const { burst, daily } = this.ceilings(priority);
      const k = planned.length;
      let at = Math.max(base, planned[k - 1] ?? base);
      // Burst: the (k+1)-th new send needs the entry `burst` places before it to have expired.
      const idx = sends.length + k - burst;
      if (idx >= 0) {
        const stamp = idx < sends.length ? sends[idx]! : planned[idx - sends.length]!;
        // An in-flight send frees its slot a window after it completes; plan as if it completes now
        // (the grant itself re-checks, so a slow answer only delays the call).
        at = Math.max(at, (Number.isFinite(stamp) ? stamp : now) + hold);
      }
      // Day: the same, over bucketed counts.
      const need = dailyTotal + k + 1 - daily;
      if (need > 0) at = Math.max(at, need <= dailyTotal ? dailyFreeAt(need) : planned[need - dailyTotal - 1]! + dayHold);
      return at;
    };
    return {
      peek,
      commit(priority: Priority): number {
        const at = peek(priority);
        planned.push(at);
        return at;
      },
    };
  }

  /** Earliest time (≥ now) one call of `priority` may go, ignoring any queue. */
  nextSlotAt(now: number, priority: Priority): number {
    return this.plan(now).peek(priority);
  }

  /**
   * Takes a slot at `now` if one is free for `priority`; returns the stamp it was recorded with
   * (+Infinity when `inFlight`: pass it to `restamp` on completion), or null.
   */
  tryTake(now: number, priority: Priority, inFlight = false): number | null {
    if (this.nextSlotAt(now, priority) > now) return null;
    return this.record(now, 1, inFlight);
  }

  /** Adopts GHL's reported limits and tightens (never loosens) our count of what is left. */
  observe(now: number, s: RateLimitSnapshot): void {
    const positive = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;
    if (positive(s.max)) this.burstMax = Math.max(1, Math.floor(s.max));
    if (positive(s.intervalMs)) this.burstWindowMs = s.intervalMs;
    if (positive(s.dailyLimit)) this.dailyMax = Math.max(1, Math.floor(s.dailyLimit));
    this.prune(now);
    // Usage we did not see (another replica, app or process) is entered as sends made now: it
    // happened at most a window ago, so holding it for a full window from now is on the safe side.
    if (s.remaining !== null && Number.isFinite(s.remaining)) {
      const unseen = this.burstMax - this.sends.length - Math.max(0, Math.floor(s.remaining));
      for (let i = 0; i < unseen; i++) this.insertSorted(now);
    }
    if (s.dailyRemaining !== null && Number.isFinite(s.dailyRemaining)) {
      const unseen = this.dailyMax - this.dailyTotal - Math.max(0, Math.floor(s.dailyRemaining));
      if (unseen > 0) {
        const start = Math.floor(now / this.bucketMs) * this.bucketMs;
        const tail = this.buckets[this.buckets.length - 1];
        if (tail && tail.start >= start) tail.count += unseen;
        else this.buckets.push({ start, count: unseen });
        this.dailyTotal += unseen;
      }
    }
  }

  /** Sends nothing before `now + ms`. */
  block(now: number, ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, now + ms);
  }

  /** Whether a send is still waiting for its answer (its slot must not be forgotten). */
  hasInFlight(): boolean {
    return this.sends.length > 0 && this.sends[this.sends.length - 1] === Number.POSITIVE_INFINITY;
  }

  usage(now: number): { inWindow: number; today: number } {
    this.prune(now);
    return { inWindow: this.sends.length, today: this.dailyTotal };
  }

  /** The limits in force: configured, or as GHL's headers last reported them. */
  limits(): { burstMax: number; burstWindowMs: number; dailyMax: number } {
    return { burstMax: this.burstMax, burstWindowMs: this.burstWindowMs, dailyMax: this.dailyMax };
  }
}

interface Waiter {
  readonly priority: Priority;
  readonly operation: string;
  readonly enqueuedAt: number;
  readonly deadlineAt: number;
  readonly maxWaitMs: number;
  readonly resolve: (takenAt: number) => void;
  readonly inFlight: boolean;
  readonly reject: (err: unknown) => void;
  readonly signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
}

interface KeyState {
  readonly ledger: SlidingWindowLedger;
  readonly interactive: Waiter[];
  readonly background: Waiter[];
  timer: TimerHandle | null;
  timerAt: number;
  throttled429: number;
  waitedMs: number;
  lastUsedAt: number;
}

/**
 * Keeps each location's (or company's) calls under GHL's limits by queueing them.
 *
 * Per key: interactive calls are served before background ones, FIFO within a priority; background
 * work never takes the reserved share of a window. A call is rejected with {@link GhlRateLimitedError}
 * as soon as the plan says it cannot be sent before its deadline (at enqueue, or when a 429 or a
 * header tightens the budget), or at the latest when the deadline passes. Each key has at most one
 * timer, set for when the head of its queue can go or the earliest deadline falls, whichever is first.
 *
 * Keys are bounded: an idle key (nothing queued, nothing in flight) is dropped once untouched for
 * `idleEvictMs`, or sooner, least recently used first, when more than `maxKeys` are held. Forgetting
 * a key's past sends is safe enough: GHL's `X-RateLimit-*` headers on its next answer restore them.
 */
export class RateLimiter {
  private readonly clock: Clock;
  private readonly ledgerConfig: LedgerConfig;
  private readonly interactiveMaxWaitMs: number;
  private readonly backgroundMaxWaitMs: number;
  /** In least-recently-used order: a key is moved to the end whenever it is used. */
  private readonly keys = new Map<string, KeyState>();
  private readonly maxKeys: number;
  private readonly idleEvictMs: number;
  private closed = false;
  private readonly sharedGate: SharedRateGate | undefined;

  constructor(options: RateLimiterOptions = {}) {
    const burstMax = options.burstMax ?? DEFAULTS.burstMax;
    const burstWindowMs = options.burstWindowMs ?? DEFAULTS.burstWindowMs;
    const dailyMax = options.dailyMax ?? DEFAULTS.dailyMax;
    const dailyWindowMs = options.dailyWindowMs ?? DEFAULTS.dailyWindowMs;
    const interactiveReserve = options.interactiveReserve ?? DEFAULTS.interactiveReserve;
    this.interactiveMaxWaitMs = options.interactiveMaxWaitMs ?? DEFAULTS.interactiveMaxWaitMs;
    this.backgroundMaxWaitMs = options.backgroundMaxWaitMs ?? DEFAULTS.backgroundMaxWaitMs;
    requireInteger('burstMax', burstMax, 1);
    requireInteger('dailyMax', dailyMax, 1);
    requirePositive('burstWindowMs', burstWindowMs);
    requirePositive('dailyWindowMs', dailyWindowMs);
    if (options.safetyMarginMs !== undefined && !(options.safetyMarginMs >= 0 && Number.isFinite(options.safetyMarginMs))) {
      throw new RangeError(`safetyMarginMs must be a finite number ≥ 0, got ${options.safetyMarginMs}`);
    }
    if (!(this.interactiveMaxWaitMs >= 0)) throw new RangeError(`interactiveMaxWaitMs must be ≥ 0, got ${this.interactiveMaxWaitMs}`);
    if (!(this.backgroundMaxWaitMs >= 0)) throw new RangeError(`backgroundMaxWaitMs must be ≥ 0, got ${this.backgroundMaxWaitMs}`);
    if (!(interactiveReserve >= 0 && interactiveReserve < 1)) {
      throw new RangeError(`interactiveReserve must be in [0, 1), got ${interactiveReserve}`);
    }
    this.maxKeys = options.maxKeys ?? 10_000;
    requireInteger('maxKeys', this.maxKeys, 1);
    this.idleEvictMs = options.idleEvictMs ?? burstWindowMs * 10;
    this.ledgerConfig = { burstMax, burstWindowMs, dailyMax, dailyWindowMs, safetyMarginMs: options.safetyMarginMs, interactiveReserve };
    this.clock = options.clock ?? systemClock;
    this.sharedGate = options.sharedGate;
  }

  /**
   * Waits for a slot for `key` (a location or company id), here and, when configured, in the
   * budget shared with other replicas. See {@link acquireLocal}; a shared refusal gives the local
   * slot back (counted from now) and rejects the same way.
   */
  acquire(key: string, opts: AcquireOptions): Promise<number> {
    const gate = this.sharedGate;
    if (!gate) return this.acquireLocal(key, opts);
    const maxWaitMs = opts.priority === 'interactive' ? this.interactiveMaxWaitMs : this.backgroundMaxWaitMs;
    const deadlineAt = Math.min(this.clock.now() + maxWaitMs, opts.deadlineAt ?? Infinity);
    return this.acquireLocal(key, opts).then((takenAt) =>
      gate.admit(key, { priority: opts.priority, operation: opts.operation, deadlineAt, ...(opts.signal ? { signal: opts.signal } : {}) }).then(
        () => takenAt,
        (err: unknown) => {
          this.completeLocal(key, takenAt);
          throw err;
        },
      ),
    );
  }

  /**
   * Waits for a slot for `key` (a location or company id). Resolves when the call may be sent; the
   * slot is consumed then. Rejects with GhlRateLimitedError (retryAfterMs set) if the slot cannot be
   * had before the deadline (the earlier of maxWait for the priority and `deadlineAt`). Honours an
   * AbortSignal: an aborted call leaves the queue and rejects with the signal's reason.
   */
  private acquireLocal(key: string, opts: AcquireOptions): Promise<number> {
    const { priority, operation, signal } = opts;
    const inFlight = opts.inFlight ?? false;
    if (priority !== 'interactive' && priority !== 'background') {
      return Promise.reject(new TypeError(`Unknown priority ${String(priority)}`));
    }
    if (this.closed) return Promise.reject(closedError(operation));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const st = this.state(key);
    const now = this.clock.now();
    const maxWaitMs = priority === 'interactive' ? this.interactiveMaxWaitMs : this.backgroundMaxWaitMs;
    const deadlineAt = Math.min(now + maxWaitMs, opts.deadlineAt ?? Infinity);
    const queuedAhead = priority === 'interactive' ? st.interactive.length : st.interactive.length + st.background.length;

    if (queuedAhead === 0) {
      const takenAt = st.ledger.tryTake(now, priority, inFlight);
      if (takenAt !== null) return Promise.resolve(takenAt);
    }

    // Fail fast when even the plan (everyone ahead going as early as possible) misses the deadline.
    const plan = st.ledger.plan(now);
    for (const w of st.interactive) plan.commit(w.priority);
    if (priority === 'background') for (const w of st.background) plan.commit(w.priority);
    const eta = plan.peek(priority);
    if (eta > deadlineAt) {
      return Promise.reject(this.deadlineError(key, st, operation, eta, now, deadlineAt - now));
    }

    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = { priority, operation, enqueuedAt: now, deadlineAt, maxWaitMs: deadlineAt - now, resolve, reject, signal, onAbort: null, inFlight };
      if (signal) {
        waiter.onAbort = () => {
          const queue = st[waiter.priority];
          const i = queue.indexOf(waiter);
          if (i < 0) return;
          queue.splice(i, 1);
          this.settle(st, waiter, this.clock.now());
          reject(abortReason(signal));
          this.pump(key, st);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      st[priority].push(waiter);
      this.arm(key, st, now);
    });
  }

  /**
   * Corrects our view from a response's headers (another process or app may share the budget): e.g.
   * remaining=3 while we think 40 are left → we believe 3. Also adopts max/interval/daily values GHL
   * reports. Never loosens below what we have counted ourselves.
   */
  observe(key: string, snapshot: RateLimitSnapshot): void {
    if (this.closed) return;
    this.sharedGate?.observe(key, snapshot);
    const st = this.state(key);
    st.ledger.observe(this.clock.now(), snapshot);
    this.pump(key, st);
  }

  /**
   * Tells the limiter a call granted at `takenAt` (the value `acquire` resolved with) has its
   * answer now, so its slot is held from now: see SlidingWindowLedger.restamp for why.
   */
  complete(key: string, takenAt: number): void {
    this.sharedGate?.complete(key);
    this.completeLocal(key, takenAt);
  }

  private completeLocal(key: string, takenAt: number): void {
    if (this.closed) return;
    const st = this.keys.get(key);
    if (!st) return;
    this.touch(key, st);
    st.ledger.restamp(takenAt, this.clock.now());
    this.pump(key, st);
  }

  /** After a 429 that still happened: block `key` for `retryAfterMs` (default: one burst window), and count it. */
  penalize(key: string, retryAfterMs?: number): void {
    if (this.closed) return;
    const st = this.state(key);
    const ms = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? retryAfterMs : st.ledger.windowMs;
    this.sharedGate?.penalize(key, ms);
    st.ledger.block(this.clock.now(), ms);
    st.throttled429++;
    this.pump(key, st);
  }

  /** Figures for tests, benchmarks and the cost report. */
  stats(key: string): RateLimiterStats {
    const st = this.keys.get(key);
    if (!st) return { queued: { interactive: 0, background: 0 }, usedInWindow: 0, usedToday: 0, throttled429: 0, waitedMs: 0 };
    const usage = st.ledger.usage(this.clock.now());
    return {
      queued: { interactive: st.interactive.length, background: st.background.length },
      usedInWindow: usage.inWindow,
      usedToday: usage.today,
      throttled429: st.throttled429,
      waitedMs: st.waitedMs,
    };
  }

  /** The limits for `key`: as configured until GHL's headers report its own. */
  limits(key: string): { burstMax: number; burstWindowMs: number; dailyMax: number } {
    const st = this.keys.get(key);
    if (st) return st.ledger.limits();
    const { burstMax, burstWindowMs, dailyMax } = this.ledgerConfig;
    return { burstMax, burstWindowMs, dailyMax };
  }

  /** Rejects all waiters (with a clear error) and clears timers; for shutdown. Later acquires reject too. */
  close(): void {
    this.closed = true;
    const now = this.clock.now();
    for (const st of this.keys.values()) {
      if (st.timer) this.clock.clearTimeout(st.timer);
      st.timer = null;
      const waiters = [...st.interactive, ...st.background];
      st.interactive.length = 0;
      st.background.length = 0;
      for (const w of waiters) {
        this.settle(st, w, now);
        w.reject(closedError(w.operation));
      }
    }
  }

  /** Keys (tenants) held now; bounded by `maxKeys` plus the keys busy at once. */
  get keyCount(): number {
    return this.keys.size;
  }

  private state(key: string): KeyState {
    let st = this.keys.get(key);
    if (st) {
      this.touch(key, st);
    } else {
      this.evict();
      st = {
        ledger: new SlidingWindowLedger(this.ledgerConfig),
        interactive: [],
        background: [],
        timer: null,
        timerAt: Infinity,
        throttled429: 0,
        waitedMs: 0,
        lastUsedAt: this.clock.now(),
      };
      this.keys.set(key, st);
    }
    return st;
  }

  private touch(key: string, st: KeyState): void {
    st.lastUsedAt = this.clock.now();
    this.keys.delete(key);
    this.keys.set(key, st);
  }

  private static idle(st: KeyState): boolean {
    return st.interactive.length === 0 && st.background.length === 0 && st.timer === null && !st.ledger.hasInFlight();
  }

  /**
   * Before a new key is added: drops the oldest keys if idle and stale, and, when at the bound,
   * idle keys least recently used first (down to 90% of the bound, so this runs rarely).
   */
  private evict(): void {
    const now = this.clock.now();
    let checked = 0;
    for (const [key, st] of this.keys) {
      if (checked++ >= 4 || now - st.lastUsedAt < this.idleEvictMs) break;
      if (RateLimiter.idle(st)) this.keys.delete(key);
    }
    if (this.keys.size < this.maxKeys) return;
    const target = Math.floor(this.maxKeys * 0.9);
    for (const [key, st] of this.keys) {
      if (this.keys.size <= target) break;
      if (RateLimiter.idle(st)) this.keys.delete(key);
    }
  }

  /**
   * Grants every call that may go now (in service order), rejects calls that can no longer make their
   * deadline, then re-arms the key's one timer.
   */
  private pump(key: string, st: KeyState): void {
    if (this.closed) return;
    const now = this.clock.now();
    for (;;) {
      // 1. Grant from the head while slots are free. Interactive first: while an interactive call
      //    waits, background waits too (it could only take a slot interactive cannot).
      for (;;) {
        const queue = st.interactive.length > 0 ? st.interactive : st.background;
        const head = queue[0];
        const takenAt = head ? st.ledger.tryTake(now, head.priority, head.inFlight) : null;
        if (!head || takenAt === null) break;
        queue.shift();
        this.settle(st, head, now);
        head.resolve(takenAt);
      }
      // 2. Walk the rest in service order along the plan; drop whoever would miss their deadline.
      const plan = st.ledger.plan(now);
      let removedInteractive = false;
      for (const queue of [st.interactive, st.background]) {
        for (let i = 0; i < queue.length; ) {
          const w = queue[i]!;
          const eta = plan.peek(w.priority);
          if (eta <= w.deadlineAt) {
            plan.commit(w.priority);
            i++;
            continue;
          }
          queue.splice(i, 1);
          if (w.priority === 'interactive') removedInteractive = true;
          this.settle(st, w, now);
          w.reject(this.deadlineError(key, st, w.operation, eta, now, w.maxWaitMs));
        }
      }
      // Once the last interactive waiter has gone, background may be able to go right away.
      if (!(removedInteractive && st.interactive.length === 0 && st.background.length > 0)) break;
    }
    this.arm(key, st, now);
  }

  /** Keeps exactly one timer for the key: when the head can go, or the earliest deadline falls. */
  private arm(key: string, st: KeyState, now: number): void {
    const head = st.interactive[0] ?? st.background[0];
    let wake = head ? st.ledger.nextSlotAt(now, head.priority) : Infinity;
    for (const w of st.interactive) if (w.deadlineAt < wake) wake = w.deadlineAt;
    for (const w of st.background) if (w.deadlineAt < wake) wake = w.deadlineAt;
    if (st.timer && st.timerAt === wake) return;
    if (st.timer) this.clock.clearTimeout(st.timer);
    st.timer = null;
    st.timerAt = Infinity;
    if (!Number.isFinite(wake)) return;
    st.timerAt = wake;
    // Rounded up and at least 1 ms: when the timer fires, the slot is free, so it never spins.
    st.timer = this.clock.setTimeout(() => {
      st.timer = null;
      st.timerAt = Infinity;
      this.pump(key, st);
    }, Math.max(1, Math.ceil(wake - now)));
  }

  private settle(st: KeyState, w: Waiter, now: number): void {
    st.waitedMs += Math.max(0, now - w.enqueuedAt);
    if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
    w.onAbort = null;
  }

  private deadlineError(key: string, st: KeyState, operation: string, eta: number, now: number, waitMs: number): GhlRateLimitedError {
    const retryAfterMs = Number.isFinite(eta) ? Math.max(1, Math.ceil(eta - now)) : st.ledger.windowMs;
    return new GhlRateLimitedError(
      `GHL rate budget for ${key} is used up: ${operation} could not be sent within ${Math.max(0, Math.round(waitMs))} ms (next slot in about ${Math.ceil(retryAfterMs / 1000)} s)`,
      operation,
      null,
      retryAfterMs,
    );
  }
}

function closedError(operation: string): GhlUnavailableError {
  return new GhlUnavailableError(`The gateway is shutting down; ${operation} was not sent`, operation, null);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

function requireInteger(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${v}`);
}

function requirePositive(name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number > 0, got ${v}`);
}

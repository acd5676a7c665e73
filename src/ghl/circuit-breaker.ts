/**
 * Per-key (per budget key, i.e. per location) circuit breakers, so one location whose calls keep
 * failing stops spending time and budget on GHL while other locations carry on.
 *
 *   closed ──(failure RATE ≥ failureRate over the last windowMs, with ≥ minimumCalls)──▶ open
 *   open ──(openMs elapsed; next beforeCall becomes the probe)──▶ half-open
 *   half-open ──probe recordSuccess──▶ closed (window cleared)
 *   half-open ──probe recordFailure──▶ open (for another openMs)
 *
 * Why a rate and not a run of consecutive failures: random faults cluster. Behind a proxy that
 * reorders answers, or whenever fast failures (resets) overtake slow successes, 30% random
 * failures produce runs of ten or more now and then, and a consecutive-count breaker opened on
 * healthy-enough upstreams. A rate over a window with a minimum volume opens only when most calls
 * fail.
 *
 * Why not cockatiel (weighed for issue 12): 4.x needs Node 22 (`engines: >=22`). 3.2.1's
 * SamplingBreaker is the nearest fit but differs where it matters here: it reads Date.now()
 * itself, so it cannot run on the injectable clock the tests drive; its minimum volume is a rate
 * per second (`minimumRps`), not a count of calls; it weighs answered calls only, which a burst
 * skews (see the denominator below); and it is one breaker per policy, where we need one per
 * location. Wrapping it would not be shorter than this file, so this stays hand-written. retry.ts
 * stays too: its schedule, Retry-After, token refresh and the unknown-outcome rule for writes
 * are GHL's, and are most of its lines.
 *
 * Usage: `beforeCall(key, op)` right before sending (it throws CircuitOpenError when the call
 * must not go out), then exactly one of `recordSuccess(key)` / `recordFailure(key)` when the
 * exchange ends:
 * - recordFailure for upstream-health failures only: 5xx, timeouts, network errors;
 * - recordSuccess for any answer that shows GHL is up (2xx, and also 4xx such as 404/422/429);
 * - a call that reports neither simply does not count. If it was the half-open probe, its slot
 *   expires after `probeTimeoutMs` and the next call becomes the probe, so the circuit can never
 *   stick in half-open.
 *
 * The rate's denominator is the calls STARTED in the window, not only those that answered: in a
 * burst, failures (resets, 503s) come back before the successes that were sent with them, and
 * counting only answers would see 50% failures where there are 30%. A call that never reports
 * (refused by the rate limiter after beforeCall) only makes the breaker more patient.
 *
 * A key's state is dropped once its window is empty, and at most MAX_TRACKED_KEYS keys are kept.
 */
import type { Clock } from '../lib/clock.js';
import { systemClock } from '../lib/clock.js';
import { GhlUnavailableError } from './errors.js';

export interface CircuitBreakerOptions {
  /** Share of failed calls (0 < rate <= 1) over `windowMs` that opens the circuit. @default 0.5 */
  failureRate?: number;
  /** Calls counted in the window before the rate may open the circuit. @default 40 */
  minimumCalls?: number;
  /** The rolling window the rate is measured over. @default 30_000 */
  windowMs?: number;
  /** How long the circuit stays open before one probe is let through. @default 10_000 */
  openMs?: number;
  /** How long a half-open probe may go unreported before another probe is let through. @default openMs */
  probeTimeoutMs?: number;
  clock?: Clock;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * The circuit for this location is open: the call was not sent (so `outcomeUnknown` is false and
 * it is safe to repeat later, whatever the method). `retryAfterMs` says when a call may go out.
 */
export class CircuitOpenError extends GhlUnavailableError {
  override name = 'CircuitOpenError';
  readonly retryAfterMs: number;
  readonly circuitKey: string;
  readonly circuitState: Exclude<CircuitState, 'closed'>;

  constructor(operation: string, circuitKey: string, circuitState: Exclude<CircuitState, 'closed'>, retryAfterMs: number) {
    super(
      circuitState === 'open'
        ? `GHL is failing for this location; ${operation} was not sent (circuit open)`
        : `GHL is being probed for this location; ${operation} was not sent (circuit half-open)`,
      operation,
      null,
      false,
    );
    this.circuitKey = circuitKey;
    this.circuitState = circuitState;
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }

  override extensions() {
    return { ...super.extensions(), circuit: this.circuitState, retryAfter: Math.ceil(this.retryAfterMs / 1000) };
  }
}

/** Ten buckets make the window roll in steps of a tenth, without a timestamp per call. */
const BUCKETS = 10;
/** Past this many keys with recent failures, the oldest closed ones are forgotten. */
const MAX_TRACKED_KEYS = 10_000;

interface Bucket {
  start: number;
  started: number;
  ok: number;
  failed: number;
}

interface Circuit {
  state: CircuitState;
  buckets: Bucket[];
  /** When the circuit last opened (state open). */
  openedAt: number;
  /** When the current half-open probe was let through, or null when no probe is out. */
  probeStartedAt: number | null;
}

export class CircuitBreakers {
  private readonly failureRate: number;
  private readonly minimumCalls: number;
  private readonly windowMs: number;
  private readonly bucketMs: number;
  private readonly openMs: number;
  private readonly probeTimeoutMs: number;
  private readonly clock: Clock;
  private readonly circuits = new Map<string, Circuit>();

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureRate = options.failureRate ?? 0.5;
    this.minimumCalls = options.minimumCalls ?? 40;
    this.windowMs = options.windowMs ?? 30_000;
    this.bucketMs = Math.max(1, Math.ceil(this.windowMs / BUCKETS));
    this.openMs = options.openMs ?? 10_000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? this.openMs;
    this.clock = options.clock ?? systemClock;
    if (!(this.failureRate > 0 && this.failureRate <= 1)) throw new RangeError(`failureRate must be in (0, 1], got ${this.failureRate}`);
    if (!Number.isInteger(this.minimumCalls) || this.minimumCalls < 1) throw new RangeError(`minimumCalls must be an integer >= 1, got ${this.minimumCalls}`);
    if (!(this.windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${this.windowMs}`);
    if (!(this.openMs >= 0)) throw new RangeError(`openMs must be >= 0, got ${this.openMs}`);
    if (!(this.probeTimeoutMs >= 0)) throw new RangeError(`probeTimeoutMs must be >= 0, got ${this.probeTimeoutMs}`);
  }

  /**
   * Throws CircuitOpenError (nothing sent, outcomeUnknown=false) when the call must not go out:
   * while open, and in half-open while another call is the probe. In half-open it lets exactly
   * one probe through at a time.
   */
  beforeCall(key: string, operation: string): void {
    const c = this.current(key) ?? this.track(key);
    if (c.state === 'closed') {
      this.bucket(c).started++;
      return;
    }
    const now = this.clock.now();
    if (c.state === 'open') {
      throw new CircuitOpenError(operation, key, 'open', c.openedAt + this.openMs - now);
    }
    // half-open
    if (c.probeStartedAt !== null && now - c.probeStartedAt < this.probeTimeoutMs) {
      throw new CircuitOpenError(operation, key, 'half-open', c.probeStartedAt + this.probeTimeoutMs - now);
    }
    c.probeStartedAt = now;
  }

  recordSuccess(key: string): void {
    const c = this.current(key);
    if (!c) return; // a report with no call started in the window: nothing to weigh it against
    switch (c.state) {
      case 'open':
        return; // a late success while open proves little about now; the probe decides
      case 'half-open':
        this.circuits.delete(key); // the probe succeeded: closed, with a clean window
        return;
      case 'closed':
        this.bucket(c).ok++;
    }
  }

  /** Only upstream-health failures count (5xx/timeout/network); callers don't report 4xx. */
  recordFailure(key: string): void {
    const now = this.clock.now();
    const c = this.current(key) ?? this.track(key);
    switch (c.state) {
      case 'open':
        return; // already open; a late failure does not extend the window
      case 'half-open':
        this.open(c, now);
        return;
      case 'closed': {
        this.bucket(c).failed++;
        const { calls, failed } = totals(c);
        if (calls >= this.minimumCalls && failed / calls >= this.failureRate) this.open(c, now);
      }
    }
  }

  /** The key's state now; 'half-open' as soon as openMs has passed (the next call is the probe). */
  state(key: string): CircuitState {
    return this.current(key)?.state ?? 'closed';
  }

  /** Failures counted for a key in the current window (0 when healthy). For metrics. */
  failures(key: string): number {
    const c = this.current(key);
    return c ? totals(c).failed : 0;
  }

  /** Keys that currently hold state (calls in the window, or an open circuit). For metrics and tests. */
  get trackedKeys(): number {
    return this.circuits.size;
  }

  private open(c: Circuit, now: number): void {
    c.state = 'open';
    c.openedAt = now;
    c.probeStartedAt = null;
    c.buckets = [];
  }

  /** Starts state for a key, forgetting the oldest closed key when the map is full. */
  private track(key: string): Circuit {
    if (this.circuits.size >= MAX_TRACKED_KEYS) {
      for (const [k, other] of this.circuits) {
        if (other.state === 'closed') {
          this.circuits.delete(k);
          break;
        }
      }
    }
    const c: Circuit = { state: 'closed', buckets: [], openedAt: 0, probeStartedAt: null };
    this.circuits.set(key, c);
    return c;
  }

  /** The bucket calls count into now, started if needed. */
  private bucket(c: Circuit): Bucket {
    const start = Math.floor(this.clock.now() / this.bucketMs) * this.bucketMs;
    const last = c.buckets[c.buckets.length - 1];
    if (last && last.start === start) return last;
    const fresh = { start, started: 0, ok: 0, failed: 0 };
    c.buckets.push(fresh);
    return fresh;
  }

  /**
   * The key's circuit: an elapsed open window turns into half-open, buckets that left the rolling
   * window are dropped, and a closed circuit with nothing left in its window is forgotten.
   */
  private current(key: string): Circuit | undefined {
    const c = this.circuits.get(key);
    if (!c) return undefined;
    const now = this.clock.now();
    if (c.state === 'open' && now - c.openedAt >= this.openMs) {
      c.state = 'half-open';
      c.probeStartedAt = null;
    }
    if (c.state === 'closed') {
      const oldest = now - this.windowMs;
      while (c.buckets.length > 0 && c.buckets[0]!.start + this.bucketMs <= oldest) c.buckets.shift();
      if (c.buckets.length === 0) {
        this.circuits.delete(key);
        return undefined;
      }
    }
    return c;
  }
}

/** Calls in the window: those started, or those answered when more answers than starts fell in it. */
function totals(c: Circuit): { calls: number; failed: number } {
  let started = 0;
  let answered = 0;
  let failed = 0;
  for (const b of c.buckets) {
    started += b.started;
    answered += b.ok + b.failed;
    failed += b.failed;
  }
  return { calls: Math.max(started, answered), failed };
}

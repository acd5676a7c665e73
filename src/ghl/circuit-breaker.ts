/**
 * Per-key (per location) circuit breakers, so one location whose calls keep failing stops
 * spending time and budget on GHL while other locations carry on.
 *
 *   closed ──(failureThreshold consecutive failures)──▶ open
 *   open ──(openMs elapsed; next beforeCall becomes the probe)──▶ half-open
 *   half-open ──probe recordSuccess──▶ closed
 *   half-open ──probe recordFailure──▶ open (for another openMs)
 *
 * Usage: `beforeCall(key, op)` right before sending (it throws CircuitOpenError when the call
 * must not go out), then exactly one of `recordSuccess(key)` / `recordFailure(key)` when the
 * exchange ends:
 * - recordFailure for upstream-health failures only: 5xx, timeouts, network errors;
 * - recordSuccess for any answer that shows GHL is up (2xx, and also 4xx such as 404/422/429 —
 *   reporting those as success is recommended, it resets the consecutive count and lets a
 *   half-open probe close the circuit);
 * - a call that reports neither (e.g. a 4xx left unreported) simply does not count. If it was the
 *   half-open probe, its slot expires after `probeTimeoutMs` and the next call becomes the probe,
 *   so the circuit can never stick in half-open.
 *
 * Reports are per key, not per call: a late report from a call that started before the circuit
 * opened is ignored while the circuit is open, and in half-open it is taken as the probe's result.
 */
import type { Clock } from '../lib/clock.js';
import { systemClock } from '../lib/clock.js';
import { GhlUnavailableError } from './errors.js';

export interface CircuitBreakerOptions {
  /** Consecutive failures (5xx, timeouts, network) that open the circuit. @default 5 */
  failureThreshold?: number;
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

interface Circuit {
  state: CircuitState;
  consecutiveFailures: number;
  /** When the circuit last opened (state open). */
  openedAt: number;
  /** When the current half-open probe was let through, or null when no probe is out. */
  probeStartedAt: number | null;
}

export class CircuitBreakers {
  private readonly failureThreshold: number;
  private readonly openMs: number;
  private readonly probeTimeoutMs: number;
  private readonly clock: Clock;
  /** Only keys that are not plain healthy are kept, so the map stays small. */
  private readonly circuits = new Map<string, Circuit>();

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.openMs = options.openMs ?? 10_000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? this.openMs;
    this.clock = options.clock ?? systemClock;
    if (!Number.isInteger(this.failureThreshold) || this.failureThreshold < 1) {
      throw new RangeError(`failureThreshold must be an integer >= 1, got ${this.failureThreshold}`);
    }
    if (!(this.openMs >= 0)) throw new RangeError(`openMs must be >= 0, got ${this.openMs}`);
    if (!(this.probeTimeoutMs >= 0)) throw new RangeError(`probeTimeoutMs must be >= 0, got ${this.probeTimeoutMs}`);
  }

  /**
   * Throws CircuitOpenError (nothing sent, outcomeUnknown=false) when the call must not go out:
   * while open, and in half-open while another call is the probe. In half-open it lets exactly
   * one probe through at a time.
   */
  beforeCall(key: string, operation: string): void {
    const c = this.current(key);
    if (!c || c.state === 'closed') return;
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
    if (!c) return;
    // A late success while open proves little about now; the probe decides.
    if (c.state === 'open') return;
    this.circuits.delete(key); // closed with no failures == no entry
  }

  /** Only upstream-health failures count (5xx/timeout/network); callers don't report 4xx. */
  recordFailure(key: string): void {
    const now = this.clock.now();
    const c = this.current(key) ?? { state: 'closed', consecutiveFailures: 0, openedAt: 0, probeStartedAt: null };
    switch (c.state) {
      case 'open':
        return; // already open; a late failure does not extend the window
      case 'half-open':
        this.open(key, c, now);
        return;
      case 'closed':
        c.consecutiveFailures++;
        if (c.consecutiveFailures >= this.failureThreshold) this.open(key, c, now);
        else this.circuits.set(key, c);
    }
  }

  /** The key's state now; 'half-open' as soon as openMs has passed (the next call is the probe). */
  state(key: string): CircuitState {
    return this.current(key)?.state ?? 'closed';
  }

  /** Consecutive failures counted for a key (0 when healthy). For metrics. */
  failures(key: string): number {
    return this.current(key)?.consecutiveFailures ?? 0;
  }

  private open(key: string, c: Circuit, now: number): void {
    c.state = 'open';
    c.openedAt = now;
    c.probeStartedAt = null;
    this.circuits.set(key, c);
  }

  /** The key's circuit, with an elapsed open window turned into half-open. */
  private current(key: string): Circuit | undefined {
    const c = this.circuits.get(key);
    if (c && c.state === 'open' && this.clock.now() - c.openedAt >= this.openMs) {
      c.state = 'half-open';
      c.probeStartedAt = null;
    }
    return c;
  }
}

import type { Clock } from '../lib/clock.js';

/**
 * GHL's per-resource budgets (docs/oauth/Authorization.md): a burst of `burstMax` requests per
 * `burstWindowMs` and `dailyMax` per day, each location counted on its own. GHL documents the
 * numbers and the headers, not the window mechanics; the choices (see ASSUMPTIONS.md):
 * - burst: a fixed window that opens with the first request after the previous one expired;
 * - daily: a calendar day in UTC, by the injected clock;
 * - a refused request does not use up budget.
 */
export interface RateLimitConfig {
  burstMax: number;
  burstWindowMs: number;
  dailyMax: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { burstMax: 100, burstWindowMs: 10_000, dailyMax: 200_000 };

interface Budget {
  /** Null until the first counted request of a window. */
  windowStart: number | null;
  windowCount: number;
  day: number;
  dayCount: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

const DAY_MS = 86_400_000;

export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts one request against `key` if the budget allows it. */
  take(key: string): RateDecision {
    const b = this.current(key);
    const allowed = b.windowCount < this.config.burstMax && b.dayCount < this.config.dailyMax;
    if (allowed) {
      b.windowStart ??= this.clock.now();
      b.windowCount++;
      b.dayCount++;
    }
    return { allowed, headers: this.headersFor(b) };
  }

  /** Headers for a response that did not count (e.g. refused before the limiter). */
  peek(key: string): Record<string, string> {
    return this.headersFor(this.current(key));
  }

  /** Headers of a budget nobody has touched, without creating one (for answers outside any budget). */
  untouched(): Record<string, string> {
    return this.headersFor({ windowStart: null, windowCount: 0, day: 0, dayCount: 0 });
  }

  reset(): void {
    this.budgets.clear();
  }

  private current(key: string): Budget {
    const now = this.clock.now();
    const day = Math.floor(now / DAY_MS);
    let b = this.budgets.get(key);
    if (!b) {
      b = { windowStart: null, windowCount: 0, day, dayCount: 0 };
      this.budgets.set(key, b);
    }
    if (b.windowStart !== null && now >= b.windowStart + this.config.burstWindowMs) {
      b.windowStart = null;
      b.windowCount = 0;
    }
    if (b.day !== day) {
      b.day = day;
      b.dayCount = 0;
    }
    return b;
  }

  private headersFor(b: Budget): Record<string, string> {
    return {
      'X-RateLimit-Limit-Daily': String(this.config.dailyMax),
      'X-RateLimit-Daily-Remaining': String(Math.max(0, this.config.dailyMax - b.dayCount)),
      'X-RateLimit-Interval-Milliseconds': String(this.config.burstWindowMs),
      'X-RateLimit-Max': String(this.config.burstMax),
      'X-RateLimit-Remaining': String(Math.max(0, this.config.burstMax - b.windowCount)),
    };
  }
}

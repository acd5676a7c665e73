import type { IncomingHttpHeaders } from 'node:http';

/** What GHL's `X-RateLimit-*` headers say about a location's budget after a response. */
export interface RateLimitSnapshot {
  /** Requests allowed per burst window (`X-RateLimit-Max`). */
  max: number | null;
  /** Requests left in the current burst window (`X-RateLimit-Remaining`). */
  remaining: number | null;
  /** Burst window length (`X-RateLimit-Interval-Milliseconds`). */
  intervalMs: number | null;
  dailyLimit: number | null;
  dailyRemaining: number | null;
}

export function parseRateLimitHeaders(headers: IncomingHttpHeaders): RateLimitSnapshot | null {
  const num = (name: string): number | null => {
    const raw = headers[name];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v === undefined) return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  };
  const snapshot: RateLimitSnapshot = {
    max: num('x-ratelimit-max'),
    remaining: num('x-ratelimit-remaining'),
    intervalMs: num('x-ratelimit-interval-milliseconds'),
    dailyLimit: num('x-ratelimit-limit-daily'),
    dailyRemaining: num('x-ratelimit-daily-remaining'),
  };
  return Object.values(snapshot).every((v) => v === null) ? null : snapshot;
}

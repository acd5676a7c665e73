/**
 * Retry rules for calls to GHL, as a pure decision (`decideRetry`) plus a small loop around it
 * (`withRetry`). Home-made on purpose: the rules depend on the HTTP method and on whether a
 * request body may have reached GHL, which generic retry libraries do not model.
 *
 * The table `decideRetry` implements:
 *
 * | failure                                  | GET HEAD OPTIONS PUT DELETE | POST, PATCH (and unknown methods) |
 * |------------------------------------------|-----------------------------|-----------------------------------|
 * | 429                                      | retry after retryAfterMs    | retry after retryAfterMs          |
 * | network, sentBody=false (refused, DNS,   | retry with backoff          | retry with backoff                |
 * |   circuit open: nothing reached GHL)     |                             |                                   |
 * | network, sentBody=true (reset mid-call)  | retry with backoff          | stop, outcomeUnknown              |
 * | timeout                                  | retry with backoff          | stop, outcomeUnknown              |
 * | 502 / 503 / 504                          | retry with backoff          | stop, outcomeUnknown              |
 * | 500, 501, 505+ (other 5xx)               | stop                        | stop, outcomeUnknown              |
 * | other status (400 401 403 404 408 422 …) | stop                        | stop                              |
 *
 * A 429 without retryAfterMs falls back to backoff. retryAfterMs is not capped by maxDelayMs,
 * but no wait may carry the next attempt past overallDeadlineMs (then retrying stops).
 *
 * 500 is deliberately not retried: GHL answers 500 for many deterministic faults (an input its
 * validation missed, a broken record), so repeating the call mostly spends rate budget and
 * latency for the same answer. 502/503/504 come from GHL's gateways and are the transient ones.
 * A 5xx on a POST/PATCH is an answer from *something* after the body was sent, so whether GHL
 * acted on it is unknown (this matches `errorFor` in client.ts).
 *
 * `outcomeUnknown` is only ever true for a non-idempotent method whose request may have reached
 * GHL. When a retryable failure stops for lack of attempts or time, `outcomeUnknown` is false:
 * either the method is idempotent (repeating it is harmless, so the flag — "do not repeat
 * blindly" — does not apply) or GHL provably did not process the request (429, nothing sent).
 *
 * 401 is not retried here; the client refreshes the token and repeats once on its own.
 */
import type { Clock } from '../lib/clock.js';
import { GhlError, GhlUnavailableError } from './errors.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. @default 4 */
  maxAttempts: number;
  /** First backoff before jitter. @default 200 */
  baseDelayMs: number;
  /** Cap on one backoff (does not cap a 429's stated window). @default 5_000 */
  maxDelayMs: number;
  /** No attempt starts after this long since the first one. @default 30_000 */
  overallDeadlineMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  overallDeadlineMs: 30_000,
});

/** What went wrong with one attempt, as the HTTP layer saw it. */
export type AttemptFailure =
  /** An HTTP answer. `retryAfterMs` is the window a 429's headers state. */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** Connection refused/reset/DNS. `sentBody: false` means nothing reached GHL (safe for any method). */
  | { kind: 'network'; sentBody: boolean; code?: string }
  /** No (complete) answer in time. */
  | { kind: 'timeout' };

/** Why retrying stopped. */
export type GiveUpReason = 'not-retryable' | 'max-attempts' | 'deadline';

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; outcomeUnknown: boolean; reason: GiveUpReason };

/** Methods that may be repeated without changing the result. Anything else is treated like POST. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

const TRANSIENT_STATUSES = new Set([502, 503, 504]);

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Fills a partial policy from the defaults; `undefined` fields keep the default. */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const pick = <K extends keyof RetryPolicy>(k: K): number => {
    const v = policy[k];
    return v === undefined ? DEFAULT_RETRY_POLICY[k] : v;
  };
  const resolved: RetryPolicy = {
    maxAttempts: pick('maxAttempts'),
    baseDelayMs: pick('baseDelayMs'),
    maxDelayMs: pick('maxDelayMs'),
    overallDeadlineMs: pick('overallDeadlineMs'),
  };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new RangeError(`RetryPolicy.maxAttempts must be an integer >= 1, got ${resolved.maxAttempts}`);
  }
  for (const k of ['baseDelayMs', 'maxDelayMs', 'overallDeadlineMs'] as const) {
    if (!(resolved[k] >= 0)) throw new RangeError(`RetryPolicy.${k} must be >= 0, got ${resolved[k]}`);
  }
  return resolved;
}

/** Full-jitter exponential backoff: random in [0, min(maxDelayMs, base * 2^(attempt-1))], whole ms. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(r * ceiling);
}

/**
 * Pure decision: may attempt `attempt` (1-based, just failed) be repeated, and after how long?
 * `elapsedMs` is the time since the first attempt started.
 */
export function decideRetry(
  method: string,
  failure: AttemptFailure,
  attempt: number,
  elapsedMs: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  const idempotent = isIdempotentMethod(method);

  let retryable: boolean;
  let mayHaveReachedGhl: boolean;
  switch (failure.kind) {
    case 'status':
      if (failure.status === 429) {
        retryable = true;
        mayHaveReachedGhl = false;
      } else if (TRANSIENT_STATUSES.has(failure.status)) {
        retryable = idempotent;
        mayHaveReachedGhl = true;
      } else {
        retryable = false;
        // A 5xx after the body went out: GHL may have acted before failing. Below 500, GHL refused.
        mayHaveReachedGhl = failure.status >= 500;
      }
      break;
    case 'network':
      mayHaveReachedGhl = failure.sentBody;
      retryable = idempotent || !failure.sentBody;
      break;
    case 'timeout':
      mayHaveReachedGhl = true;
      retryable = idempotent;
      break;
  }

  if (!retryable) {
    return { retry: false, outcomeUnknown: !idempotent && mayHaveReachedGhl, reason: 'not-retryable' };
  }
  // From here on the failure is safe to repeat, so the outcome is never "unknown" in the sense
  // of "do not repeat blindly" (see the module comment).
  if (attempt >= policy.maxAttempts) return { retry: false, outcomeUnknown: false, reason: 'max-attempts' };

  const stated = failure.kind === 'status' ? failure.retryAfterMs : undefined;
  const delayMs =
    stated !== undefined && Number.isFinite(stated) && stated >= 0 ? Math.ceil(stated) : backoffDelayMs(attempt, policy, random);
  if (elapsedMs + delayMs > policy.overallDeadlineMs) return { retry: false, outcomeUnknown: false, reason: 'deadline' };
  return { retry: true, delayMs };
}

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** Wait before the next attempt. */
  delayMs: number;
  failure: AttemptFailure;
}

export interface GiveUpInfo {
  /** Attempts made in all. */
  attempts: number;
  failure: AttemptFailure;
  reason: GiveUpReason;
  /** True when a non-idempotent call may have been processed by GHL; the error thrown says so too. */
  outcomeUnknown: boolean;
  elapsedMs: number;
  /** The last attempt's error, as thrown by `attempt` (before any outcome-unknown wrapping). */
  error: unknown;
}

export interface WithRetryOptions {
  /** HTTP method of the call; decides what may be repeated. */
  method: string;
  clock: Clock;
  policy?: Partial<RetryPolicy>;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Turns a thrown error into an AttemptFailure, or null = not a retry matter: the error is
   * rethrown at once, untouched, and no hook is called.
   */
  classify: (err: unknown) => AttemptFailure | null;
  /** Operation key (`METHOD path`) for an outcome-unknown error built here. @default method */
  operation?: string;
  /** Called before each wait (for counting/logging). Exceptions from it are ignored. */
  onRetry?: (info: RetryInfo) => void;
  /** Called once when retrying stops on a classified failure. Exceptions from it are ignored. */
  onGiveUp?: (info: GiveUpInfo) => void;
}

/**
 * Runs `attempt` until it succeeds or `decideRetry` says stop, sleeping on `opts.clock` between
 * tries. `attempt` gets the 1-based attempt number.
 *
 * What is thrown when retries stop:
 * - the last error, unchanged — except
 * - when the decision is outcomeUnknown, the caller is guaranteed a
 *   `GhlUnavailableError` with `outcomeUnknown === true`: the last error itself if it already is
 *   one, otherwise a new GhlUnavailableError carrying the last error's message, operation and
 *   status, with the last error as `cause`. So "never create twice" does not depend on every
 *   `attempt` implementation setting the flag right.
 */
export async function withRetry<T>(opts: WithRetryOptions, attempt: (n: number) => Promise<T>): Promise<T> {
  const policy = resolveRetryPolicy(opts.policy);
  const { clock } = opts;
  const start = clock.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const failure = opts.classify(err);
      if (failure === null) throw err;
      const elapsedMs = clock.now() - start;
      const decision = decideRetry(opts.method, failure, n, elapsedMs, policy, opts.random);
      if (!decision.retry) {
        safely(() =>
          opts.onGiveUp?.({ attempts: n, failure, reason: decision.reason, outcomeUnknown: decision.outcomeUnknown, elapsedMs, error: err }),
        );
        throw decision.outcomeUnknown ? asOutcomeUnknown(err, opts.operation ?? opts.method.toUpperCase()) : err;
      }
      safely(() => opts.onRetry?.({ attempt: n, delayMs: decision.delayMs, failure }));
      if (decision.delayMs > 0) await clock.sleep(decision.delayMs);
    }
  }
}

function asOutcomeUnknown(err: unknown, fallbackOperation: string): GhlUnavailableError {
  if (err instanceof GhlUnavailableError && err.outcomeUnknown) return err;
  const operation = err instanceof GhlError ? err.operation : fallbackOperation;
  const status = err instanceof GhlError ? err.status : null;
  const detail = err instanceof Error ? err.message : String(err);
  const wrapped = new GhlUnavailableError(
    `GHL may have processed ${operation}; it was not repeated (${detail})`,
    operation,
    status,
    true,
  );
  wrapped.cause = err;
  return wrapped;
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Hooks are for counting and logging; they must not change the call's outcome.
  }
}

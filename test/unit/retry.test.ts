import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { GhlBadRequestError, GhlRateLimitedError, GhlUnavailableError } from '../../src/ghl/errors.js';
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  withRetry,
  type AttemptFailure,
  type GiveUpInfo,
  type RetryInfo,
  type RetryPolicy,
} from '../../src/ghl/retry.js';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
const half = () => 0.5;

const status = (s: number, retryAfterMs?: number): AttemptFailure =>
  retryAfterMs === undefined ? { kind: 'status', status: s } : { kind: 'status', status: s, retryAfterMs };
const timeout: AttemptFailure = { kind: 'timeout' };
const reset: AttemptFailure = { kind: 'network', sentBody: true, code: 'ECONNRESET' };
const refused: AttemptFailure = { kind: 'network', sentBody: false, code: 'ECONNREFUSED' };

describe('DEFAULT_RETRY_POLICY / resolveRetryPolicy', () => {
  it('has the documented defaults and fills a partial policy', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, overallDeadlineMs: 30_000 });
    expect(resolveRetryPolicy({ maxAttempts: 2, baseDelayMs: undefined })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 });
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe('decideRetry table', () => {
  const idempotent = ['GET', 'PUT', 'DELETE', 'get'];
  const nonIdempotent = ['POST', 'PATCH', 'post'];

  describe.each(idempotent)('%s', (method) => {
    it.each([
      ['502', status(502)],
      ['503', status(503)],
      ['504', status(504)],
      ['timeout', timeout],
      ['network reset (body sent)', reset],
      ['network refused (nothing sent)', refused],
      ['429', status(429, 1_000)],
    ])('retries on %s', (_name, failure) => {
      expect(decideRetry(method, failure, 1, 0, policy, half).retry).toBe(true);
    });

    it.each([400, 401, 403, 404, 408, 409, 422, 500, 501, 505])('never retries %i, and the outcome is not unknown', (s) => {
      expect(decideRetry(method, status(s), 1, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'not-retryable' });
    });
  });

  describe.each(nonIdempotent)('%s', (method) => {
    it.each([
      ['timeout', timeout],
      ['reset with body sent', reset],
      ['502', status(502)],
      ['503', status(503)],
      ['504', status(504)],
      ['500', status(500)],
    ])('is never retried after %s: outcome unknown', (_name, failure) => {
      expect(decideRetry(method, failure, 1, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: true, reason: 'not-retryable' });
    });

    it('is retried on 429 after the stated window', () => {
      expect(decideRetry(method, status(429, 2_500), 1, 0, policy, half)).toEqual({ retry: true, delayMs: 2_500 });
    });

    it('is retried on a network failure before anything was sent (refused, circuit open)', () => {
      expect(decideRetry(method, refused, 1, 0, policy, half).retry).toBe(true);
      expect(decideRetry(method, { kind: 'network', sentBody: false, code: 'CIRCUIT_OPEN' }, 1, 0, policy, half).retry).toBe(true);
    });

    it.each([400, 401, 403, 404, 408, 422])('never retries %i, and the outcome is known (GHL refused)', (s) => {
      expect(decideRetry(method, status(s), 1, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'not-retryable' });
    });

    it('gives up on 429 / nothing-sent at the attempt cap with the outcome known', () => {
      expect(decideRetry(method, status(429, 100), 4, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'max-attempts' });
      expect(decideRetry(method, refused, 4, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'max-attempts' });
    });
  });

  it('treats an unknown method like POST (not idempotent)', () => {
    expect(decideRetry('MERGE', timeout, 1, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: true, reason: 'not-retryable' });
  });

  it('stops at maxAttempts: attempt 3 of 4 may retry, attempt 4 may not', () => {
    expect(decideRetry('GET', status(503), 3, 0, policy, half).retry).toBe(true);
    expect(decideRetry('GET', status(503), 4, 0, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'max-attempts' });
  });

  it('uses jittered backoff for retryable failures, and 429 without a stated window', () => {
    // attempt 2: ceiling = 200 * 2 = 400; random 0.5 -> 200
    expect(decideRetry('GET', status(503), 2, 0, policy, half)).toEqual({ retry: true, delayMs: 200 });
    expect(decideRetry('POST', status(429), 2, 0, policy, half)).toEqual({ retry: true, delayMs: 200 });
  });

  it('lets a 429 window exceed maxDelayMs (it overrides backoff)', () => {
    expect(decideRetry('GET', status(429, 12_000), 1, 0, policy, half)).toEqual({ retry: true, delayMs: 12_000 });
  });

  it('ignores a nonsensical retryAfterMs and falls back to backoff', () => {
    expect(decideRetry('GET', status(429, -5), 1, 0, policy, () => 1)).toEqual({ retry: true, delayMs: 200 });
    expect(decideRetry('GET', status(429, Number.NaN), 1, 0, policy, () => 1)).toEqual({ retry: true, delayMs: 200 });
  });

  describe('overall deadline', () => {
    it('stops when the next attempt would start after the deadline', () => {
      // backoff for attempt 1 with random 1 = 200ms
      expect(decideRetry('GET', timeout, 1, 29_800, policy, () => 1)).toEqual({ retry: true, delayMs: 200 });
      expect(decideRetry('GET', timeout, 1, 29_801, policy, () => 1)).toEqual({ retry: false, outcomeUnknown: false, reason: 'deadline' });
      expect(decideRetry('GET', timeout, 1, 30_000, policy, () => 0)).toEqual({ retry: true, delayMs: 0 });
      expect(decideRetry('GET', timeout, 1, 30_001, policy, () => 0)).toEqual({ retry: false, outcomeUnknown: false, reason: 'deadline' });
    });

    it('stops a 429 whose window would pass the deadline, for any method', () => {
      expect(decideRetry('GET', status(429, 10_000), 1, 25_000, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'deadline' });
      expect(decideRetry('POST', status(429, 10_000), 1, 25_000, policy, half)).toEqual({ retry: false, outcomeUnknown: false, reason: 'deadline' });
      expect(decideRetry('POST', status(429, 5_000), 1, 25_000, policy, half)).toEqual({ retry: true, delayMs: 5_000 });
    });
  });
});

describe('backoffDelayMs', () => {
  it('is 0 with random 0 and the ceiling with random 1', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(5_000, 200 * 2 ** (attempt - 1));
      expect(backoffDelayMs(attempt, policy, () => 0)).toBe(0);
      expect(backoffDelayMs(attempt, policy, () => 1)).toBe(ceiling);
    }
  });

  it('grows exponentially then caps at maxDelayMs', () => {
    const max = (a: number) => backoffDelayMs(a, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 50, 2_000].map(max)).toEqual([200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000, 5_000]);
  });

  it('stays within [0, ceiling] for any random value, whole milliseconds', () => {
    let seed = 42;
    const lcg = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const attempt = 1 + (i % 8);
      const d = backoffDelayMs(attempt, policy, lcg);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(Math.min(5_000, 200 * 2 ** (attempt - 1)));
      expect(Number.isInteger(d)).toBe(true);
    }
    // Out-of-range randoms are clamped.
    expect(backoffDelayMs(1, policy, () => 7)).toBe(200);
    expect(backoffDelayMs(1, policy, () => -1)).toBe(0);
  });

  it('respects a custom base and cap', () => {
    const p = { ...policy, baseDelayMs: 50, maxDelayMs: 120 };
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, p, () => 1))).toEqual([50, 100, 120, 120]);
  });
});

/** A thrown error carrying the failure the HTTP layer saw. */
class FakeFailure extends Error {
  constructor(readonly failure: AttemptFailure) {
    super(`fake ${failure.kind}`);
  }
}
const classify = (err: unknown): AttemptFailure | null => (err instanceof FakeFailure ? err.failure : null);

/** Runs withRetry and advances the manual clock until the promise settles (no real sleeping). */
async function drive<T>(clock: ManualClock, p: Promise<T>, stepMs = 50, maxMs = 120_000): Promise<T> {
  let settled = false;
  const watched = p.then(
    (v) => ((settled = true), v),
    (e: unknown) => {
      settled = true;
      throw e;
    },
  );
  watched.catch(() => {});
  for (let t = 0; !settled && t < maxMs; t += stepMs) await clock.advance(stepMs);
  return watched;
}

describe('withRetry', () => {
  it('fails twice with 503 then succeeds: exactly 3 attempts, 2 retries with the backoff waits', async () => {
    const clock = new ManualClock();
    const seen: number[] = [];
    const retries: RetryInfo[] = [];
    const started = clock.now();
    const startTimes: number[] = [];
    const result = withRetry(
      { method: 'GET', clock, random: () => 1, classify, onRetry: (i) => retries.push(i) },
      async (n) => {
        seen.push(n);
        startTimes.push(clock.now() - started);
        if (n <= 2) throw new FakeFailure(status(503));
        return 'ok';
      },
    );
    expect(await drive(clock, result, 10)).toBe('ok');
    expect(seen).toEqual([1, 2, 3]);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 200, failure: status(503) },
      { attempt: 2, delayMs: 400, failure: status(503) },
    ]);
    expect(startTimes).toEqual([0, 200, 600]);
  });

  it('does not wait on the real clock and does not start the next attempt before the delay', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const result = withRetry({ method: 'GET', clock, random: () => 1, classify }, async () => {
      calls++;
      if (calls === 1) throw new FakeFailure(timeout);
      return calls;
    });
    await clock.advance(199);
    expect(calls).toBe(1);
    await clock.advance(1);
    expect(await result).toBe(2);
  });

  it('honours retryAfterMs for a 429, even beyond maxDelayMs, for a POST', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const result = withRetry({ method: 'POST', clock, random: () => 1, classify }, async () => {
      calls++;
      if (calls === 1) throw new FakeFailure(status(429, 7_000));
      return 'created';
    });
    await clock.advance(6_999);
    expect(calls).toBe(1);
    await clock.advance(1);
    expect(await result).toBe('created');
    expect(calls).toBe(2);
  });

  it('gives up after maxAttempts and rethrows the last error unchanged', async () => {
    const clock = new ManualClock();
    const errors: Error[] = [];
    const giveUps: GiveUpInfo[] = [];
    const result = withRetry(
      { method: 'DELETE', clock, random: () => 0, classify, policy: { maxAttempts: 3 }, onGiveUp: (i) => giveUps.push(i) },
      async () => {
        const e = new FakeFailure(status(502));
        errors.push(e);
        throw e;
      },
    );
    const err = await drive(clock, result).catch((e: unknown) => e);
    expect(errors).toHaveLength(3);
    expect(err).toBe(errors[2]);
    expect(giveUps).toEqual([{ attempts: 3, failure: status(502), reason: 'max-attempts', outcomeUnknown: false, elapsedMs: 0, error: err }]);
  });

  it('stops at the overall deadline', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const giveUps: GiveUpInfo[] = [];
    const result = withRetry(
      { method: 'GET', clock, random: () => 1, classify, policy: { maxAttempts: 100, overallDeadlineMs: 1_000 }, onGiveUp: (i) => giveUps.push(i) },
      async () => {
        calls++;
        throw new FakeFailure(status(504));
      },
    );
    await expect(drive(clock, result, 10)).rejects.toBeInstanceOf(FakeFailure);
    // waits 200 then 400 (elapsed 600); the next wait of 800 would end at 1_400 > 1_000.
    expect(calls).toBe(3);
    expect(giveUps[0]).toMatchObject({ attempts: 3, reason: 'deadline', elapsedMs: 600 });
  });

  it('counts the time attempts take towards the deadline', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const result = withRetry({ method: 'GET', clock, random: () => 1, classify, policy: { maxAttempts: 10, overallDeadlineMs: 1_000 } }, async () => {
      calls++;
      await clock.sleep(900); // a slow attempt that then times out
      throw new FakeFailure(timeout);
    });
    await expect(drive(clock, result, 10)).rejects.toBeInstanceOf(FakeFailure);
    expect(calls).toBe(1);
  });

  it('stops a 429 whose window would pass the deadline, and rethrows it as is', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const rateLimited = new GhlRateLimitedError('limit', 'GET /contacts', 429, 60_000);
    const result = withRetry(
      { method: 'GET', clock, classify: (e) => (e instanceof GhlRateLimitedError ? { kind: 'status', status: 429, retryAfterMs: e.retryAfterMs } : null) },
      async () => {
        calls++;
        throw rateLimited;
      },
    );
    await expect(result).rejects.toBe(rateLimited);
    expect(calls).toBe(1);
  });

  it('never repeats a POST after a timeout: one attempt, GhlUnavailableError(outcomeUnknown=true) wrapping the cause', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const retries: RetryInfo[] = [];
    const giveUps: GiveUpInfo[] = [];
    const cause = new FakeFailure(timeout);
    const result = withRetry(
      { method: 'POST', operation: 'POST /contacts/', clock, classify, onRetry: (i) => retries.push(i), onGiveUp: (i) => giveUps.push(i) },
      async () => {
        calls++;
        throw cause;
      },
    );
    const err = await result.catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(retries).toEqual([]);
    expect(err).toBeInstanceOf(GhlUnavailableError);
    expect(err).toMatchObject({ outcomeUnknown: true, operation: 'POST /contacts/', status: null, cause });
    expect((err as GhlUnavailableError).extensions()).toMatchObject({ outcomeUnknown: true });
    expect(giveUps).toEqual([{ attempts: 1, failure: timeout, reason: 'not-retryable', outcomeUnknown: true, elapsedMs: 0, error: cause }]);
  });

  it('passes through a GhlUnavailableError already marked outcomeUnknown, and upgrades one that is not', async () => {
    const clock = new ManualClock();
    const marked = new GhlUnavailableError('reset', 'POST /opportunities/', null, true);
    const classifyGhl = () => reset;
    await expect(withRetry({ method: 'POST', clock, classify: classifyGhl }, async () => Promise.reject(marked))).rejects.toBe(marked);

    const unmarked = new GhlUnavailableError('GHL answered 503 for PATCH /x', 'PATCH /x', 503, false);
    const err = await withRetry({ method: 'PATCH', clock, classify: () => status(503) }, async () => Promise.reject(unmarked)).catch((e: unknown) => e);
    expect(err).not.toBe(unmarked);
    expect(err).toMatchObject({ outcomeUnknown: true, operation: 'PATCH /x', status: 503, cause: unmarked });
  });

  it('retries a POST refused before sending, and reports success', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const result = withRetry({ method: 'POST', clock, random: () => 0, classify }, async () => {
      calls++;
      if (calls < 3) throw new FakeFailure(refused);
      return 'created once';
    });
    expect(await drive(clock, result)).toBe('created once');
    expect(calls).toBe(3);
  });

  it('gives up on a POST refused every time with the outcome known (error unchanged)', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const last = new FakeFailure(refused);
    const result = withRetry({ method: 'POST', clock, random: () => 0, classify }, async () => {
      calls++;
      throw last;
    });
    await expect(drive(clock, result)).rejects.toBe(last);
    expect(calls).toBe(4);
  });

  it.each([400, 401, 403, 404, 422])('does not retry a %i', async (s) => {
    const clock = new ManualClock();
    let calls = 0;
    const bad = new GhlBadRequestError('GET /x', s, ['nope']);
    await expect(
      withRetry({ method: 'GET', clock, classify: () => status(s) }, async () => {
        calls++;
        throw bad;
      }),
    ).rejects.toBe(bad);
    expect(calls).toBe(1);
  });

  it('rethrows an unclassified error at once, untouched, without calling hooks', async () => {
    const clock = new ManualClock();
    let calls = 0;
    let hooks = 0;
    const boom = new TypeError('bug');
    await expect(
      withRetry({ method: 'POST', clock, classify, onRetry: () => hooks++, onGiveUp: () => hooks++ }, async () => {
        calls++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(calls).toBe(1);
    expect(hooks).toBe(0);
  });

  it('is not disturbed by a hook that throws', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const result = withRetry(
      {
        method: 'GET',
        clock,
        random: () => 0,
        classify,
        onRetry: () => {
          throw new Error('logger broke');
        },
      },
      async () => {
        calls++;
        if (calls === 1) throw new FakeFailure(status(503));
        return 'ok';
      },
    );
    expect(await drive(clock, result)).toBe('ok');
  });

  it('returns the first result without hooks when the first attempt succeeds', async () => {
    const clock = new ManualClock();
    let hooks = 0;
    await expect(withRetry({ method: 'GET', clock, classify, onRetry: () => hooks++ }, async (n) => n)).resolves.toBe(1);
    expect(hooks).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });
});

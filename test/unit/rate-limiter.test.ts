import { describe, expect, it } from 'vitest';
import { ManualClock, type TimerHandle } from '../../src/lib/clock.js';
import { GhlRateLimitedError, GhlUnavailableError } from '../../src/ghl/errors.js';
import type { RateLimitSnapshot } from '../../src/ghl/rate-limit-headers.js';
import { RateLimiter, SlidingWindowLedger, type Priority } from '../../src/ghl/rate-limiter.js';

/** A ManualClock that counts the timers it is asked for and the most it held at once. */
class CountingClock extends ManualClock {
  timersSet = 0;
  maxPending = 0;
  override setTimeout(fn: () => void, ms: number): TimerHandle {
    this.timersSet++;
    const handle = super.setTimeout(fn, ms);
    this.maxPending = Math.max(this.maxPending, this.pendingTimers);
    return handle;
  }
}

const snapshot = (s: Partial<RateLimitSnapshot>): RateLimitSnapshot => ({
  max: null,
  remaining: null,
  intervalMs: null,
  dailyLimit: null,
  dailyRemaining: null,
  ...s,
});

/** Starts an acquire and records when (clock time) and whether it settled. */
function track(limiter: RateLimiter, clock: ManualClock, key: string, priority: Priority, extra: { deadlineAt?: number; signal?: AbortSignal; label?: string } = {}) {
  const t: { sentAt: number | null; error: unknown; label: string } = { sentAt: null, error: null, label: extra.label ?? priority };
  const promise = limiter
    .acquire(key, { priority, operation: 'GET /contacts/', deadlineAt: extra.deadlineAt, signal: extra.signal })
    .then(
      () => {
        t.sentAt = clock.now();
      },
      (err: unknown) => {
        t.error = err;
      },
    );
  return Object.assign(t, { promise });
}

/** Largest number of sends inside any half-open interval [t, t + windowMs) starting at a send. */
function maxInAnyWindow(sendTimes: number[], windowMs: number): number {
  const sorted = [...sendTimes].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[j]! + windowMs <= sorted[i]!) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RateLimiter: 1,000-call burst', () => {
  it('never exceeds burstMax in any sliding window, finishes within 3% of the minimum, with one timer', async () => {
    const clock = new CountingClock();
    const limiter = new RateLimiter({ clock, interactiveMaxWaitMs: 120_000 });
    const start = clock.now();
    const calls = Array.from({ length: 1_000 }, () => track(limiter, clock, 'loc-A', 'interactive'));
    await clock.advance(0);
    expect(calls.filter((c) => c.sentAt !== null)).toHaveLength(100);
    expect(limiter.stats('loc-A').queued.interactive).toBe(900);

    await clock.advance(200_000);
    await Promise.all(calls.map((c) => c.promise));
    expect(calls.every((c) => c.error === null && c.sentAt !== null)).toBe(true);

    const sendTimes = calls.map((c) => c.sentAt!);
    // Every sliding window of 10 s (half-open) holds at most 100 sends; also with the margin included.
    expect(maxInAnyWindow(sendTimes, 10_000)).toBeLessThanOrEqual(100);
    expect(maxInAnyWindow(sendTimes, 10_200)).toBeLessThanOrEqual(100);
    // Sent in FIFO order.
    expect(sendTimes).toEqual([...sendTimes].sort((a, b) => a - b));

    // Times on the fake clock: the schedule the limiter computed, not how long the machine took.
    const elapsed = Math.max(...sendTimes) - start;
    const minimum = (1_000 / 100 - 1) * 10_000 + 200; // (n/burstMax − 1) windows + margin
    expect(elapsed).toBeGreaterThanOrEqual((1_000 / 100 - 1) * 10_000);
    expect(elapsed).toBeLessThanOrEqual(minimum * 1.03);

    // No spinning: one timer per key at a time, about one wake-up per window.
    expect(clock.maxPending).toBe(1);
    expect(clock.timersSet).toBeLessThanOrEqual(12);
    expect(clock.pendingTimers).toBe(0);
    const stats = limiter.stats('loc-A');
    expect(stats.queued).toEqual({ interactive: 0, background: 0 });
    expect(stats.usedToday).toBe(1_000);
    expect(stats.throttled429).toBe(0);
    expect(stats.waitedMs).toBe(sendTimes.reduce((sum, t) => sum + (t - start), 0));
  });
});

describe('RateLimiter: priorities', () => {
  it('serves a later interactive call before queued background calls, FIFO within each', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 2, burstWindowMs: 1_000, safetyMarginMs: 0, interactiveReserve: 0 });
    const order: string[] = [];
    const go = (priority: Priority, label: string) =>
      limiter.acquire('loc', { priority, operation: 'op' }).then(() => order.push(`${label}@${clock.now() - start}`));
    const start = clock.now();
    const all = [go('interactive', 'i1'), go('interactive', 'i2'), go('background', 'b1'), go('background', 'b2'), go('background', 'b3')];
    await clock.advance(100);
    all.push(go('interactive', 'i3'), go('interactive', 'i4'));
    await clock.advance(5_000);
    await Promise.all(all);
    expect(order).toEqual(['i1@0', 'i2@0', 'i3@1000', 'i4@1000', 'b1@2000', 'b2@2000', 'b3@3000']);
  });

  it('keeps the reserved share of a window for interactive calls', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 10, burstWindowMs: 1_000, safetyMarginMs: 0, interactiveReserve: 0.2 });
    const bg = Array.from({ length: 10 }, () => track(limiter, clock, 'loc', 'background'));
    await clock.advance(0);
    expect(bg.filter((c) => c.sentAt !== null)).toHaveLength(8);
    expect(limiter.stats('loc')).toMatchObject({ usedInWindow: 8, queued: { background: 2, interactive: 0 } });

    // Background stays out of the last two slots even with time passing inside the window...
    await clock.advance(999);
    expect(bg.filter((c) => c.sentAt !== null)).toHaveLength(8);
    // ...while interactive calls get them at once.
    const i1 = track(limiter, clock, 'loc', 'interactive');
    const i2 = track(limiter, clock, 'loc', 'interactive');
    const i3 = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(0);
    expect([i1.sentAt, i2.sentAt]).toEqual([clock.now(), clock.now()]);
    expect(i3.sentAt).toBeNull();

    // When the window rolls, the waiting interactive call goes first, then background up to its share.
    await clock.advance(1);
    expect(i3.sentAt).toBe(clock.now());
    expect(bg.slice(8).map((c) => c.sentAt)).toEqual([clock.now(), clock.now()]);
    expect(limiter.stats('loc').usedInWindow).toBe(5); // 2 interactive at t=999, i3 + 2 background now
  });
});

describe('RateLimiter: deadlines', () => {
  it('rejects at once with RATE_LIMITED when the slot cannot come before the deadline', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 2, burstWindowMs: 10_000, safetyMarginMs: 0, interactiveMaxWaitMs: 5_000 });
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    const err = await limiter.acquire('loc', { priority: 'interactive', operation: 'GET /contacts/' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GhlRateLimitedError);
    const rl = err as GhlRateLimitedError;
    expect(rl.code).toBe('RATE_LIMITED');
    expect(rl.operation).toBe('GET /contacts/');
    expect(rl.retryAfterMs).toBe(10_000);
    expect(limiter.stats('loc').queued.interactive).toBe(0);

    // deadlineAt tighter than maxWait counts too.
    await clock.advance(9_000);
    const err2 = await limiter.acquire('loc', { priority: 'interactive', operation: 'op', deadlineAt: clock.now() + 500 }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(GhlRateLimitedError);
    expect((err2 as GhlRateLimitedError).retryAfterMs).toBe(1_000);
  });

  it('drops a queued call that can no longer make its deadline; it never takes a slot later', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({
      clock,
      burstMax: 1,
      burstWindowMs: 1_000,
      safetyMarginMs: 0,
      interactiveReserve: 0,
      backgroundMaxWaitMs: 2_500,
      interactiveMaxWaitMs: 60_000,
    });
    const start = clock.now();
    const first = track(limiter, clock, 'loc', 'background', { label: 'b0' });
    const bg = track(limiter, clock, 'loc', 'background', { label: 'b1' }); // would go at 1000, deadline 2500
    await clock.advance(0);
    expect(first.sentAt).toBe(start);
    expect(bg.sentAt).toBeNull();
    // Three interactive calls overtake it: they take 1000, 2000 and 3000, pushing b1 past its deadline.
    const inter = [1, 2, 3].map(() => track(limiter, clock, 'loc', 'interactive'));
    await clock.advance(999);
    expect(bg.error).toBeNull(); // still possible until the plan says otherwise
    await clock.advance(1);
    expect(inter[0]!.sentAt).toBe(start + 1_000);
    expect(bg.error).toBeInstanceOf(GhlRateLimitedError);
    expect((bg.error as GhlRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect(limiter.stats('loc').queued).toEqual({ interactive: 2, background: 0 });

    await clock.advance(10_000);
    expect(inter.map((c) => c.sentAt! - start)).toEqual([1_000, 2_000, 3_000]);
    expect(bg.sentAt).toBeNull();
    expect(limiter.stats('loc').usedToday).toBe(4); // b0 + 3 interactive; b1 took nothing
  });

  it('drops a queued call as soon as a header pushes its slot past the deadline', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 1, burstWindowMs: 1_000, safetyMarginMs: 0 });
    const start = clock.now();
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    const late = track(limiter, clock, 'loc', 'interactive', { deadlineAt: start + 1_500 }); // fits at 1000
    const after = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(600);
    expect(late.error).toBeNull();
    // GHL reports a 2 s window: the slot taken at 0 is held until 2000, past late's deadline.
    limiter.observe('loc', snapshot({ intervalMs: 2_000 }));
    await clock.advance(0);
    expect(late.error).toBeInstanceOf(GhlRateLimitedError);
    expect((late.error as GhlRateLimitedError).retryAfterMs).toBe(1_400);
    expect(limiter.stats('loc').queued.interactive).toBe(1);
    await clock.advance(5_000);
    expect(late.sentAt).toBeNull();
    expect(after.sentAt).toBe(start + 2_000); // moved up into the slot late would have had
    expect(limiter.stats('loc').usedToday).toBe(2);
  });

  it('gives a dropped call\'s planned slot to the calls behind it', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 1, burstWindowMs: 1_000, safetyMarginMs: 0 });
    const start = clock.now();
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    const a = track(limiter, clock, 'loc', 'interactive', { deadlineAt: start + 1_500 }); // planned at 1000
    const b = track(limiter, clock, 'loc', 'interactive', { deadlineAt: start + 2_500 }); // planned at 2000
    await clock.advance(100);
    limiter.observe('loc', snapshot({ intervalMs: 1_600 })); // a now needs 1600 > 1500; b moves up to 1600
    await clock.advance(0);
    expect(a.error).toBeInstanceOf(GhlRateLimitedError);
    expect(b.error).toBeNull();
    await clock.advance(2_000);
    expect(b.sentAt).toBe(start + 1_600);
  });

  it('rejects, at the next wake-up, a background call that an interactive arrival pushed past its deadline', async () => {
    const clock = new CountingClock();
    const limiter = new RateLimiter({ clock, burstMax: 1, burstWindowMs: 1_000, safetyMarginMs: 0, interactiveReserve: 0 });
    const start = clock.now();
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    const bg = track(limiter, clock, 'loc', 'background', { deadlineAt: start + 1_500 }); // fits at 1000
    // An interactive call overtakes it without any pump in between (acquire only re-arms the timer).
    const inter = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(1_000);
    expect(inter.sentAt).toBe(start + 1_000);
    // At 1000 the plan already shows bg cannot go before 2000 > 1500.
    expect(bg.error).toBeInstanceOf(GhlRateLimitedError);
    expect((bg.error as GhlRateLimitedError).retryAfterMs).toBe(1_000);
    await clock.advance(5_000);
    expect(bg.sentAt).toBeNull();
    expect(limiter.stats('loc')).toMatchObject({ usedToday: 2, queued: { interactive: 0, background: 0 } });
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('RateLimiter: corrections from GHL', () => {
  it('observe() with remaining=0 makes the next acquire wait for the window', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, interactiveMaxWaitMs: 30_000 }); // 100 / 10 s, margin 200 ms
    const start = clock.now();
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    limiter.observe('loc', snapshot({ max: 100, remaining: 0, intervalMs: 10_000 }));
    expect(limiter.stats('loc').usedInWindow).toBe(100);
    // With the default 10 s interactive wait, the call fails fast instead of waiting in vain.
    const strict = new RateLimiter({ clock });
    strict.observe('loc', snapshot({ remaining: 0 }));
    const err = await strict.acquire('loc', { priority: 'interactive', operation: 'op' }).catch((e: unknown) => e);
    expect((err as GhlRateLimitedError).retryAfterMs).toBe(10_200);
    const next = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(10_199);
    expect(next.sentAt).toBeNull();
    await clock.advance(1);
    expect(next.sentAt).toBe(start + 10_200);
  });

  it('observe() never loosens below our own count, but adopts a smaller max and a longer interval', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 10, burstWindowMs: 1_000, safetyMarginMs: 0 });
    for (let i = 0; i < 5; i++) await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    limiter.observe('loc', snapshot({ remaining: 9 })); // stale/optimistic: ignored
    expect(limiter.stats('loc').usedInWindow).toBe(5);
    limiter.observe('loc', snapshot({ remaining: 2 })); // someone else used 3
    expect(limiter.stats('loc').usedInWindow).toBe(8);
    limiter.observe('loc', snapshot({ max: 8, intervalMs: 2_000 }));
    const next = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(1_999);
    expect(next.sentAt).toBeNull();
    await clock.advance(1);
    expect(next.sentAt).not.toBeNull();
  });

  it('observe() with dailyRemaining=0 holds calls for the rolling day', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, dailyMax: 1_000, dailyWindowMs: 144_000, safetyMarginMs: 0, interactiveMaxWaitMs: 1_000_000 });
    limiter.observe('loc', snapshot({ dailyLimit: 1_000, dailyRemaining: 0 }));
    expect(limiter.stats('loc').usedToday).toBe(1_000);
    const next = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(144_000 - 1);
    expect(next.sentAt).toBeNull();
    await clock.advance(200); // held at most one bucket (100 ms here) past the day
    expect(next.sentAt).not.toBeNull();
  });

  it('penalize() blocks the key, releases it afterwards, and counts the 429', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock });
    const start = clock.now();
    limiter.penalize('loc', 3_000);
    const a = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(2_999);
    expect(a.sentAt).toBeNull();
    await clock.advance(1);
    expect(a.sentAt).toBe(start + 3_000);
    // Default: one burst window.
    limiter.penalize('loc');
    const b = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(9_999);
    expect(b.sentAt).toBeNull();
    await clock.advance(1);
    expect(b.sentAt).toBe(start + 13_000);
    expect(limiter.stats('loc').throttled429).toBe(2);
  });
});

describe('RateLimiter: keys, shutdown, abort', () => {
  it('keeps keys independent: a saturated location does not delay another', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, interactiveMaxWaitMs: 60_000 });
    const busy = Array.from({ length: 300 }, () => track(limiter, clock, 'loc-busy', 'interactive'));
    limiter.penalize('loc-busy', 30_000);
    const other = track(limiter, clock, 'loc-quiet', 'interactive');
    await clock.advance(0);
    expect(other.sentAt).toBe(clock.now());
    expect(limiter.stats('loc-quiet')).toMatchObject({ usedInWindow: 1, throttled429: 0, waitedMs: 0 });
    expect(limiter.stats('loc-busy').queued.interactive).toBe(200);
    expect(busy.filter((c) => c.sentAt !== null)).toHaveLength(100);
  });

  it('close() rejects every waiter with a clear error, clears timers, and refuses new calls', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 1, interactiveMaxWaitMs: 60_000 });
    await limiter.acquire('a', { priority: 'interactive', operation: 'op' });
    await limiter.acquire('b', { priority: 'interactive', operation: 'op' });
    const waiting = [track(limiter, clock, 'a', 'interactive'), track(limiter, clock, 'a', 'background'), track(limiter, clock, 'b', 'background')];
    await clock.advance(0);
    expect(clock.pendingTimers).toBe(2);
    limiter.close();
    await Promise.all(waiting.map((w) => w.promise));
    for (const w of waiting) {
      expect(w.error).toBeInstanceOf(GhlUnavailableError);
      expect((w.error as Error).message).toMatch(/shutting down/);
    }
    expect(clock.pendingTimers).toBe(0);
    await expect(limiter.acquire('c', { priority: 'interactive', operation: 'op' })).rejects.toBeInstanceOf(GhlUnavailableError);
  });

  it('honours an AbortSignal: the call leaves the queue and the next one moves up', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, burstMax: 1, burstWindowMs: 1_000, safetyMarginMs: 0 });
    const start = clock.now();
    await limiter.acquire('loc', { priority: 'interactive', operation: 'op' });
    const ac = new AbortController();
    const aborted = track(limiter, clock, 'loc', 'interactive', { signal: ac.signal });
    const next = track(limiter, clock, 'loc', 'interactive');
    await clock.advance(500);
    ac.abort();
    await clock.advance(0);
    expect((aborted.error as Error).name).toBe('AbortError');
    expect(limiter.stats('loc').queued.interactive).toBe(1);
    await clock.advance(500);
    expect(next.sentAt).toBe(start + 1_000);
    expect(aborted.sentAt).toBeNull();

    // Already aborted: rejects without queueing or taking a slot.
    const pre = new AbortController();
    pre.abort(new Error('client went away'));
    await expect(limiter.acquire('loc', { priority: 'interactive', operation: 'op', signal: pre.signal })).rejects.toThrow('client went away');
    expect(limiter.stats('loc')).toMatchObject({ queued: { interactive: 0, background: 0 }, usedInWindow: 1 });
  });
});

describe('SlidingWindowLedger', () => {
  it('answers the next slot from the log without timers', () => {
    const ledger = new SlidingWindowLedger({ burstMax: 3, burstWindowMs: 1_000, dailyMax: 100, dailyWindowMs: 86_400_000, safetyMarginMs: 50, interactiveReserve: 0 });
    expect(ledger.tryTake(0, 'interactive')).toBe(0);
    expect(ledger.tryTake(100, 'interactive')).toBe(100);
    expect(ledger.tryTake(200, 'interactive')).toBe(200);
    expect(ledger.tryTake(300, 'interactive')).toBeNull();
    expect(ledger.nextSlotAt(300, 'interactive')).toBe(1_050);
    const plan = ledger.plan(300);
    expect(plan.peek('interactive')).toBe(1_050);
    expect([plan.commit('interactive'), plan.commit('interactive'), plan.commit('interactive'), plan.commit('interactive')]).toEqual([1_050, 1_150, 1_250, 2_100]);
    expect(ledger.tryTake(1_050, 'interactive')).toBe(1_050);
    expect(ledger.usage(1_050)).toEqual({ inWindow: 3, today: 4 });
  });

  it('holds an in-flight call\'s slot until its answer, then for a window from the answer', () => {
    const ledger = new SlidingWindowLedger({ burstMax: 1, burstWindowMs: 1_000, dailyMax: 100, dailyWindowMs: 86_400_000, safetyMarginMs: 0, interactiveReserve: 0 });
    const a = ledger.tryTake(0, 'interactive', true)!;
    expect(a).toBe(Number.POSITIVE_INFINITY);
    expect(ledger.tryTake(5_000, 'interactive')).toBeNull(); // still in flight after 5 s: its slot is held
    // Its answer came back at 5,300: GHL may have counted it as late as that.
    ledger.restamp(a, 5_300);
    expect(ledger.tryTake(6_299, 'interactive')).toBeNull();
    expect(ledger.tryTake(6_300, 'interactive')).toBe(6_300);
  });
});

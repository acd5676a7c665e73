import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { GhlUnavailableError } from '../../src/ghl/errors.js';
import { CircuitBreakers, CircuitOpenError } from '../../src/ghl/circuit-breaker.js';

const OP = 'GET /contacts/{contactId}';

function setup(options: { failureRate?: number; minimumCalls?: number; windowMs?: number; openMs?: number; probeTimeoutMs?: number } = {}) {
  const clock = new ManualClock();
  const breakers = new CircuitBreakers({ failureRate: 0.5, minimumCalls: 3, windowMs: 30_000, openMs: 10_000, ...options, clock });
  let upstreamCalls = 0;
  /** A guarded call: beforeCall, then the "upstream" (counted), then the report. */
  const call = (key: string, outcome: 'ok' | 'fail'): 'sent' | CircuitOpenError => {
    try {
      breakers.beforeCall(key, OP);
    } catch (err) {
      if (err instanceof CircuitOpenError) return err;
      throw err;
    }
    upstreamCalls++;
    if (outcome === 'ok') breakers.recordSuccess(key);
    else breakers.recordFailure(key);
    return 'sent';
  };
  return { clock, breakers, call, calls: () => upstreamCalls };
}

function openCircuit(breakers: CircuitBreakers, key: string, n = 3): void {
  for (let i = 0; i < n; i++) {
    breakers.beforeCall(key, OP);
    breakers.recordFailure(key);
  }
}

describe('CircuitBreakers', () => {
  it('uses the documented defaults: 50% of at least 40 calls in 30 s, 10 s open', async () => {
    const clock = new ManualClock();
    const b = new CircuitBreakers({ clock });
    openCircuit(b, 'loc', 39);
    expect(b.state('loc')).toBe('closed'); // every call failed, but 39 is below the minimum volume
    b.recordFailure('loc');
    expect(b.state('loc')).toBe('open');
    await clock.advance(9_999);
    expect(b.state('loc')).toBe('open');
    await clock.advance(1);
    expect(b.state('loc')).toBe('half-open');
  });

  it('opens on a failure rate, not on a run: successes in the window keep it closed', () => {
    const { breakers, call } = setup({ minimumCalls: 10 });
    call('loc', 'fail');
    for (let i = 0; i < 6; i++) call('loc', 'ok');
    for (let i = 0; i < 5; i++) call('loc', 'fail'); // a run of 5, but 6 of 12 calls failed = 50%
    expect(breakers.state('loc')).toBe('open');

    const other = setup({ minimumCalls: 10 });
    other.call('loc', 'fail');
    for (let i = 0; i < 8; i++) other.call('loc', 'ok');
    for (let i = 0; i < 5; i++) other.call('loc', 'fail'); // the same run, but 6 of 14 = 43%
    expect(other.breakers.state('loc')).toBe('closed');
    expect(other.breakers.failures('loc')).toBe(6);
  });

  it('never opens under 30% random failures, however they cluster', async () => {
    const { clock, breakers, call } = setup({ minimumCalls: 40 });
    // A deterministic sequence with 30% failures, clustered in runs of up to 12.
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let failed = 0;
    for (let i = 0; i < 2_000; i++) {
      const inRun = i % 100 < 12; // a run of 12 failures every 100 calls
      const fail = inRun || random() < 0.2;
      if (fail) failed++;
      call('loc', fail ? 'fail' : 'ok');
      expect(breakers.state('loc')).toBe('closed');
      await clock.advance(50); // 2,000 calls over 100 s: the 30 s window rolls
    }
    expect(failed / 2_000).toBeGreaterThan(0.25);
  });

  it('forgets calls once they leave the rolling window, and drops the state of idle keys', async () => {
    const { clock, breakers, call } = setup({ minimumCalls: 4, windowMs: 10_000 });
    call('loc', 'fail');
    call('loc', 'fail');
    call('loc', 'fail');
    call('healthy', 'ok');
    expect(breakers.trackedKeys).toBe(2);
    await clock.advance(11_000);
    expect(breakers.failures('loc')).toBe(0);
    expect(breakers.state('healthy')).toBe('closed');
    expect(breakers.trackedKeys).toBe(0);
    call('loc', 'fail'); // 1 of 1 in the new window: below the minimum volume
    expect(breakers.state('loc')).toBe('closed');
  });

  it('counts calls still in flight: a burst whose failures answer first does not open', () => {
    const { breakers } = setup({ minimumCalls: 10 });
    for (let i = 0; i < 100; i++) breakers.beforeCall('loc', OP);
    // The 30 failures of the burst come back before any of its 70 successes.
    for (let i = 0; i < 30; i++) breakers.recordFailure('loc');
    expect(breakers.state('loc')).toBe('closed');
    for (let i = 0; i < 70; i++) breakers.recordSuccess('loc');
    expect(breakers.failures('loc')).toBe(30);
  });

  it('when open, fails fast without any upstream call, with a CircuitOpenError saying when to retry', async () => {
    const { clock, breakers, call, calls } = setup();
    openCircuit(breakers, 'loc');
    const before = calls();
    await clock.advance(4_000);
    const err = call('loc', 'ok');
    expect(calls()).toBe(before);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect(err).toBeInstanceOf(GhlUnavailableError);
    const e = err as CircuitOpenError;
    expect(e.outcomeUnknown).toBe(false);
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(e.operation).toBe(OP);
    expect(e.retryAfterMs).toBe(6_000);
    expect(e.extensions()).toEqual({ operation: OP, circuit: 'open', retryAfter: 6 });
    expect(e.extensions()).not.toHaveProperty('outcomeUnknown');
    // Many more attempts still never reach upstream.
    for (let i = 0; i < 50; i++) expect(call('loc', 'ok')).toBeInstanceOf(CircuitOpenError);
    expect(calls()).toBe(before);
    expect(breakers.state('loc')).toBe('open');
  });

  it('after openMs lets exactly one probe through; others fail fast while it is out', async () => {
    const { clock, breakers } = setup();
    openCircuit(breakers, 'loc');
    await clock.advance(10_000);
    expect(breakers.state('loc')).toBe('half-open');

    expect(() => breakers.beforeCall('loc', OP)).not.toThrow(); // the probe
    for (let i = 0; i < 5; i++) {
      let caught: unknown;
      try {
        breakers.beforeCall('loc', OP);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(CircuitOpenError);
      expect(caught).toMatchObject({ circuitState: 'half-open', outcomeUnknown: false });
    }
    expect(breakers.state('loc')).toBe('half-open');
  });

  it('probe success closes the circuit', async () => {
    const { clock, breakers, call, calls } = setup();
    openCircuit(breakers, 'loc');
    await clock.advance(10_000);
    expect(call('loc', 'ok')).toBe('sent');
    expect(breakers.state('loc')).toBe('closed');
    expect(breakers.failures('loc')).toBe(0);
    const before = calls();
    expect(call('loc', 'ok')).toBe('sent');
    expect(call('loc', 'ok')).toBe('sent');
    expect(calls()).toBe(before + 2);
  });

  it('probe failure re-opens for another full openMs', async () => {
    const { clock, breakers, call, calls } = setup();
    openCircuit(breakers, 'loc');
    await clock.advance(10_000);
    expect(call('loc', 'fail')).toBe('sent');
    expect(breakers.state('loc')).toBe('open');
    const before = calls();
    await clock.advance(9_999);
    const err = call('loc', 'ok');
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).retryAfterMs).toBe(1);
    expect(calls()).toBe(before);
    await clock.advance(1);
    expect(breakers.state('loc')).toBe('half-open');
    expect(call('loc', 'ok')).toBe('sent');
    expect(breakers.state('loc')).toBe('closed');
  });

  it('after a re-open, closing needs only one successful probe; then the window starts clean', async () => {
    const { clock, breakers, call } = setup();
    openCircuit(breakers, 'loc');
    await clock.advance(10_000);
    call('loc', 'ok');
    call('loc', 'fail');
    call('loc', 'fail');
    expect(breakers.state('loc')).toBe('closed');
    call('loc', 'fail');
    expect(breakers.state('loc')).toBe('open');
  });

  it('keeps keys independent', async () => {
    const { clock, breakers, call, calls } = setup();
    openCircuit(breakers, 'locA');
    expect(breakers.state('locA')).toBe('open');
    expect(breakers.state('locB')).toBe('closed');
    const before = calls();
    expect(call('locB', 'ok')).toBe('sent');
    expect(call('locA', 'ok')).toBeInstanceOf(CircuitOpenError);
    expect(calls()).toBe(before + 1);

    // Failures on B do not add up with A's, and A's probe does not close B.
    call('locB', 'ok');
    call('locB', 'fail');
    expect(breakers.state('locB')).toBe('closed'); // 1 of 3
    await clock.advance(10_000);
    call('locA', 'ok');
    expect(breakers.state('locA')).toBe('closed');
    call('locB', 'fail');
    call('locB', 'fail'); // 3 of 5
    expect(breakers.state('locB')).toBe('open');
    expect(breakers.state('locA')).toBe('closed');
  });

  it('ignores late reports while open: a late success does not close, a late failure does not extend', async () => {
    const { clock, breakers } = setup();
    openCircuit(breakers, 'loc');
    await clock.advance(5_000);
    breakers.recordSuccess('loc');
    expect(breakers.state('loc')).toBe('open');
    breakers.recordFailure('loc');
    await clock.advance(5_000);
    expect(breakers.state('loc')).toBe('half-open');
  });

  it('an unreported probe (e.g. a 4xx left unreported) frees its slot after probeTimeoutMs', async () => {
    const { clock, breakers } = setup({ probeTimeoutMs: 3_000 });
    openCircuit(breakers, 'loc');
    await clock.advance(10_000);
    breakers.beforeCall('loc', OP); // probe, never reported
    await clock.advance(2_999);
    expect(() => breakers.beforeCall('loc', OP)).toThrow(CircuitOpenError);
    await clock.advance(1);
    expect(() => breakers.beforeCall('loc', OP)).not.toThrow(); // the next probe
    expect(() => breakers.beforeCall('loc', OP)).toThrow(CircuitOpenError);
    breakers.recordSuccess('loc');
    expect(breakers.state('loc')).toBe('closed');
  });

  it('rejects nonsensical options', () => {
    expect(() => new CircuitBreakers({ failureRate: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreakers({ failureRate: 1.5 })).toThrow(RangeError);
    expect(() => new CircuitBreakers({ minimumCalls: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreakers({ openMs: -1 })).toThrow(RangeError);
  });
});

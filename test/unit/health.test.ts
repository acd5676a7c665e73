import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { Readiness, UpstreamHealth } from '../../src/observability/health.js';

describe('GHL reachability for /ready', () => {
  it('is fine before any call and through brief failures, and fails once only failures were seen for staleMs', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const upstream = new UpstreamHealth({ clock, staleMs: 60_000 });
    expect(upstream.check()).toEqual({ ok: true, detail: 'no calls yet' });
    upstream.record(200);
    await clock.advance(1_000);
    upstream.record(503);
    upstream.record(0);
    expect(upstream.check().ok).toBe(true);
    await clock.advance(60_000);
    upstream.record(0);
    expect(upstream.check()).toMatchObject({ ok: false });
    upstream.record(404); // an answer, even a refusal, shows GHL is there
    expect(upstream.check()).toEqual({ ok: true, detail: 'answering' });
  });
});

describe('readiness', () => {
  it('reports each named check, takes checks from other modules (e.g. Redis), and is not ready while draining', async () => {
    const readiness = new Readiness();
    readiness.addCheck('installations', () => ({ ok: true, detail: '2 loaded' }));
    expect(await readiness.report()).toEqual({ ready: true, checks: { installations: { ok: true, detail: '2 loaded' } } });
    readiness.addCheck('redis', async () => {
      throw new Error('ECONNREFUSED 127.0.0.1:6379');
    });
    expect(await readiness.report()).toMatchObject({ ready: false, checks: { redis: { ok: false, detail: 'Error' } } });
    const draining = new Readiness();
    draining.drain();
    expect(await draining.report()).toMatchObject({ ready: false, checks: { shutdown: { ok: false } } });
  });
});

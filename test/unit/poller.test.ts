import { describe, expect, it } from 'vitest';
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { GhlRateLimitedError, GhlReauthRequiredError } from '../../src/ghl/errors.js';
import { ManualClock } from '../../src/lib/clock.js';
import type { Change } from '../../src/subscriptions/diff.js';
import { type PollSource, PollerRegistry } from '../../src/subscriptions/poller.js';
import { createChangePubSub, type TopicMessage } from '../../src/subscriptions/pubsub.js';

/** Shared pollers on a fake clock: a test source stands in for GHL, so only the poller's logic runs. */
type Item = { id: string; [k: string]: unknown };

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const pubsub = createChangePubSub();
  // Never called: the test source does not use the client.
  const client = new GhlClient({ baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 1000, clock });
  const registry = new PollerRegistry({ client, clock, pubsub, bounds: { defaultIntervalMs: 60_000, minIntervalMs: 5_000, maxIntervalMs: 900_000 } });
  let data: Item[] = [{ id: 'a', name: 'A' }];
  let failWith: Error | null = null;
  let calls = 0;
  const source: PollSource<{ scope: string }> = {
    resource: 'contact',
    idOf: (i) => String(i['id']),
    list: async () => {
      calls++;
      if (failWith) throw failWith;
      return data.map((d) => ({ ...d }));
    },
    matches: () => true,
  };
  const credential = staticCredential({ locationId: 'loc1', token: 't', scopes: null });
  const received: TopicMessage[] = [];
  const listen = async (topic: string) => {
    for await (const m of pubsub.subscribe(topic)) received.push(m);
  };
  return {
    clock,
    registry,
    source,
    credential,
    received,
    listen,
    set: (d: Item[]) => (data = d),
    fail: (e: Error | null) => (failWith = e),
    calls: () => calls,
    changes: () => received.flatMap((m) => ('change' in m ? [m.change as Change] : [])),
  };
}

describe('shared poller lifecycle', () => {
  it('starts with the first subscriber, is shared by the same key, and stops with the last', async () => {
    const t = setup();
    const a = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    const b = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    const other = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'y' } });
    expect(a.poller).toBe(b.poller);
    expect(t.registry.list()).toHaveLength(2);
    await t.clock.advance(0);
    await t.clock.advance(60_000 * 3);
    // Two pollers, each: one baseline + three intervals.
    expect(t.calls()).toBe(8);
    a.release();
    b.release();
    other.release();
    other.release(); // idempotent
    expect(t.registry.list()).toHaveLength(0);
    const before = t.calls();
    await t.clock.advance(60_000 * 10);
    expect(t.calls()).toBe(before);
    expect(t.clock.pendingTimers).toBe(0);
  });

  it('publishes created, updated and deleted records after the baseline, once each', async () => {
    const t = setup();
    const { poller } = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    void t.listen(poller.topic);
    await t.clock.advance(0); // baseline: not news
    expect(t.changes()).toEqual([]);
    t.set([{ id: 'a', name: 'A2' }, { id: 'b', name: 'B' }]);
    await t.clock.advance(60_000);
    await t.clock.advance(60_000); // unchanged: nothing more
    t.set([{ id: 'b', name: 'B' }]);
    await t.clock.advance(60_000);
    expect(t.changes().map((c) => [c.kind, c.id, c.changedFields])).toEqual([
      ['UPDATED', 'a', ['name']],
      ['CREATED', 'b', ['id', 'name']],
      ['DELETED', 'a', []],
    ]);
  });

  it('never publishes a change twice when a webhook and a poll both see it, in either order', async () => {
    const t = setup();
    const { poller } = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    void t.listen(poller.topic);
    await t.clock.advance(0);
    // Webhook first, then the poll sees the same change (plus a field only GHL's API returns).
    expect(t.registry.ingest('loc:loc1', 'contact', 'UPSERT', 'a', { name: 'via webhook' }, 'w1')).toBe(1);
    t.set([{ id: 'a', name: 'via webhook', dateUpdated: '2026-01-01T00:01:00Z' }]);
    await t.clock.advance(60_000);
    // Poll first, then a late (or duplicated) webhook for the same change.
    t.set([{ id: 'a', name: 'via poll', dateUpdated: '2026-01-01T00:02:00Z' }]);
    await t.clock.advance(60_000);
    expect(t.registry.ingest('loc:loc1', 'contact', 'UPSERT', 'a', { name: 'via poll' }, 'w2')).toBe(0);
    // A webhook for another tenant reaches nobody here.
    expect(t.registry.ingest('loc:other', 'contact', 'UPSERT', 'a', { name: 'x' }, 'w3')).toBe(0);
    expect(t.changes().map((c) => [c.source, c.node['name']])).toEqual([
      ['WEBHOOK', 'via webhook'],
      ['POLL', 'via poll'],
    ]);
  });

  it('does not publish a stale value when a webhook lands while a poll that predates it is in flight', async () => {
    const t = setup();
    const { poller } = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    void t.listen(poller.topic);
    await t.clock.advance(0);
    // The next poll lists the old data, but its answer is held until after the webhook arrives.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const list = t.source.list;
    t.source.list = async (call, args) => {
      const items = await list(call, args);
      await held;
      return items;
    };
    await t.clock.advance(60_000);
    await t.clock.advance(1); // the webhook comes later than the poll started
    t.registry.ingest('loc:loc1', 'contact', 'UPSERT', 'a', { name: 'new' }, 'w');
    release();
    await poller.idle();
    t.source.list = list;
    t.set([{ id: 'a', name: 'new' }]);
    await t.clock.advance(60_000);
    expect(t.changes().map((c) => [c.source, c.node['name']])).toEqual([['WEBHOOK', 'new']]);
  });

  it('backs off when the budget is short, and ends the stream when the credential loses access', async () => {
    const t = setup();
    const { poller } = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    void t.listen(poller.topic);
    await t.clock.advance(0);
    t.fail(new GhlRateLimitedError('budget', 'op', null, 1000));
    const before = t.calls();
    await t.clock.advance(60_000); // fails → next in 120 s
    await t.clock.advance(60_000);
    expect(t.calls()).toBe(before + 1);
    await t.clock.advance(60_000); // 120 s after the failure
    expect(t.calls()).toBe(before + 2);
    t.fail(new GhlReauthRequiredError('gone', 'op', 'http://install'));
    await t.clock.advance(240_000);
    expect(t.received.at(-1)).toEqual({ end: { code: 'REAUTH_REQUIRED', message: 'gone' } });
    expect(t.registry.list()).toHaveLength(0);
    const after = t.calls();
    await t.clock.advance(600_000);
    expect(t.calls()).toBe(after);
  });

  it('keeps the interval within bounds, the shortest asked for winning', async () => {
    const t = setup();
    t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' }, intervalMs: 1 });
    await t.clock.advance(0);
    await t.clock.advance(5_000);
    expect(t.calls()).toBe(2);
  });
});

describe('changes pushed by gateway writes', () => {
  it('publishes a write at once, and neither its webhook echo nor the next poll repeats it', async () => {
    const t = setup();
    const { poller } = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'x' } });
    void t.listen(poller.topic);
    await t.clock.advance(0);
    expect(poller.ready).toBe(true);

    // The API answer of an update, then GHL's webhook for it with fields the answer leaves out.
    expect(t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'a', { id: 'a', name: 'B' }, 'now', 'MUTATION')).toBe(1);
    expect(t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'a', { id: 'a', name: 'B', locationId: 'loc1', dateAdded: '2026-01-01' }, 'now', 'WEBHOOK')).toBe(0);
    t.set([{ id: 'a', name: 'B' }]);
    await t.clock.advance(60_000);
    expect(t.calls()).toBe(2);
    expect(t.changes().map((c) => [c.kind, c.id, c.source, c.changedFields])).toEqual([['UPDATED', 'a', 'MUTATION', ['name']]]);

    // With no write of ours pending, a webhook's new field is news.
    expect(t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'a', { id: 'a', phone: '+15550100' }, 'later', 'WEBHOOK')).toBe(1);
    poller.stop();
  });
});

describe('pushed changes to a windowed view', () => {
  it('calls a pushed record new to the window an update when it was added before the poller started', async () => {
    const t = setup();
    const windowed: PollSource<{ scope: string }> = { ...t.source, window: { addedAt: (i) => Date.parse(String(i['dateAdded'])) } };
    const { poller } = t.registry.acquire({ credential: t.credential, source: windowed, args: { scope: 'w' } });
    void t.listen(poller.topic);
    await t.clock.advance(0);
    const now = new Date(t.clock.now()).toISOString();
    t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'old', { id: 'old', name: 'Old', dateAdded: '2020-01-01T00:00:00Z' }, now, 'MUTATION');
    t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'new', { id: 'new', name: 'New', dateAdded: now }, now, 'MUTATION');
    await t.clock.advance(0);
    expect(t.changes().map((c) => [c.id, c.kind])).toEqual([
      ['old', 'UPDATED'],
      ['new', 'CREATED'],
    ]);
    poller.stop();
  });
});

describe('changes pushed before the first listing', () => {
  it('publishes them once the listing is in, whether or not the listing already holds them', async () => {
    const t = setup();
    const { poller } = t.registry.acquire({ credential: t.credential, source: t.source, args: { scope: 'early' } });
    void t.listen(poller.topic);
    const at = new Date(t.clock.now()).toISOString();
    // A write the listing will already show (with its webhook echo), and one it predates.
    t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'b', { id: 'b', name: 'B', dateAdded: at }, at, 'MUTATION');
    t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'b', { id: 'b', name: 'B', dateAdded: at, locationId: 'loc1' }, at, 'WEBHOOK');
    t.registry.ingest(t.credential.tenantKey, 'contact', 'UPSERT', 'a', { id: 'a', name: 'A2' }, at, 'MUTATION');
    t.set([{ id: 'a', name: 'A' }, { id: 'b', name: 'B', dateAdded: at }]);
    expect(poller.ready).toBe(false);
    await t.clock.advance(0);
    expect(poller.ready).toBe(true);
    expect(t.changes().map((c) => [c.kind, c.id, c.source, c.changedFields])).toEqual([
      ['CREATED', 'b', 'MUTATION', ['dateAdded', 'id', 'name']],
      ['UPDATED', 'a', 'MUTATION', ['name']],
    ]);
    poller.stop();
  });
});

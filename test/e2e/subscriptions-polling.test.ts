import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { sseSubscribe, until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * Polling-backed subscriptions over real sockets (listen(0)): one shared poller per topic however
 * many subscribe, budget respected, nothing polled once everyone has left. The gateway runs on a
 * fake clock: a poll happens when the test moves time by an interval, so counts are exact and
 * "nothing after they leave" is shown by moving time on, not by sleeping.
 */
const INTERVAL_MS = 150;
const WINDOW_MS = 1_000;
let sim: Simulator;
let app: App;
let url: string;
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  // The gateway learns GHL's limit from X-RateLimit-* headers, so the simulator states the same
  // limit (on real time, which moves slower than the fake clock here: it never binds).
  sim = await startSimulator({ seed: { contactsPerLocation: 1100 }, rateLimit: { burstMax: 100, burstWindowMs: WINDOW_MS } });
  app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      PORT: '0',
      SUBSCRIPTION_POLL_INTERVAL_MS: String(INTERVAL_MS),
      SUBSCRIPTION_POLL_MIN_MS: String(INTERVAL_MS),
      GHL_RATE_BURST_MAX: '100',
      GHL_RATE_BURST_WINDOW_MS: String(WINDOW_MS),
    }),
    { simulator: sim, clock },
  );
  url = await app.start(0);
});
afterAll(async () => {
  await app.stop();
  await sim.stop();
});

const loc = () => sim.locations[0]!;
const putContact = (id: string, body: Record<string, unknown>) =>
  fetch(`${sim.baseUrl}/contacts/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${loc().token}`, version: '2021-07-28', 'content-type': 'application/json' }, body: JSON.stringify(body) });
const searches = () => sim.requests.filter((r) => r.route === '/contacts/search').length;

/** Moves the fake clock and waits for the polls it started to finish (and schedule the next). */
async function step(ms: number): Promise<void> {
  await clock.advance(ms);
  await Promise.all(app.pollers.list().map((p) => p.idle()));
}

/** Fires due timers until `cond` holds: subscriptions arrive over real sockets, in real time. */
async function stepUntil(cond: () => boolean): Promise<void> {
  await until(() => {
    void clock.advance(0);
    return cond();
  });
}

/**
 * Proves nothing is polling any more: time moves on by many intervals, then a marker request
 * goes through the same client; by the time its answer is back, any poll those timers started
 * would have been sent before it.
 */
let markers = 0;
async function expectNoPollsAfter(ms: number): Promise<void> {
  sim.clearRequests();
  await clock.advance(ms);
  // A contact no one has read, so the marker is not served from the cache.
  const markerId = sim.store.listContacts(loc().id)[1099 - markers++]!.id;
  const marker = await app.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ contact(id: "${markerId}") { id } }` }),
  });
  expect(marker.status).toBe(200);
  expect(sim.requests.map((r) => r.route)).toEqual(['/contacts/{contactId}']);
}

describe('subscriptions backed by polling', () => {
  it('serves 1,000 subscribers of one topic with one shared poller: 1 upstream call per interval', async () => {
    const client = wsClient(url);
    const subs = Array.from({ length: 1000 }, () => wsSubscribe(client, `subscription { contactsChanged { kind id changedFields source node { id firstName } } }`));
    await stepUntil(() => app.pollers.list()[0]?.subscribers === 1000 && app.pollers.list()[0]!.ready);
    expect(app.pollers.list()).toHaveLength(1);

    sim.clearRequests();
    for (let i = 1; i <= 6; i++) {
      await step(INTERVAL_MS);
      expect(searches()).toBe(i); // one search per interval for all 1,000, not 1,000
    }
    expect(sim.requests).toHaveLength(6);

    // A change reaches every subscriber once, at the next poll.
    const target = sim.store.listContacts(loc().id)[5]!;
    expect((await putContact(target.id, { firstName: 'Polled' })).status).toBe(200);
    await step(INTERVAL_MS);
    await Promise.all(subs.map((s) => s.received.waitFor(1)));
    expect(subs.every((s) => s.received.events.length === 1)).toBe(true);
    expect(subs[0]!.received.events[0]).toMatchObject({ contactsChanged: { kind: 'UPDATED', id: target.id, source: 'POLL', node: { firstName: 'Polled' } } });
    expect(subs[0]!.received.events[0].contactsChanged.changedFields).toContain('firstName');

    for (const s of subs) s.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
    await expectNoPollsAfter(INTERVAL_MS * 20);
  });

  it('charges 1,000 subscribers on 1,000 different contacts against the budget, and nothing after they leave', async () => {
    const ids = sim.store.listContacts(loc().id).slice(0, 1000).map((c) => c.id);
    // A fresh budget window.
    await clock.advance(WINDOW_MS * 2);
    const client = wsClient(url);
    sim.clearRequests();
    const exchangesBefore = app.client.stats.exchanges;
    const exchanges = () => app.client.stats.exchanges - exchangesBefore;
    const subs = ids.map((contactId) => wsSubscribe(client, `subscription($c: ID!) { contactTasksChanged(contactId: $c) { kind id } }`, { c: contactId }));
    await stepUntil(() => app.pollers.list().length === 1000 && app.pollers.list().every((p) => p.polls === 1));
    // Time stands still: what the window allows goes out, the other first polls wait for budget.
    await until(() => exchanges() > 0 && sim.requests.length === exchanges());
    const sent = sim.requests.length;
    expect(sent).toBeLessThanOrEqual(100);
    expect(app.client.limiter.stats(loc().id).queued.background).toBe(1000 - sent);
    expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);

    for (const s of subs) s.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
    expect(app.client.limiter.stats(loc().id).queued.background).toBe(0); // queued polls were dropped
    await expectNoPollsAfter(WINDOW_MS * 10);
  });

  it('delivers changes over SSE on the same endpoint', async () => {
    await clock.advance(WINDOW_MS * 2); // past the budget the previous test used
    const sub = sseSubscribe(url, `subscription { contactsChanged { kind id node { lastName } } }`);
    expect(await sub.opened).toBe(200);
    await until(() => {
      void clock.advance(INTERVAL_MS);
      return app.pollers.list()[0]?.ready === true;
    });
    const target = sim.store.listContacts(loc().id)[7]!;
    expect((await putContact(target.id, { lastName: 'OverSse' })).status).toBe(200);
    // Time moves until the next poll has run: GHL's headers may still report the budget the
    // previous test spent, so that poll can wait for a window (a step that waited for it would not end).
    await until(() => {
      void clock.advance(INTERVAL_MS);
      return sub.received.events.length > 0;
    });
    const [event] = await sub.received.waitFor(1);
    expect(event).toMatchObject({ contactsChanged: { kind: 'UPDATED', id: target.id, node: { lastName: 'OverSse' } } });
    sub.stop();
    await until(() => app.pollers.list().length === 0);
  });

  it('refuses a WebSocket connection whose credential is not valid, with a close reason', async () => {
    const client = wsClient(url, { authorization: 'Bearer pit-nope', 'x-location-id': 'nowhere' });
    const sub = wsSubscribe(client, `subscription { contactsChanged { id } }`);
    // A pass-through token is only checked by GHL: the first poll fails, the stream ends with the
    // reason, and the socket closes with the matching code.
    await stepUntil(() => client.closes.length > 0);
    expect(JSON.stringify(sub.received.errors)).toContain('UNAUTHENTICATED');
    expect(client.closes[0]).toMatchObject({ code: 4401 });
    expect(client.closes[0]!.reason).toMatch(/^UNAUTHENTICATED: /);
    await client.dispose();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { settle, sseSubscribe, until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * Polling-backed subscriptions over real sockets (listen(0)): one shared poller per topic however
 * many subscribe, budget respected, nothing polled once everyone has left.
 */
const INTERVAL_MS = 150;
let sim: Simulator;
let app: App;
let url: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 1100 }, rateLimit: { burstMax: 100, burstWindowMs: 1_000 } });
  app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      PORT: '0',
      SUBSCRIPTION_POLL_INTERVAL_MS: String(INTERVAL_MS),
      SUBSCRIPTION_POLL_MIN_MS: String(INTERVAL_MS),
      GHL_RATE_BURST_MAX: '100',
      GHL_RATE_BURST_WINDOW_MS: '1000',
    }),
    { simulator: sim },
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
const pollsSoFar = () => sim.requests.length;

describe('subscriptions backed by polling', () => {
  it('serves 1,000 subscribers of one topic with one shared poller: 1 upstream call per interval', async () => {
    const client = wsClient(url);
    const subs = Array.from({ length: 1000 }, () => wsSubscribe(client, `subscription { contactsChanged { kind id changedFields source node { id firstName } } }`));
    await until(() => app.pollers.list()[0]?.subscribers === 1000 && app.pollers.list()[0]!.ready);
    expect(app.pollers.list()).toHaveLength(1);

    sim.clearRequests();
    const started = performance.now();
    await settle(INTERVAL_MS * 6);
    const intervals = (performance.now() - started) / INTERVAL_MS;
    // At most one search per interval for all 1,000 (+1 for a poll in flight at the start), not
    // 1,000. (A poll waits a full interval after the previous one ends, so a busy machine polls less.)
    const searches = sim.requests.filter((r) => r.route === '/contacts/search').length;
    expect(searches).toBeGreaterThanOrEqual(2);
    expect(searches).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    expect(sim.requests).toHaveLength(searches);

    // A change reaches every subscriber once.
    const target = sim.store.listContacts(loc().id)[5]!;
    expect((await putContact(target.id, { firstName: 'Polled' })).status).toBe(200);
    await Promise.all(subs.map((s) => s.received.waitFor(1)));
    expect(subs.every((s) => s.received.events.length === 1)).toBe(true);
    expect(subs[0]!.received.events[0]).toMatchObject({ contactsChanged: { kind: 'UPDATED', id: target.id, source: 'POLL', node: { firstName: 'Polled' } } });
    expect(subs[0]!.received.events[0].contactsChanged.changedFields).toContain('firstName');

    for (const s of subs) s.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
    await settle(INTERVAL_MS); // a poll already in flight may still land
    sim.clearRequests();
    await settle(INTERVAL_MS * 4);
    expect(pollsSoFar()).toBe(0);
  });

  it('charges 1,000 subscribers on 1,000 different contacts against the budget: never a 429, and nothing after they leave', async () => {
    const ids = sim.store.listContacts(loc().id).slice(0, 1000).map((c) => c.id);
    const client = wsClient(url);
    sim.clearRequests();
    const subs = ids.map((contactId) => wsSubscribe(client, `subscription($c: ID!) { contactTasksChanged(contactId: $c) { kind id } }`, { c: contactId }));
    await until(() => app.pollers.list().length === 1000);
    await settle(2_000);
    const pollers = app.pollers.list().length;
    const log = [...sim.requests];
    for (const s of subs) s.stop();
    await client.dispose();
    expect(pollers).toBe(1000);
    expect(log.length).toBeGreaterThan(50);
    const times = log.map((r) => [r.seq, Date.parse(r.at), r.status] as const).sort((a, b) => a[0] - b[0]);
    expect(log.filter((r) => r.status === 429)).toHaveLength(0);
    // The budget (100 per second here) bounds what the pollers spend.
    expect(log.length).toBeLessThanOrEqual(100 * 4);

    await until(() => app.pollers.list().length === 0);
    await settle(INTERVAL_MS);
    sim.clearRequests();
    await settle(INTERVAL_MS * 4);
    expect(pollsSoFar()).toBe(0);
  });

  it('delivers changes over SSE on the same endpoint', async () => {
    const sub = sseSubscribe(url, `subscription { contactsChanged { kind id node { lastName } } }`);
    expect(await sub.opened).toBe(200);
    await until(() => app.pollers.list()[0]?.ready === true);
    const target = sim.store.listContacts(loc().id)[7]!;
    expect((await putContact(target.id, { lastName: 'OverSse' })).status).toBe(200);
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
    await until(() => client.closes.length > 0);
    expect(JSON.stringify(sub.received.errors)).toContain('UNAUTHENTICATED');
    expect(client.closes[0]).toMatchObject({ code: 4401 });
    expect(client.closes[0]!.reason).toMatch(/^UNAUTHENTICATED: /);
    await client.dispose();
  });
});

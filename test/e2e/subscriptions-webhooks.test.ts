import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { sseSubscribe, until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * End to end over real sockets: the simulator changes a contact and delivers its signed webhook
 * to the gateway, which publishes it to graphql-ws and SSE subscribers before any poll is due;
 * and with half of the webhooks lost, polling delivers every change exactly once.
 */
let sim: Simulator;
const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
  await sim.stop();
});

async function gateway(env: Record<string, string>): Promise<{ app: App; url: string }> {
  const app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      GHL_WEBHOOK_PUBLIC_KEY: sim.webhooks.publicKeys.rsa,
      GHL_WEBHOOK_ED25519_PUBLIC_KEY: sim.webhooks.publicKeys.ed25519,
      ...env,
    }),
    { simulator: sim },
  );
  apps.push(app);
  const url = await app.start(0);
  sim.webhooks.configure({ url: url.replace(/\/graphql$/, '/webhooks/ghl') });
  return { app, url };
}

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 60 }, rateLimit: { burstMax: 100_000 } });
});
afterEach(() => sim.webhooks.configure({ url: null, dropRate: 0, duplicateRate: 0 }));

const loc = () => sim.locations[0]!;
const putContact = async (id: string, body: Record<string, unknown>) => {
  const res = await fetch(`${sim.baseUrl}/contacts/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${loc().token}`, version: '2021-07-28', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
};

const SUB = `subscription { contactsChanged { kind id source changedFields node { id firstName lastName } } }`;

describe('webhooks reach subscribers', () => {
  it('delivers a contact update through the webhook to graphql-ws and SSE subscribers before the next poll', async () => {
    // Polls every 10 minutes: only a webhook can deliver within this test.
    const { app, url } = await gateway({ SUBSCRIPTION_POLL_INTERVAL_MS: '600000' });
    const client = wsClient(url);
    const ws = wsSubscribe(client, SUB);
    const sse = sseSubscribe(url, SUB);
    expect(await sse.opened).toBe(200);
    await until(() => app.pollers.list()[0]?.subscribers === 2 && app.pollers.list()[0]!.ready);
    const pollsBefore = app.pollers.list()[0]!.polls;

    const target = sim.store.listContacts(loc().id)[3]!;
    await putContact(target.id, { firstName: 'Pushed' });
    const [viaWs] = await ws.received.waitFor(1);
    const [viaSse] = await sse.received.waitFor(1);
    for (const event of [viaWs, viaSse]) {
      expect(event).toMatchObject({ contactsChanged: { kind: 'UPDATED', id: target.id, source: 'WEBHOOK', node: { firstName: 'Pushed' } } });
      expect(event.contactsChanged.changedFields).toContain('firstName');
    }
    expect(app.pollers.list()[0]!.polls).toBe(pollsBefore);
    expect(sim.webhooks.deliveries.filter((d) => d.type === 'ContactUpdate').at(-1)).toMatchObject({ outcome: 'delivered', status: 200 });

    ws.stop();
    sse.stop();
    await client.dispose();
  });

  it('with 50% of webhooks dropped (and some duplicated), every change reaches subscribers exactly once', async () => {
    const { app, url } = await gateway({ SUBSCRIPTION_POLL_INTERVAL_MS: '200', SUBSCRIPTION_POLL_MIN_MS: '200' });
    sim.webhooks.configure({ dropRate: 0.5, duplicateRate: 0.3 });
    const client = wsClient(url);
    const ws = wsSubscribe(client, SUB);
    await until(() => app.pollers.list()[0]?.ready === true);

    const targets = sim.store.listContacts(loc().id).slice(10, 30);
    for (const [i, c] of targets.entries()) await putContact(c.id, { lastName: `Change-${i}` });
    await sim.webhooks.flush();
    await until(() => targets.every((c, i) => ws.received.events.some((e) => e.contactsChanged.id === c.id && e.contactsChanged.node.lastName === `Change-${i}`)));
    // Three more polls complete after every change arrived: none of them may deliver it again.
    const poller = app.pollers.list()[0]!;
    const pollsNow = poller.polls;
    await until(() => poller.polls >= pollsNow + 4);
    await poller.idle();

    const seen = ws.received.events.map((e) => `${e.contactsChanged.id}:${e.contactsChanged.node.lastName}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(targets.length);
    const sources = new Set(ws.received.events.map((e) => e.contactsChanged.source));
    expect(sources).toEqual(new Set(['WEBHOOK', 'POLL'])); // both paths really carried changes
    expect(sim.webhooks.deliveries.some((d) => d.outcome === 'dropped')).toBe(true);

    ws.stop();
    await client.dispose();
  });
});

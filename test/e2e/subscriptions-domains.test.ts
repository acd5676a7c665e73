import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { settle, until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * The other change streams, over graphql-ws on a real socket: opportunities, calendar events,
 * conversation messages and users. A change made through the gateway's own mutations reaches
 * the subscriber, by webhook where GHL sends one, by polling where it does not. And a
 * subscriber whose installation loses access is disconnected with a clear close reason.
 */
let sim: Simulator;
let app: App;
let url: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 40 }, rateLimit: { burstMax: 100_000 } });
  app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      GHL_RATE_BURST_MAX: '100000',
      SUBSCRIPTION_POLL_INTERVAL_MS: '200',
      SUBSCRIPTION_POLL_MIN_MS: '200',
      GHL_WEBHOOK_PUBLIC_KEY: sim.webhooks.publicKeys.rsa,
    }),
    { simulator: sim },
  );
  url = await app.start(0);
  sim.webhooks.configure({ url: url.replace(/\/graphql$/, '/webhooks/ghl') });
});
afterAll(async () => {
  await app.stop();
  await sim.stop();
});

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const readyPollers = (n: number) => until(() => app.pollers.list().length >= n && app.pollers.list().every((p) => p.ready));

describe('domain change streams', () => {
  it('streams opportunity status changes of a pipeline', async () => {
    const { opportunities } = await gql<{ opportunities: { nodes: { id: string; pipeline: { id: string } }[] } }>(`{ opportunities(first: 1) { nodes { id pipeline { id } } } }`);
    const opp = opportunities.nodes[0]!;
    const client = wsClient(url);
    const sub = wsSubscribe(client, `subscription($p: ID) { opportunitiesChanged(pipelineId: $p) { kind id changedFields node { id status } } }`, { p: opp.pipeline.id });
    await readyPollers(1);
    await gql(`mutation($input: OpportunityStatusUpdateInput!) { opportunityStatusUpdate(input: $input) { userErrors { code } } }`, { input: { id: opp.id, status: 'WON' } });
    const [event] = await sub.received.waitFor(1);
    expect(event.opportunitiesChanged).toMatchObject({ kind: 'UPDATED', id: opp.id, node: { status: 'WON' } });
    sub.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
  });

  it('streams calendar events booked in a window', async () => {
    const { calendars } = await gql<{ calendars: { nodes: { id: string }[] } }>(`{ calendars(first: 1) { nodes { id } } }`);
    const calendarId = calendars.nodes[0]!.id;
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const client = wsClient(url);
    const sub = wsSubscribe(client, `subscription($c: ID, $from: DateTime!, $to: DateTime!) { calendarEventsChanged(calendarId: $c, from: $from, to: $to) { kind id node { id title calendarId } } }`, { c: calendarId, from, to });
    await readyPollers(1);
    const contactId = sim.store.listContacts(sim.locations[0]!.id)[0]!.id;
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const booked = await gql<{ appointmentCreate: { appointment: { id: string } | null; userErrors: unknown[] } }>(
      `mutation($input: AppointmentCreateInput!) { appointmentCreate(input: $input) { appointment { id } userErrors { code message } } }`,
      { input: { calendarId, contactId, startTime: start.toISOString(), title: 'Streamed', ignoreFreeSlotValidation: true } },
    );
    expect(booked.appointmentCreate.userErrors).toEqual([]);
    const [event] = await sub.received.waitFor(1);
    expect(event.calendarEventsChanged).toMatchObject({ kind: 'CREATED', id: booked.appointmentCreate.appointment!.id, node: { title: 'Streamed', calendarId } });
    sub.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
  });

  it("streams a conversation's message status changes (no webhook: by polling)", async () => {
    const { conversations } = await gql<{ conversations: { nodes: { id: string; messages: { nodes: { id: string; status: string | null }[] } }[] } }>(
      `{ conversations(first: 5) { nodes { id messages(first: 1) { nodes { id status } } } } }`,
    );
    const conv = conversations.nodes.find((c) => c.messages.nodes.length > 0)!;
    const msg = conv.messages.nodes[0]!;
    const client = wsClient(url);
    const sub = wsSubscribe(client, `subscription($c: ID!) { conversationMessagesChanged(conversationId: $c) { kind id source changedFields node { id status } } }`, { c: conv.id });
    await readyPollers(1);
    const next = msg.status === 'READ' ? 'FAILED' : 'READ';
    await gql(`mutation($input: MessageStatusUpdateInput!) { messageStatusUpdate(input: $input) { userErrors { code message } } }`, {
      input: { messageId: msg.id, status: next, ...(next === 'FAILED' ? { error: { code: '1', type: 'saas', message: 'undeliverable' } } : {}) },
    });
    const [event] = await sub.received.waitFor(1);
    expect(event.conversationMessagesChanged).toMatchObject({ kind: 'UPDATED', id: msg.id, source: 'POLL', node: { status: next } });
    sub.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
  });

  it('streams users as they are added', async () => {
    const client = wsClient(url);
    const sub = wsSubscribe(client, `subscription { usersChanged { kind id node { id email } } }`);
    await readyPollers(1);
    const created = await gql<{ userCreate: { user: { id: string } | null; userErrors: unknown[] } }>(
      `mutation($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { code message field } } }`,
      { input: { firstName: 'Stream', lastName: 'User', email: 'stream.user@example.com', password: 'longenough1', type: 'ACCOUNT', role: 'USER', locationIds: [sim.locations[0]!.id] } },
    );
    expect(created.userCreate.userErrors).toEqual([]);
    const events = await sub.received.waitFor(1);
    expect(events.find((e) => e.usersChanged.id === created.userCreate.user!.id)?.usersChanged).toMatchObject({ kind: 'CREATED', node: { email: 'stream.user@example.com' } });
    sub.stop();
    await client.dispose();
    await until(() => app.pollers.list().length === 0);
  });

  it('disconnects a subscriber whose installation loses access, with the reason in the close event', async () => {
    const loc = sim.locations[1]!;
    const code = sim.oauth.authorize({ locationId: loc.id, userType: 'Location', redirectUri: 'http://127.0.0.1:4000/oauth/callback' });
    expect((await fetch(url.replace(/\/graphql$/, `/oauth/callback?code=${code}&state=${app.oauth!.states.issue()}`))).status).toBe(200);
    const client = wsClient(url, { 'x-location-id': loc.id });
    const sub = wsSubscribe(client, `subscription { contactsChanged { kind id } }`);
    await readyPollers(1);
    sim.oauth.revoke({ locationId: loc.id });
    sim.oauth.expireAccessTokens({ locationId: loc.id });
    await until(() => client.closes.length > 0 || sub.received.errors.length > 0);
    await until(() => client.closes.length > 0);
    expect(client.closes[0]).toMatchObject({ code: 4410 });
    expect(client.closes[0]!.reason).toMatch(/^REAUTH_REQUIRED: /);
    expect(JSON.stringify(sub.received.errors)).toContain('REAUTH_REQUIRED');
    await until(() => app.pollers.list().length === 0);
    await client.dispose();
  });
});

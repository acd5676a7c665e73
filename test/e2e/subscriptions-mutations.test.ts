import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { opportunitiesState } from '../../src/simulator/domains/opportunities-state.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { sseSubscribe, until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * Live by default: with the DEFAULT poll interval (60 s), a write through the gateway reaches
 * graphql-ws and SSE subscribers at once, before the poller has made any further call; and once
 * GHL's webhook for the same write and the next poll have both come in, it has still been
 * delivered exactly once.
 */
let sim: Simulator;
let app: App;
let url: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 40 }, rateLimit: { burstMax: 100_000 } });
  app = await buildApp(
    loadConfig({ LOG_LEVEL: 'silent', GHL_WEBHOOK_PUBLIC_KEY: sim.webhooks.publicKeys.rsa, GHL_WEBHOOK_ED25519_PUBLIC_KEY: sim.webhooks.publicKeys.ed25519 }),
    { simulator: sim },
  );
  url = await app.start(0);
  sim.webhooks.configure({ url: url.replace(/\/graphql$/, '/webhooks/ghl') });
});
afterAll(async () => {
  await app.stop();
  await sim.stop();
});

const loc = () => sim.locations[0]!;
const SUB = `subscription { contactsChanged { kind id source changedFields node { id firstName email } } }`;

async function mutate(query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}
const UPDATE = `mutation($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id } userErrors { message } } }`;
const CREATE = `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } userErrors { message } } }`;

describe('a mutation publishes its change at once', () => {
  it('reaches SSE and graphql-ws subscribers before any further poll, and exactly once after the webhook and the poll', async () => {
    expect(loadConfig({}).subscriptions.defaultIntervalMs).toBe(60_000);
    const client = wsClient(url);
    const ws = wsSubscribe(client, SUB);
    const sse = sseSubscribe(url, SUB);
    expect(await sse.opened).toBe(200);
    await until(() => app.pollers.list()[0]?.subscribers === 2 && app.pollers.list()[0]!.ready);
    const poller = app.pollers.list()[0]!;
    expect(poller.polls).toBe(1);

    // 1. An update: published by the mutation itself, while the poller has made no further call.
    const [target, sentinel] = sim.store.listContacts(loc().id).slice(5, 7);
    await mutate(UPDATE, { input: { id: target!.id, firstName: 'Instant' } });
    for (const received of [ws.received, sse.received]) {
      const [event] = await received.waitFor(1);
      expect(event.contactsChanged).toMatchObject({ kind: 'UPDATED', id: target!.id, source: 'MUTATION', node: { firstName: 'Instant' } });
      expect(event.contactsChanged.changedFields).toContain('firstName');
    }
    expect(poller.polls).toBe(1);

    // GHL's webhook for that write, then a poll: both already known.
    await sim.webhooks.flush();
    expect(sim.webhooks.deliveries.filter((d) => d.type === 'ContactUpdate')).toMatchObject([{ outcome: 'delivered', status: 200 }]);
    await poller.tick();
    expect(poller.polls).toBe(2);

    // 2. A creation: CREATED, naming only fields of the GraphQL Contact type.
    const created = (await mutate(CREATE, { input: { firstName: 'Fresh', email: 'fresh@example.com' } })).contactCreate.contact.id as string;
    for (const received of [ws.received, sse.received]) {
      const events = await received.waitFor(2);
      expect(events[1].contactsChanged).toMatchObject({ kind: 'CREATED', id: created, source: 'MUTATION', node: { firstName: 'Fresh', email: 'fresh@example.com' } });
      expect(events[1].contactsChanged.changedFields).toEqual(expect.arrayContaining(['email', 'firstName']));
      expect(events[1].contactsChanged.changedFields).not.toContain('emailLowerCase');
    }
    await sim.webhooks.flush();
    expect(sim.webhooks.deliveries.filter((d) => d.type === 'ContactCreate')).toMatchObject([{ outcome: 'delivered', status: 200 }]);
    await poller.tick();

    // 3. A last write as a marker: whatever the webhooks and polls published would be before it.
    await mutate(UPDATE, { input: { id: sentinel!.id, lastName: 'Marker' } });
    for (const received of [ws.received, sse.received]) {
      const events = await received.waitFor(3);
      expect(events.map((e) => [e.contactsChanged.id, e.contactsChanged.source])).toEqual([
        [target!.id, 'MUTATION'],
        [created, 'MUTATION'],
        [sentinel!.id, 'MUTATION'],
      ]);
      expect(received.errors).toEqual([]);
    }
    expect(poller.published).toBe(3);

    ws.stop();
    sse.stop();
    await client.dispose();
  });

  it.each([
    {
      name: 'a task',
      subscription: (ids: Ids) => `subscription { contactTasksChanged(contactId: "${ids.contactId}") { kind id source node { id title completed dueDate body assignedTo } changedFields } }`,
      mutation: (ids: Ids) => [`mutation($input: ContactTaskCreateInput!) { contactTaskCreate(input: $input) { task { id } userErrors { message } } }`, { input: { contactId: ids.contactId, title: 'Call back', dueDate: new Date(Date.now() + 3_600_000).toISOString() } }] as const,
      webhook: 'TaskCreate',
    },
    {
      name: 'a note',
      subscription: (ids: Ids) => `subscription { contactNotesChanged(contactId: "${ids.contactId}") { kind id source node { id body } } }`,
      mutation: (ids: Ids) => [`mutation($input: ContactNoteCreateInput!) { contactNoteCreate(input: $input) { note { id } userErrors { message } } }`, { input: { contactId: ids.contactId, body: 'Prefers mornings.' } }] as const,
      webhook: 'NoteCreate',
    },
    {
      name: 'an opportunity moving stage',
      subscription: () => `subscription { opportunitiesChanged { kind id source changedFields node { id stageId } } }`,
      mutation: (ids: Ids) => [`mutation($input: OpportunityStageUpdateInput!) { opportunityStageUpdate(input: $input) { opportunity { id } userErrors { message } } }`, { input: { id: ids.opportunityId, stageId: ids.nextStageId } }] as const,
      webhook: 'OpportunityStageUpdate',
      // GHL's `pipelineStageId` is the GraphQL field `stageId`.
      changedFields: ['stageId'],
    },
    {
      name: 'an appointment',
      subscription: (ids: Ids) => `subscription { calendarEventsChanged(calendarId: "${ids.calendarId}", from: "${ids.from}", to: "${ids.to}") { kind id source node { id title } } }`,
      mutation: (ids: Ids) => [`mutation($input: AppointmentCreateInput!) { appointmentCreate(input: $input) { appointment { id } userErrors { message } } }`, { input: { calendarId: ids.calendarId, contactId: ids.contactId, title: 'Demo', startTime: ids.start, ignoreFreeSlotValidation: true } }] as const,
      webhook: 'AppointmentCreate',
    },
  ] as { name: string; subscription: (ids: Ids) => string; mutation: (ids: Ids) => readonly [string, unknown]; webhook: string; changedFields?: string[] }[])(
    'publishes $name at once, and once only after its webhook and a poll',
    async ({ subscription, mutation, webhook, changedFields }) => {
    const ids = fixtureIds();
    const client = wsClient(url);
    const ws = wsSubscribe(client, subscription(ids));
    await until(() => app.pollers.list().some((p) => p.subscribers === 1 && p.ready));
    const poller = app.pollers.list().find((p) => p.subscribers === 1)!;
    const polls = poller.polls;

    const [query, variables] = mutation(ids);
    await mutate(query, variables as Record<string, unknown>);
    const [event] = await ws.received.waitFor(1);
    expect(Object.values(event)[0]).toMatchObject({ source: 'MUTATION' });
    if (changedFields) expect((Object.values(event)[0] as { changedFields: string[] }).changedFields).toEqual(expect.arrayContaining(changedFields));
    if (changedFields) expect((Object.values(event)[0] as { changedFields: string[] }).changedFields).not.toContain('pipelineStageId');
    expect(poller.polls).toBe(polls);

    await sim.webhooks.flush();
    expect(sim.webhooks.deliveries.filter((d) => d.type === webhook).at(-1)).toMatchObject({ outcome: 'delivered', status: 200 });
    await poller.tick();
    expect(poller.published).toBe(1);

    ws.stop();
    await client.dispose();
    await until(() => !app.pollers.list().includes(poller));
    },
  );
});

interface Ids {
  contactId: string;
  opportunityId: string;
  nextStageId: string;
  calendarId: string;
  from: string;
  to: string;
  start: string;
}

function fixtureIds(): Ids {
  const state = opportunitiesState(sim.store);
  const opportunity = state.listOf(loc().id).find((o) => o.status === 'open')!;
  const stages = state.getPipeline(opportunity.pipelineId)!.stages;
  const next = stages[(stages.findIndex((s) => s.id === opportunity.pipelineStageId) + 1) % stages.length]!;
  const hour = 3_600_000;
  const start = Math.ceil(Date.now() / hour) * hour + hour;
  return {
    contactId: sim.store.listContacts(loc().id)[9]!.id,
    opportunityId: opportunity.id,
    nextStageId: next.id,
    calendarId: sim.store.listCalendars(loc().id)[0]!.id,
    from: new Date(start - 2 * hour).toISOString(),
    to: new Date(start + 2 * hour).toISOString(),
    start: new Date(start).toISOString(),
  };
}

import { createVerify, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { loadSpecs } from '../../src/simulator/openapi.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { webhookEvents } from '../../src/simulator/webhooks/index.js';
import { opportunitiesState } from '../../src/simulator/domains/opportunities-state.js';
import { call, type CallOptions } from './helpers.js';

/** Signed webhook delivery: a real HTTP receiver on loopback, `flush()` instead of sleeping. */

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: any;
}

interface Receiver {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order; 200 once they run out. */
  answer(...statuses: number[]): void;
  bodies(): any[];
  types(): string[];
  reset(): void;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const queue: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) });
      res.writeHead(queue.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (...statuses) => void queue.push(...statuses),
    bodies: () => received.map((r) => r.body),
    types: () => received.map((r) => r.body.type as string),
    reset: () => {
      received.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const START = Date.UTC(2026, 0, 1, 12);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** apps/calendars.json declares its own Version. */
const CALENDARS: CallOptions = { version: '2021-04-15' };
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('webhooks', () => {
  let sim: Simulator;
  let rx: Receiver;
  const clock = new ManualClock(START);
  const loc = () => sim.locations[0]!;

  beforeAll(async () => {
    rx = await startReceiver();
    sim = await startSimulator({ clock, seed: { contactsPerLocation: 10 }, webhooks: { url: rx.url } });
  });
  afterAll(async () => {
    await sim?.stop();
    await rx?.close();
  });
  afterEach(async () => {
    await sim.webhooks.flush();
    sim.webhooks.configure({ url: rx.url, dropRate: 0, duplicateRate: 0, delayMs: 0 });
    sim.webhooks.clear();
    rx.reset();
  });

  /** A call, then every delivery it caused, finished. */
  const write = async (method: string, path: string, body?: unknown, opts: CallOptions = {}) => {
    const res = await call(sim, method, path, { ...opts, ...(body === undefined ? {} : { body }) });
    await sim.webhooks.flush();
    return res;
  };

  it('has a row only for spec operations, and none for reads', () => {
    const specs = loadSpecs();
    for (const key of Object.keys(webhookEvents)) {
      expect(specs.byKey.has(key), key).toBe(true);
      expect(key.startsWith('GET ')).toBe(false);
    }
  });

  it('contact create, update, tag add, dnd change and delete send the right events and payloads', async () => {
    const created = await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15550001111', tags: ['lead'] });
    expect(created.status).toBe(201);
    const id = created.body.contact.id as string;
    expect(rx.types()).toEqual(['ContactCreate']);
    const create = rx.bodies()[0];
    expect(create).toMatchObject({
      type: 'ContactCreate',
      locationId: loc().id,
      id,
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+15550001111',
      tags: ['lead'],
      dnd: false,
      dateAdded: new Date(START).toISOString(),
      customFields: [],
      attachments: [],
      timestamp: new Date(START).toISOString(),
    });
    expect(create.webhookId).toMatch(UUID);
    expect(Object.keys(create).slice(0, 3)).toEqual(['timestamp', 'webhookId', 'type']);

    rx.reset();
    await clock.advance(60_000);
    await write('PUT', `/contacts/${id}`, { lastName: 'King', tags: ['lead', 'vip'] });
    expect(rx.types()).toEqual(['ContactUpdate', 'ContactTagUpdate']);
    for (const b of rx.bodies()) expect(b).toMatchObject({ id, lastName: 'King', name: 'Ada King', tags: ['lead', 'vip'], timestamp: new Date(START + 60_000).toISOString() });

    rx.reset();
    await write('POST', `/contacts/${id}/tags`, { tags: ['customer'] });
    expect(rx.types()).toEqual(['ContactTagUpdate']);
    expect(rx.bodies()[0].tags).toEqual(['lead', 'vip', 'customer']);

    rx.reset();
    await write('POST', `/contacts/${id}/tags`, { tags: ['customer'] }); // already there: no change, no event
    await write('GET', `/contacts/${id}`); // a read: no event
    expect(rx.received).toHaveLength(0);

    await write('DELETE', `/contacts/${id}/tags`, { tags: ['lead'] });
    expect(rx.types()).toEqual(['ContactTagUpdate']);
    expect(rx.bodies()[0].tags).toEqual(['vip', 'customer']);

    rx.reset();
    await write('PUT', `/contacts/${id}`, { dnd: true, dndSettings: { SMS: { status: 'active', message: 'opted out', code: '101' } } });
    expect(rx.types()).toEqual(['ContactUpdate', 'ContactDndUpdate']);
    expect(rx.bodies()[1]).toMatchObject({ type: 'ContactDndUpdate', dnd: true, dndSettings: { SMS: { status: 'active' } } });
    expect(rx.bodies()[0]).not.toHaveProperty('dndSettings');

    rx.reset();
    await write('DELETE', `/contacts/${id}`);
    expect(rx.types()).toEqual(['ContactDelete']);
    expect(rx.bodies()[0]).toMatchObject({ type: 'ContactDelete', id, locationId: loc().id, firstName: 'Ada', lastName: 'King', dnd: true });

    const log = sim.webhooks.deliveries;
    expect(log.map((d) => d.type)).toEqual(['ContactCreate', 'ContactUpdate', 'ContactTagUpdate', 'ContactTagUpdate', 'ContactTagUpdate', 'ContactUpdate', 'ContactDndUpdate', 'ContactDelete']);
    expect(log.every((d) => d.outcome === 'delivered' && d.status === 200 && d.attempts === 1 && !d.duplicate && d.locationId === loc().id)).toBe(true);
    expect(new Set(log.map((d) => d.webhookId)).size).toBe(log.length);
    expect(log.map((d) => d.seq)).toEqual(log.map((_, i) => i + 1));
  });

  it('bulk tag updates send one ContactTagUpdate per changed contact', async () => {
    const [a, b] = sim.store.listContacts(loc().id);
    await write('POST', '/contacts/bulk/tags/update/add', { locationId: loc().id, contacts: [a!.id, b!.id, 'nosuchcontact0000000'], tags: ['bulk-tag'] });
    expect(rx.types()).toEqual(['ContactTagUpdate', 'ContactTagUpdate']);
    expect(rx.bodies().map((x) => x.id)).toEqual([a!.id, b!.id]);
    expect(rx.bodies().every((x) => x.tags.includes('bulk-tag'))).toBe(true);
  });

  it('tasks: create → TaskCreate, complete → TaskComplete, other updates → nothing, delete → TaskDelete', async () => {
    const contact = sim.store.listContacts(loc().id)[2]!;
    const created = await write('POST', `/contacts/${contact.id}/tasks`, { title: 'Call back', body: 'About the quote', dueDate: '2026-02-01T10:00:00Z', completed: false });
    const taskId = created.body.task.id as string;
    expect(rx.types()).toEqual(['TaskCreate']);
    expect(rx.bodies()[0]).toMatchObject({ type: 'TaskCreate', locationId: loc().id, id: taskId, contactId: contact.id, title: 'Call back', body: 'About the quote', dueDate: '2026-02-01T10:00:00.000Z', dateAdded: new Date(clock.now()).toISOString() });

    rx.reset();
    await write('PUT', `/contacts/${contact.id}/tasks/${taskId}`, { title: 'Call back soon' });
    expect(rx.received).toHaveLength(0);

    await write('PUT', `/contacts/${contact.id}/tasks/${taskId}/completed`, { completed: true });
    expect(rx.types()).toEqual(['TaskComplete']);
    expect(rx.bodies()[0]).toMatchObject({ type: 'TaskComplete', id: taskId, title: 'Call back soon', contactId: contact.id });

    rx.reset();
    await write('DELETE', `/contacts/${contact.id}/tasks/${taskId}`);
    expect(rx.types()).toEqual(['TaskDelete']);
    expect(rx.bodies()[0]).toMatchObject({ type: 'TaskDelete', id: taskId, title: 'Call back soon' });
  });

  it('notes: create, update and delete', async () => {
    const contact = sim.store.listContacts(loc().id)[3]!;
    const created = await write('POST', `/contacts/${contact.id}/notes`, { body: 'First words' });
    const noteId = created.body.note.id as string;
    await write('PUT', `/contacts/${contact.id}/notes/${noteId}`, { body: 'Second words' });
    await write('DELETE', `/contacts/${contact.id}/notes/${noteId}`);
    expect(rx.types()).toEqual(['NoteCreate', 'NoteUpdate', 'NoteDelete']);
    expect(rx.bodies().map((b) => b.body)).toEqual(['First words', 'Second words', 'Second words']);
    for (const b of rx.bodies()) expect(b).toMatchObject({ locationId: loc().id, id: noteId, contactId: contact.id });
  });

  it('appointments send nested payloads', async () => {
    const calendarId = sim.store.listCalendars(loc().id)[0]!.id;
    const contact = sim.store.listContacts(loc().id)[4]!;
    const booked = await write('POST', '/calendars/events/appointments', {
      calendarId,
      locationId: loc().id,
      contactId: contact.id,
      startTime: '2026-03-03T15:00:00Z',
      title: 'Walk-in',
      ignoreFreeSlotValidation: true,
    }, CALENDARS);
    expect(booked.status).toBeLessThan(300);
    const eventId = booked.body.id as string;
    await write('PUT', `/calendars/events/appointments/${eventId}`, { title: 'Moved', appointmentStatus: 'showed' }, CALENDARS);
    await write('DELETE', `/calendars/events/${eventId}`, {}, CALENDARS);
    expect(rx.types()).toEqual(['AppointmentCreate', 'AppointmentUpdate', 'AppointmentDelete']);
    const [create, update, del] = rx.bodies();
    expect(create).toMatchObject({ type: 'AppointmentCreate', locationId: loc().id, appointment: { id: eventId, calendarId, contactId: contact.id, title: 'Walk-in', startTime: '2026-03-03T15:00:00.000Z' } });
    expect(create).not.toHaveProperty('id');
    expect(update.appointment).toMatchObject({ id: eventId, title: 'Moved', appointmentStatus: 'showed' });
    expect(del.appointment).toMatchObject({ id: eventId, title: 'Moved' });
  });

  it('opportunities: create, field updates, status and delete', async () => {
    const pipeline = opportunitiesState(sim.store).pipelinesOf(loc().id)[0]!;
    const contact = sim.store.createContact(loc().id, { firstName: 'Deal', lastName: 'Maker' });
    const created = await write('POST', '/opportunities/', { locationId: loc().id, pipelineId: pipeline.id, pipelineStageId: pipeline.stages[0]!.id, name: 'Big deal', status: 'open', contactId: contact.id, monetaryValue: 100 });
    expect(created.status).toBe(201);
    const id = created.body.opportunity.id as string;
    expect(rx.types()).toEqual(['OpportunityCreate']);
    expect(rx.bodies()[0]).toMatchObject({ type: 'OpportunityCreate', locationId: loc().id, id, contactId: contact.id, name: 'Big deal', monetaryValue: 100, pipelineId: pipeline.id, pipelineStageId: pipeline.stages[0]!.id, status: 'open' });

    rx.reset();
    await write('PUT', `/opportunities/${id}`, { pipelineStageId: pipeline.stages[1]!.id, monetaryValue: 250 });
    expect(rx.types()).toEqual(['OpportunityUpdate', 'OpportunityStageUpdate', 'OpportunityMonetaryValueUpdate']);
    expect(rx.bodies()[2]).toMatchObject({ monetaryValue: 250, pipelineStageId: pipeline.stages[1]!.id });

    rx.reset();
    await write('PUT', `/opportunities/${id}/status`, { status: 'won' });
    expect(rx.types()).toEqual(['OpportunityStatusUpdate']);
    expect(rx.bodies()[0]).toMatchObject({ id, status: 'won' });

    rx.reset();
    await write('DELETE', `/opportunities/${id}`);
    expect(rx.types()).toEqual(['OpportunityDelete']);
    expect(rx.bodies()[0]).toMatchObject({ id, status: 'won', monetaryValue: 250 });
  });

  it('associations and relations', async () => {
    const created = await write('POST', '/associations/', { locationId: loc().id, key: 'mentor_mentee', firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'contact', secondObjectLabel: 'Mentee' });
    expect(created.status).toBe(201);
    const associationId = created.body.id as string;
    const [a, b] = sim.store.listContacts(loc().id).slice(5, 7);
    const related = await write('POST', '/associations/relations', { locationId: loc().id, associationId, firstRecordId: a!.id, secondRecordId: b!.id });
    expect(related.status).toBe(201);
    await write('DELETE', `/associations/relations/${related.body.id as string}`, undefined, { query: { locationId: loc().id } });
    await write('PUT', `/associations/${associationId}`, { firstObjectLabel: 'Coach', secondObjectLabel: 'Trainee' });
    await write('DELETE', `/associations/${associationId}`);
    expect(rx.types()).toEqual(['AssociationCreate', 'RelationCreate', 'RelationDelete', 'AssociationUpdate', 'AssociationDelete']);
    const [ac, rc, rd, au, ad] = rx.bodies();
    expect(ac).toMatchObject({ id: associationId, key: 'mentor_mentee', firstObjectKey: 'contact', firstObjectLabel: 'Mentor', associationType: 'USER_DEFINED', locationId: loc().id });
    expect(rc).toMatchObject({ id: related.body.id, associationId, firstRecordId: a!.id, secondRecordId: b!.id, firstObjectKey: 'contact', secondObjectKey: 'contact', locationId: loc().id });
    expect(rd).toMatchObject({ id: related.body.id, associationId });
    expect(au).toMatchObject({ id: associationId, firstObjectLabel: 'Coach' });
    expect(ad).toMatchObject({ id: associationId, firstObjectLabel: 'Coach' });
  });

  it('contact upsert: ContactCreate when new, ContactUpdate (+ ContactTagUpdate) when it matches', async () => {
    const first = await write('POST', '/contacts/upsert', { locationId: loc().id, firstName: 'Upsy', email: 'upsy@example.com' });
    expect(first.body.new).toBe(true);
    await write('POST', '/contacts/upsert', { locationId: loc().id, lastName: 'Daisy', email: 'upsy@example.com', tags: ['flower'] });
    expect(rx.types()).toEqual(['ContactCreate', 'ContactUpdate', 'ContactTagUpdate']);
    expect(rx.bodies()[2]).toMatchObject({ id: first.body.contact.id, name: 'Upsy Daisy', tags: ['flower'] });
  });

  it('agency writes: LocationCreate and UserCreate', async () => {
    const made = await write('POST', '/locations/', { name: 'Hooked Sub-Account', companyId: loc().companyId, timezone: 'America/Chicago', prospectInfo: { firstName: 'Pat', lastName: 'Prospect', email: 'pat@example.com' } }, { token: sim.agency.accessToken });
    expect(made.status).toBe(200);
    expect(rx.bodies()).toMatchObject([{ type: 'LocationCreate', id: made.body.id, companyId: loc().companyId, name: 'Hooked Sub-Account', email: 'pat@example.com' }]);
    expect(sim.webhooks.deliveries[0]!.locationId).toBe(made.body.id);

    rx.reset();
    const user = await write('POST', '/users/', { companyId: loc().companyId, firstName: 'Hook', lastName: 'User', email: 'hook.user@example.com', password: 'correct-horse-battery', type: 'account', role: 'user', locationIds: [loc().id], permissions: { contactsEnabled: true } });
    expect(user.status).toBeLessThan(300);
    expect(rx.bodies()).toMatchObject([{ type: 'UserCreate', locationId: loc().id, id: user.body.id, firstName: 'Hook', lastName: 'User', email: 'hook.user@example.com', role: 'user', permissions: { contactsEnabled: true } }]);
  });

  it('signs the exact bytes: RSA-SHA256 in x-wh-signature, Ed25519 in x-ghl-signature; a modified body fails', async () => {
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Signed' });
    const [hit] = rx.received;
    const { rsa, ed25519 } = sim.webhooks.publicKeys;
    expect(rsa).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(ed25519).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(hit!.headers['content-type']).toBe('application/json');
    const rsaSig = Buffer.from(hit!.headers['x-wh-signature'] as string, 'base64');
    const edSig = Buffer.from(hit!.headers['x-ghl-signature'] as string, 'base64');
    expect(verify('sha256', hit!.raw, rsa, rsaSig)).toBe(true);
    expect(verify(null, hit!.raw, ed25519, edSig)).toBe(true);
    // GHL's documented check (createVerify over the JSON string) and the SDK's (re-serialized body) agree.
    expect(createVerify('SHA256').update(JSON.stringify(hit!.body)).verify(rsa, hit!.headers['x-wh-signature'] as string, 'base64')).toBe(true);

    const tampered = Buffer.from(hit!.raw.toString('utf8').replace('Signed', 'Forged'));
    expect(verify('sha256', tampered, rsa, rsaSig)).toBe(false);
    expect(verify(null, tampered, ed25519, edSig)).toBe(false);
    // The public keys never carry private material.
    expect(JSON.stringify(sim.webhooks)).not.toMatch(/PRIVATE/);
  });

  it('dropRate 1: nothing arrives, deliveries say dropped', async () => {
    sim.webhooks.configure({ dropRate: 1 });
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Dropped' });
    expect(rx.received).toHaveLength(0);
    expect(sim.webhooks.deliveries).toMatchObject([{ type: 'ContactCreate', outcome: 'dropped', status: null, attempts: 0 }]);
  });

  it('duplicateRate 1: the same bytes arrive twice with the same signatures', async () => {
    sim.webhooks.configure({ duplicateRate: 1 });
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Twice' });
    expect(rx.received).toHaveLength(2);
    const [one, two] = rx.received;
    expect(one!.raw.equals(two!.raw)).toBe(true);
    expect(one!.headers['x-wh-signature']).toBe(two!.headers['x-wh-signature']);
    expect(one!.headers['x-ghl-signature']).toBe(two!.headers['x-ghl-signature']);
    const [d1, d2] = sim.webhooks.deliveries;
    expect(d1).toMatchObject({ outcome: 'delivered', duplicate: false });
    expect(d2).toMatchObject({ outcome: 'delivered', duplicate: true, webhookId: d1!.webhookId });
  });

  it('delayMs waits on the simulator clock: nothing is sent until it is advanced', async () => {
    sim.webhooks.configure({ delayMs: 5_000 });
    const res = await call(sim, 'POST', '/contacts/', { body: { locationId: loc().id, firstName: 'Later' } });
    expect(res.status).toBe(201); // the API answer did not wait
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(rx.received).toHaveLength(0);
    expect(sim.webhooks.deliveries).toMatchObject([{ outcome: 'pending', status: null }]);
    await clock.advance(4_999);
    expect(rx.received).toHaveLength(0);
    await clock.advance(1);
    await sim.webhooks.flush();
    expect(rx.types()).toEqual(['ContactCreate']);
    expect(sim.webhooks.deliveries[0]).toMatchObject({ outcome: 'delivered', status: 200 });
    // The payload's timestamp is the time of the change, not of the delivery.
    expect(rx.bodies()[0].timestamp).toBe(new Date(clock.now() - 5_000).toISOString());
  });

  it('only a 429 is retried; other failures are final', async () => {
    rx.answer(500);
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Refused' });
    expect(rx.received).toHaveLength(1);
    expect(sim.webhooks.deliveries).toMatchObject([{ outcome: 'failed', status: 500, attempts: 1 }]);
  });

  it('gives up after four 429 answers (backoff on the simulator clock)', async () => {
    rx.answer(429, 429, 429, 429);
    await call(sim, 'POST', '/contacts/', { body: { locationId: loc().id, firstName: 'Throttled' } });
    // Each backoff timer exists only once the previous 429 came back: let I/O run, then move the clock.
    for (let i = 0; i < 1_000 && sim.webhooks.deliveries[0]!.outcome === 'pending'; i++) {
      await nextTurn();
      await clock.advance(250);
    }
    await sim.webhooks.flush();
    expect(rx.received).toHaveLength(4);
    expect(new Set(rx.received.map((r) => r.raw.toString())).size).toBe(1);
    expect(sim.webhooks.deliveries).toMatchObject([{ outcome: 'failed', status: 429, attempts: 4 }]);
  });

  it('serves the deliveries at GET /_sim/webhooks', async () => {
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Logged' });
    const res = await fetch(`${sim.baseUrl}/_sim/webhooks`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(sim.webhooks.deliveries)));
    expect((await fetch(`${sim.baseUrl}/_sim/webhooks`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.webhooks.deliveries).toHaveLength(0);
  });

  it('sends nothing without a url, and follows runtime configuration', async () => {
    sim.webhooks.configure({ url: null });
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Unheard' });
    expect(rx.received).toHaveLength(0);
    expect(sim.webhooks.deliveries).toHaveLength(0);
    expect(sim.webhooks.config.url).toBeUndefined();
    sim.webhooks.configure({ url: rx.url });
    await write('POST', '/contacts/', { locationId: loc().id, firstName: 'Heard' });
    expect(rx.types()).toEqual(['ContactCreate']);
    expect(() => sim.webhooks.configure({ dropRate: 2 })).toThrow(/dropRate/);
    expect(() => sim.webhooks.configure({ url: 'ftp://example.com' })).toThrow(/url/);
  });
});

describe('webhooks without a url at start', () => {
  it('sends nothing and records nothing', async () => {
    const rx = await startReceiver();
    const sim = await startSimulator({ seed: { contactsPerLocation: 5 } });
    try {
      await call(sim, 'POST', '/contacts/', { body: { locationId: sim.locations[0]!.id, firstName: 'Nobody' } });
      await sim.webhooks.flush();
      expect(rx.received).toHaveLength(0);
      expect(sim.webhooks.deliveries).toHaveLength(0);
    } finally {
      await sim.stop();
      await rx.close();
    }
  });
});

describe('webhook retries on 429', () => {
  it('retries after a 429 (backoff on the clock) and delivers the same bytes', async () => {
    const rx = await startReceiver();
    const sim = await startSimulator({ seed: { contactsPerLocation: 5 }, webhooks: { url: rx.url } });
    try {
      rx.answer(429);
      await call(sim, 'POST', '/contacts/', { body: { locationId: sim.locations[0]!.id, firstName: 'Retry' } });
      await sim.webhooks.flush();
      expect(rx.received).toHaveLength(2);
      expect(rx.received[0]!.raw.equals(rx.received[1]!.raw)).toBe(true);
      expect(sim.webhooks.deliveries).toMatchObject([{ type: 'ContactCreate', outcome: 'delivered', status: 200, attempts: 2, duplicate: false }]);
    } finally {
      await sim.stop();
      await rx.close();
    }
  });
});

describe('UNINSTALL', () => {
  let sim: Simulator;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
    sim = await startSimulator({ clock: new ManualClock(START), seed: { contactsPerLocation: 5 }, webhooks: { url: rx.url } });
  });
  afterAll(async () => {
    await sim?.stop();
    await rx?.close();
  });

  it('sends UNINSTALL after sim.oauth.uninstall, then no more events for that location', async () => {
    const [first, second] = sim.locations;
    sim.oauth.uninstall({ locationId: first!.id });
    await sim.webhooks.flush();
    expect(rx.bodies()).toEqual([{ timestamp: new Date(START).toISOString(), webhookId: expect.stringMatching(UUID), type: 'UNINSTALL', appId: sim.oauthApp.appId, locationId: first!.id }]);
    expect(sim.webhooks.deliveries).toMatchObject([{ type: 'UNINSTALL', locationId: first!.id, outcome: 'delivered' }]);

    // The private integration token still works, but the app no longer hears about the location.
    rx.reset();
    const res = await call(sim, 'POST', '/contacts/', { token: first!.token, body: { locationId: first!.id, firstName: 'Unheard' } });
    expect(res.status).toBe(201);
    await call(sim, 'POST', '/contacts/', { token: second!.token, body: { locationId: second!.id, firstName: 'Heard' } });
    await sim.webhooks.flush();
    expect(rx.bodies().map((b) => [b.type, b.locationId])).toEqual([['ContactCreate', second!.id]]);

    rx.reset();
    sim.oauth.uninstall({ companyId: sim.agency.companyId });
    await sim.webhooks.flush();
    expect(rx.bodies()).toMatchObject([{ type: 'UNINSTALL', appId: sim.oauthApp.appId, companyId: sim.agency.companyId }]);
    expect(rx.bodies()[0]).not.toHaveProperty('locationId');
  });
});

describe('webhook determinism', () => {
  it('two simulators with the same seed mint the same webhookIds', async () => {
    const rx = await startReceiver();
    const start = () => startSimulator({ clock: new ManualClock(START), seed: { contactsPerLocation: 5 }, webhooks: { url: rx.url, seed: 42 } });
    const [x, y] = await Promise.all([start(), start()]);
    try {
      for (const sim of [x, y]) {
        await call(sim, 'POST', '/contacts/', { body: { locationId: sim.locations[0]!.id, firstName: 'Same' } });
        await sim.webhooks.flush();
      }
      expect(x.webhooks.deliveries.map((d) => d.webhookId)).toEqual(y.webhooks.deliveries.map((d) => d.webhookId));
      expect(rx.received[0]!.raw.equals(rx.received[1]!.raw)).toBe(true);
      expect(x.webhooks.publicKeys.rsa).not.toBe(y.webhooks.publicKeys.rsa);
    } finally {
      await Promise.all([x.stop(), y.stop()]);
      await rx.close();
    }
  });
});

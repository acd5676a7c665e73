import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SeededLocation, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

let sim: Simulator;
/** The same simulator with `strictVersions`: each spec's own `Version` only. */
let strict: Simulator;
let a: SeededLocation;
let b: SeededLocation;
let contactA: string;
let contactB: string;

beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 40 } });
  strict = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 40 }, strictVersions: true });
  [a, b] = [sim.locations[0]!, sim.locations[1]!];
  contactA = sim.store.listContacts(a.id)[0]!.id;
  contactB = sim.store.listContacts(b.id)[0]!.id;
});
afterAll(async () => {
  await sim.stop();
  await strict.stop();
});

const expectUnprocessable = (body: any, ...messages: string[]) => {
  expect(body.statusCode).toBe(422);
  expect(body.error).toBe('Unprocessable Entity');
  expect(Array.isArray(body.message)).toBe(true);
  expect(body.message.every((m: unknown) => typeof m === 'string')).toBe(true);
  expect(body.message).toEqual(expect.arrayContaining(messages));
};

describe('422: requests that break the spec', () => {
  it('strict versions: refuses a missing Version header', async () => {
    const res = await call(strict, 'GET', `/contacts/${contactA}`, { version: null });
    expect(res.status).toBe(422);
    expectUnprocessable(res.body, 'Version header is required');
  });

  it('strict versions: refuses a Version outside the spec enum, even a published one', async () => {
    const res = await call(strict, 'GET', `/contacts/${contactA}`, { version: '2023-02-21' });
    expect(res.status).toBe(422);
    expectUnprocessable(res.body, 'Version header must be one of the following values: 2021-07-28');
    const calendars = await call(strict, 'GET', '/calendars/groups', { version: '2021-07-28', query: { locationId: a.id } });
    expectUnprocessable(calendars.body, 'Version header must be one of the following values: 2021-04-15');
  });

  it('refuses a body of the wrong types, one message per violation', async () => {
    const res = await call(sim, 'POST', `/contacts/${contactA}/tasks`, { body: { title: 123, completed: 'yes', dueDate: '2025-01-01' } });
    expect(res.status).toBe(422);
    expectUnprocessable(res.body, 'title must be a string', 'completed must be a boolean value');
    expect(res.body.message).toHaveLength(2);
  });

  it('refuses a missing required body field and a missing required query parameter', async () => {
    const task = await call(sim, 'POST', `/contacts/${contactA}/tasks`, { body: { title: 'x', completed: false } });
    expectUnprocessable(task.body, 'dueDate should not be empty');
    const list = await call(sim, 'GET', '/businesses/');
    expectUnprocessable(list.body, 'locationId should not be empty');
  });

  it('coerces query strings to the spec types and refuses what does not coerce', async () => {
    const good = await call(sim, 'GET', '/contacts/', { query: { locationId: a.id, limit: '3' } });
    expect(good.status).toBe(200);
    expect(good.body.contacts).toHaveLength(3);
    const bad = await call(sim, 'GET', '/contacts/', { query: { locationId: a.id, limit: 'many' } });
    expectUnprocessable(bad.body, 'limit must be a number conforming to the specified constraints');
  });

  it('checks the advanced-search body the simulator assumes', async () => {
    const res = await call(sim, 'POST', '/contacts/search', { body: { locationId: a.id, pageLimit: 501, bogus: 1, sort: [{ field: 'nope', direction: 'up' }] } });
    expect(res.status).toBe(422);
    expectUnprocessable(res.body, 'pageLimit must not be greater than 500', 'property bogus should not exist');
    const both = await call(sim, 'POST', '/contacts/search', { body: { locationId: a.id, page: 2, searchAfter: [1, 'x'] } });
    expectUnprocessable(both.body, 'page and searchAfter cannot be used together');
  });

  it('answers malformed JSON with a 400', async () => {
    const res = await fetch(`${sim.baseUrl}/contacts/${contactA}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, version: '2021-07-28', 'content-type': 'application/json' },
      body: '{"body": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});

describe('401: authentication and scopes', () => {
  const UNAUTHORIZED = { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' };

  it('refuses a request without a token', async () => {
    const res = await call(sim, 'GET', `/contacts/${contactA}`, { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it('refuses an unknown token, and authenticates before validating', async () => {
    const res = await call(sim, 'GET', `/contacts/${contactA}`, { token: 'pit-00000000-0000-4000-8000-000000000000', version: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED);
    expect(res.headers.get('x-ratelimit-remaining')).toBeNull();
  });

  it('still wants a token for the operations whose spec has no security block', async () => {
    const res = await call(sim, 'POST', '/contacts/bulk/business', { token: null, body: { locationId: a.id, ids: [], businessId: null } });
    expect(res.status).toBe(401);
  });

  it('refuses a write with the read-only token, with rate-limit headers', async () => {
    const res = await call(sim, 'POST', `/contacts/${contactA}/tags`, { token: a.readonlyToken, body: { tags: ['x'] } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' });
    expect(res.headers.get('x-ratelimit-max')).toBe('100');
  });

  it('lets the read-only token read contacts but not businesses', async () => {
    expect((await call(sim, 'GET', `/contacts/${contactA}`, { token: a.readonlyToken })).status).toBe(200);
    const biz = sim.store.listBusinesses(a.id)[0]!;
    expect((await call(sim, 'GET', `/businesses/${biz.id}`, { token: a.readonlyToken })).status).toBe(401);
  });
});

describe('403/404: location boundaries and unknown ids', () => {
  const FORBIDDEN = { statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' };

  it("refuses a contact of another location by id", async () => {
    const res = await call(sim, 'GET', `/contacts/${contactB}`, { token: a.token });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(FORBIDDEN);
  });

  it('refuses a locationId of another location in the query and in the body', async () => {
    const q = await call(sim, 'GET', '/businesses/', { token: a.token, query: { locationId: b.id } });
    expect(q.status).toBe(403);
    expect(q.body).toEqual(FORBIDDEN);
    const s = await call(sim, 'POST', '/contacts/search', { token: a.token, body: { locationId: b.id } });
    expect(s.status).toBe(403);
  });

  it('refuses sub-resources through a foreign contact and a foreign business', async () => {
    expect((await call(sim, 'GET', `/contacts/${contactB}/tasks`, { token: a.token })).status).toBe(403);
    const bizB = sim.store.listBusinesses(b.id)[0]!;
    expect((await call(sim, 'GET', `/businesses/${bizB.id}`, { token: a.token })).status).toBe(403);
  });

  it('answers unknown ids with a NestJS 404', async () => {
    const res = await call(sim, 'GET', '/contacts/doesNotExist00000000');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Contact not found', error: 'Not Found' });
    const task = await call(sim, 'GET', `/contacts/${contactA}/tasks/noSuchTask0000000000`);
    expect(task.body).toEqual({ statusCode: 404, message: 'Task not found', error: 'Not Found' });
  });

  it('answers unknown paths and methods like Express', async () => {
    const res = await call(sim, 'GET', '/nowhere/at/all');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Cannot GET /nowhere/at/all', error: 'Not Found' });
    const patch = await call(sim, 'PATCH', `/contacts/${contactA}`);
    expect(patch.body).toEqual({ statusCode: 404, message: `Cannot PATCH /contacts/${contactA}`, error: 'Not Found' });
  });

  it('answers 501 for spec operations outside the catalog that it does not implement', async () => {
    const res = await call(sim, 'GET', `/custom-fields/${contactA}`);
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({ statusCode: 501, error: 'Not Implemented' });
  });
});

describe('data behaviour', () => {
  it('bumps dateUpdated on writes, from the clock', async () => {
    const before = sim.store.getContact(contactA)!.dateUpdated;
    const res = await call(sim, 'PUT', `/contacts/${contactA}`, { body: { city: 'Gotham' } });
    expect(res.body.succeded).toBe(true);
    expect(res.body.contact.city).toBe('Gotham');
    expect(res.body.contact.dateUpdated > before).toBe(true);
  });

  it('sees a change made through the store, as if made in GHL', async () => {
    sim.store.updateContact(contactA, { firstName: 'Changed', lastName: 'Behind' });
    const res = await call(sim, 'GET', `/contacts/${contactA}`);
    expect(res.body.contact).toMatchObject({ firstName: 'Changed', name: 'Changed Behind', fullNameLowerCase: 'changed behind' });
  });

  it('refuses a duplicate email on create with the GHL 400', async () => {
    const existing = sim.store.listContacts(a.id).find((c) => c.email)!;
    const res = await call(sim, 'POST', '/contacts/', { body: { locationId: a.id, email: existing.email!.toUpperCase() } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'This location does not allow duplicated contacts.', meta: { contactId: existing.id, matchingField: 'email' } });
  });

  it('pages search with searchAfter without overlap, in a stable order', async () => {
    const seen: string[] = [];
    let after: (string | number)[] | undefined;
    for (;;) {
      const res = await call(sim, 'POST', '/contacts/search', { body: { locationId: a.id, pageLimit: 7, ...(after ? { searchAfter: after } : {}) } });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(sim.store.listContacts(a.id).length);
      if (res.body.contacts.length === 0) break;
      seen.push(...res.body.contacts.map((c: any) => c.id));
      after = res.body.contacts.at(-1).searchAfter;
    }
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen).toHaveLength(sim.store.listContacts(a.id).length);
    const dates = seen.map((id) => sim.store.getContact(id)!.dateAdded);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters and queries in search', async () => {
    const res = await call(sim, 'POST', '/contacts/search', { body: { locationId: a.id, pageLimit: 100, filters: [{ field: 'dnd', operator: 'eq', value: false }, { field: 'tags', operator: 'eq', value: 'VIP' }] } });
    expect(res.status).toBe(200);
    expect(res.body.contacts.length).toBeGreaterThan(0);
    expect(res.body.contacts.filter((c: { tags: string[] }) => !c.tags.includes('vip'))).toEqual([]);
    const none = await call(sim, 'POST', '/contacts/search', { body: { locationId: a.id, query: 'zz-no-such-contact-zz' } });
    expect(none.body).toEqual({ contacts: [], total: 0 });
  });

  it('filters search by date range and sorts by name', async () => {
    const all = sim.store.listContacts(a.id);
    const mid = [...all].map((c) => c.dateAdded).sort()[Math.floor(all.length / 2)]!;
    const res = await call(sim, 'POST', '/contacts/search', {
      body: { locationId: a.id, pageLimit: 500, filters: [{ field: 'dateAdded', operator: 'range', value: { gte: mid } }], sort: [{ field: 'firstNameLowerCase', direction: 'asc' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(all.filter((c) => c.dateAdded >= mid).length);
    const names = res.body.contacts.map((c: any) => c.firstNameLowerCase ?? '');
    expect([...names].sort()).toEqual(names);
    expect(res.body.contacts[0].searchAfter).toEqual([names[0], res.body.contacts[0].id]);
    const bad = await call(sim, 'POST', '/contacts/search', { body: { locationId: a.id, filters: [{ field: 'dateAdded', operator: 'range', value: 5 }] } });
    expectUnprocessable(bad.body, 'filters.0.value must be an object with gt, gte, lt and/or lte');
  });

  it('pages the deprecated GET /contacts/ with startAfterId/startAfter', async () => {
    const seen: string[] = [];
    let cursor: Record<string, string> = {};
    for (let i = 0; i < 20; i++) {
      const res = await call(sim, 'GET', '/contacts/', { query: { locationId: a.id, limit: 15, ...cursor } });
      expect(res.status).toBe(200);
      seen.push(...res.body.contacts.map((c: any) => c.id));
      if (!res.body.meta.nextPageUrl) break;
      cursor = { startAfterId: res.body.meta.startAfterId, startAfter: String(res.body.meta.startAfter) };
    }
    expect(seen).toHaveLength(sim.store.listContacts(a.id).length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('turns its own drifting response into a 500 with the violations', async () => {
    const id = sim.store.listContacts(a.id)[5]!.id;
    sim.store.updateContact(id, { dnd: 'sometimes' as unknown as boolean });
    const res = await call(sim, 'GET', `/contacts/${id}`);
    expect(res.status).toBe(500);
    expect(res.body.message).toContain('/contact/dnd must be boolean');
    sim.store.updateContact(id, { dnd: false });
  });
});

describe('Version as GHL accepts it (the default policy, ASSUMPTIONS.md C5)', () => {
  const PUBLISHED = ['2021-04-15', '2021-07-28', '2023-02-21', 'v3', 'legacy'];

  it('takes every published version on every route, whatever its spec enumerates', async () => {
    for (const version of PUBLISHED) {
      expect((await call(sim, 'GET', `/contacts/${contactA}`, { version })).status, version).toBe(200);
      expect((await call(sim, 'GET', '/calendars/groups', { version, query: { locationId: a.id } })).status, version).toBe(200);
    }
    const logged = sim.requests.filter((r) => r.status === 200 && (r.route === '/contacts/{contactId}' || r.route === '/calendars/groups')).map((r) => r.version);
    expect(new Set(logged)).toEqual(new Set(PUBLISHED));
  });

  it('answers a missing Version with a 401 that uses up no budget', async () => {
    const before = await call(sim, 'GET', `/contacts/${contactA}`);
    const res = await call(sim, 'GET', `/contacts/${contactA}`, { version: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'version header was not found.', error: 'Unauthorized' });
    expect(res.headers.get('x-ratelimit-remaining')).toBe(before.headers.get('x-ratelimit-remaining'));
  });

  it('answers an unknown Version with a 401', async () => {
    for (const version of ['2020-01-01', 'latest', '2021-07-28x']) {
      const res = await call(sim, 'GET', `/contacts/${contactA}`, { version });
      expect(res.body, version).toEqual({ statusCode: 401, message: 'version header is invalid', error: 'Unauthorized' });
    }
  });

  it('still checks the token first, and wants no Version where the spec declares none', async () => {
    const unknownToken = await call(sim, 'GET', `/contacts/${contactA}`, { token: 'pit-00000000-0000-4000-8000-000000000000', version: '1999-01-01' });
    expect(unknownToken.body).toEqual({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' });
    // GET /conversations/messages/email/{id} declares no Version: an unknown id is a 404, not a Version 401.
    const email = await call(sim, 'GET', '/conversations/messages/email/nosuchemail000000000', { version: null });
    expect(email.status).toBe(404);
  });

  it('reads key[]= query arrays as Express does (axios writes arrays that way)', async () => {
    const url = new URL(`${sim.baseUrl}/contacts/`);
    url.searchParams.append('locationId[]', a.id);
    const res = await fetch(url, { headers: { authorization: `Bearer ${a.token}`, version: '2021-07-28' } });
    expect(res.status).toBe(200);
    expect(sim.requests.at(-1)?.query).toEqual({ locationId: [a.id] });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const CREATE = `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id firstName email tags } userErrors { code field message } } }`;
const UPDATE = `mutation($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id firstName lastName } userErrors { code field message } } }`;
const READ = `query($id: ID!) { contact(id: $id) { id firstName lastName tags } }`;

type Payload = { contact: { id: string; firstName: string; lastName?: string; email?: string; tags: string[] } | null; userErrors: { code: string; field: string[] | null; message: string }[] };

describe('contact mutations', () => {
  it('creates a contact that the graph then reads back, and search sees it', async () => {
    const { contactCreate } = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada.lovelace@example.com', tags: ['vip'] } }));
    expect(contactCreate.userErrors).toEqual([]);
    expect(contactCreate.contact).toMatchObject({ firstName: 'Ada', email: 'ada.lovelace@example.com', tags: ['vip'] });
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /contacts/': 1 });
    const created = stack.simulator.requests.find((r) => r.route === '/contacts/');
    expect(created?.status).toBe(201);

    stack.resetLog();
    const found = expectNoErrors(await stack.execute<{ contacts: { nodes: { id: string }[] } }>(`{ contacts(first: 5, query: "ada.lovelace") { nodes { id } } }`));
    expect(found.contacts.nodes.map((n) => n.id)).toContain(contactCreate.contact!.id);
  });

  it('refuses bad input with field paths and calls nothing', async () => {
    const res = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { firstName: 'Bob', email: 'not-an-email', phone: '555' } }));
    expect(res.contactCreate.contact).toBeNull();
    expect(res.contactCreate.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID', field: ['input', 'email'] }),
      expect.objectContaining({ code: 'INVALID', field: ['input', 'phone'] }),
    ]);
    expect(stack.upstream()).toHaveLength(0);

    const empty = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { city: 'Paris' } }));
    expect(empty.contactCreate.userErrors[0]).toMatchObject({ code: 'REQUIRED' });
    expect(stack.upstream()).toHaveLength(0);
  });

  it('turns GHL\'s own refusal (a duplicate email) into a user error on the field', async () => {
    const email = 'dup.check@example.com';
    expectNoErrors(await stack.execute(CREATE, { input: { firstName: 'One', email } }));
    const second = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { firstName: 'Two', email } }));
    expect(second.contactCreate.contact).toBeNull();
    expect(second.contactCreate.userErrors).toHaveLength(1);
    expect(second.contactCreate.userErrors[0]!.code).toMatch(/TAKEN|REJECTED/);
    // A write is never retried blindly: exactly two creates reached GHL.
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /contacts/': 2 });
  });

  it('sees its own update at once: the write invalidates loaders and the TTL cache', async () => {
    const { contactCreate } = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { firstName: 'Grace' } }));
    const id = contactCreate.contact!.id;
    expectNoErrors(await stack.execute(READ, { id })); // now cached
    const { contactUpdate } = expectNoErrors(await stack.execute<{ contactUpdate: Payload }>(UPDATE, { input: { id, lastName: 'Hopper' } }));
    expect(contactUpdate).toMatchObject({ userErrors: [], contact: { id, lastName: 'Hopper' } });
    stack.resetLog();
    const after = expectNoErrors(await stack.execute<{ contact: { lastName: string } }>(READ, { id }));
    expect(after.contact.lastName).toBe('Hopper');
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /contacts/{contactId}': 1 });
  });

  it('adds tags and returns the contact as it now is', async () => {
    const { contactCreate } = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { firstName: 'Tag', tags: ['a'] } }));
    const id = contactCreate.contact!.id;
    const res = expectNoErrors(await stack.execute<{ contactTagsAdd: Payload }>(`mutation($input: ContactTagsAddInput!) { contactTagsAdd(input: $input) { contact { id tags } userErrors { code } } }`, { input: { id, tags: ['b', 'c'] } }));
    expect(res.contactTagsAdd.userErrors).toEqual([]);
    expect(new Set(res.contactTagsAdd.contact!.tags)).toEqual(new Set(['a', 'b', 'c']));
    expect(stack.simulator.store.getContact(id)?.tags).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });

  it('deletes a contact; reading it afterwards is NOT_FOUND, and deleting again is a user error', async () => {
    const { contactCreate } = expectNoErrors(await stack.execute<{ contactCreate: Payload }>(CREATE, { input: { firstName: 'Gone' } }));
    const id = contactCreate.contact!.id;
    expectNoErrors(await stack.execute(READ, { id }));
    const del = `mutation($input: ContactDeleteInput!) { contactDelete(input: $input) { deletedContactId userErrors { code field } } }`;
    expect(expectNoErrors(await stack.execute(del, { input: { id } }))).toEqual({ contactDelete: { deletedContactId: id, userErrors: [] } });
    const read = await stack.execute(READ, { id });
    expect(read.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(expectNoErrors(await stack.execute(del, { input: { id } }))).toEqual({ contactDelete: { deletedContactId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] } });
  });

  it('reports GHL\'s scope refusal of a passed-through read-only token as FORBIDDEN', async () => {
    const loc = stack.simulator.locations[0]!;
    const res = await stack.execute(CREATE, { input: { firstName: 'Nope' } }, { authorization: `Bearer ${loc.readonlyToken}`, 'x-location-id': loc.id });
    // A pass-through token's scopes are unknown to the gateway, so GHL decides; a held read-only grant is refused locally (scopes.test.ts).
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/** Businesses: the list (skip/limit behind a cursor), create → read → update → delete, and moving contacts between them. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const ERRORS = 'userErrors { code field message }';
type UserErrors = { code: string; field: string[] | null }[];
const calls = () => countByRoute(stack.upstream());
const store = () => stack.simulator.store;
const loc = () => stack.simulator.locations[0]!;

describe('businesses', () => {
  it('pages the list without overlap, to the end, in GHL\'s order', async () => {
    const LIST = `query($after: String) { businesses(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name } } }`;
    type Page = { businesses: { totalCount: number | null; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string }; nodes: { id: string }[] } };
    const expected = store()
      .listBusinesses(loc().id)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((b) => b.id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: Page = expectNoErrors(await stack.execute<Page>(LIST, { after }));
      expect(data.businesses.totalCount).toBeNull(); // GHL reports no total here
      expect(data.businesses.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...data.businesses.nodes.map((n) => n.id));
      pages++;
      if (!data.businesses.pageInfo.hasNextPage) break;
      after = data.businesses.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(calls()).toEqual({ 'GET /businesses/': pages });
  });

  it('creates, reads, updates and deletes a business; its contacts stay, without it', async () => {
    const created = expectNoErrors(
      await stack.execute<{ businessCreate: { business: { id: string; name: string; city: string }; userErrors: UserErrors } }>(
        `mutation($input: BusinessCreateInput!) { businessCreate(input: $input) { business { id name city } ${ERRORS} } }`,
        { input: { name: ' Contoso ', city: 'Springfield', email: 'hello@contoso.example.com' } },
      ),
    );
    expect(created.businessCreate).toMatchObject({ business: { name: 'Contoso', city: 'Springfield' }, userErrors: [] });
    const id = created.businessCreate.business.id;
    expect(calls()).toEqual({ 'POST /businesses/': 1 });
    expect(stack.upstream()[0]?.status).toBe(201);

    // Move two contacts in; Business.contacts shows them.
    const [c1, c2] = store().listContacts(loc().id).filter((c) => !c.businessId);
    stack.resetLog();
    const moved = expectNoErrors(
      await stack.execute<{ contactsBusinessUpdate: { updatedContactIds: string[]; business: { id: string }; contacts: { business: { id: string } }[]; userErrors: UserErrors } }>(
        `mutation($input: ContactsBusinessUpdateInput!) { contactsBusinessUpdate(input: $input) { updatedContactIds business { id } contacts { business { id } } ${ERRORS} } }`,
        { input: { contactIds: [c1!.id, c2!.id], businessId: id } },
      ),
    );
    expect(moved.contactsBusinessUpdate).toEqual({ updatedContactIds: [c1!.id, c2!.id], business: { id }, contacts: [{ business: { id } }, { business: { id } }], userErrors: [] });
    expect(store().getContact(c1!.id)?.businessId).toBe(id);
    expect(calls()['POST /contacts/bulk/business']).toBe(1);

    const members = expectNoErrors(await stack.execute<{ business: { contacts: { totalCount: number; nodes: { id: string }[] } } }>(`query($id: ID!) { business(id: $id) { contacts { totalCount nodes { id } } } }`, { id }));
    expect(new Set(members.business.contacts.nodes.map((n) => n.id))).toEqual(new Set([c1!.id, c2!.id]));

    stack.resetLog();
    const updated = expectNoErrors(
      await stack.execute<{ businessUpdate: { business: { name: string; phone: string } } }>(`mutation($input: BusinessUpdateInput!) { businessUpdate(input: $input) { business { name phone } ${ERRORS} } }`, {
        input: { id, phone: '+15550100000' },
      }),
    );
    expect(updated.businessUpdate).toEqual({ business: { name: 'Contoso', phone: '+15550100000' }, userErrors: [] });
    expect(expectNoErrors(await stack.execute(`query($id: ID!) { business(id: $id) { phone } }`, { id }))).toEqual({ business: { phone: '+15550100000' } });
    expect(calls()).toEqual({ 'PUT /businesses/{businessId}': 1, 'GET /businesses/{businessId}': 1 });

    // Out again, for one of them.
    const out = expectNoErrors(
      await stack.execute<{ contactsBusinessUpdate: { updatedContactIds: string[]; business: null } }>(
        `mutation($input: ContactsBusinessUpdateInput!) { contactsBusinessUpdate(input: $input) { updatedContactIds business { id } ${ERRORS} } }`,
        { input: { contactIds: [c2!.id], businessId: null } },
      ),
    );
    expect(out.contactsBusinessUpdate).toEqual({ updatedContactIds: [c2!.id], business: null, userErrors: [] });
    expect(store().getContact(c2!.id)?.businessId).toBeUndefined();

    // Read c1 (cached with its business), then delete the business: c1 no longer has one.
    expectNoErrors(await stack.execute(`query($id: ID!) { contact(id: $id) { business { id } } }`, { id: c1!.id }));
    const deleted = expectNoErrors(await stack.execute(`mutation($input: BusinessDeleteInput!) { businessDelete(input: $input) { deletedBusinessId ${ERRORS} } }`, { input: { id } }));
    expect(deleted).toEqual({ businessDelete: { deletedBusinessId: id, userErrors: [] } });
    expect(expectNoErrors(await stack.execute(`query($id: ID!) { contact(id: $id) { business { id } } }`, { id: c1!.id }))).toEqual({ contact: { business: null } });
    const gone = await stack.execute(`query($id: ID!) { business(id: $id) { id } }`, { id });
    expect(gone.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('checks input before any call, and reports an unknown business on businessId', async () => {
    const blank = expectNoErrors(
      await stack.execute<{ businessCreate: { userErrors: UserErrors } }>(`mutation($input: BusinessCreateInput!) { businessCreate(input: $input) { business { id } ${ERRORS} } }`, {
        input: { name: ' ', email: 'nope' },
      }),
    );
    expect(blank.businessCreate.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['BLANK', ['input', 'name']],
      ['INVALID', ['input', 'email']],
    ]);
    const none = expectNoErrors(
      await stack.execute<{ contactsBusinessUpdate: { userErrors: UserErrors } }>(`mutation($input: ContactsBusinessUpdateInput!) { contactsBusinessUpdate(input: $input) { ${ERRORS} } }`, {
        input: { contactIds: [], businessId: null },
      }),
    );
    expect(none.contactsBusinessUpdate.userErrors).toEqual([expect.objectContaining({ code: 'BLANK', field: ['input', 'contactIds'] })]);
    expect(stack.upstream()).toHaveLength(0);

    const contact = store().listContacts(loc().id)[0]!;
    const unknown = expectNoErrors(
      await stack.execute<{ contactsBusinessUpdate: { userErrors: UserErrors } }>(`mutation($input: ContactsBusinessUpdateInput!) { contactsBusinessUpdate(input: $input) { ${ERRORS} } }`, {
        input: { contactIds: [contact.id], businessId: '000000000000000000000000' },
      }),
    );
    expect(unknown.contactsBusinessUpdate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'businessId'] })]);
  });
});

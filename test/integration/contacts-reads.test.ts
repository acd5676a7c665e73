import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../src/simulator/store.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/**
 * Contact reads beyond get-by-id: typed search (filter, sort), the deprecated list, contacts of a
 * business, the duplicate check, and the connected fields (followers, Business.contacts) with
 * their upstream call counts.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const loc = () => stack.simulator.locations[0]!;
const seeded = (): ContactRecord[] => stack.simulator.store.listContacts(loc().id);
const calls = () => countByRoute(stack.upstream());
const newestFirst = (a: ContactRecord, b: ContactRecord) => b.dateAdded.localeCompare(a.dateAdded) || a.id.localeCompare(b.id);

type Page = { contacts: { totalCount: number | null; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; email: string | null; tags: string[] }[] } };

describe('typed contact search', () => {
  const SEARCH = `query($after: String, $filter: ContactFilterInput, $sort: [ContactSortInput!]) {
    contacts(first: 10, after: $after, filter: $filter, sort: $sort) { totalCount pageInfo { hasNextPage endCursor } nodes { id email tags } }
  }`;

  it('filters by tag and sorts by email, paging without overlap in exactly that order', async () => {
    const expected = seeded()
      .filter((c) => c.tags.includes('vip') && c.email)
      .sort((a, b) => a.email!.localeCompare(b.email!) || a.id.localeCompare(b.id));
    expect(expected.length).toBeGreaterThan(10); // two pages of 10 to walk
    const filter = { tags: ['vip'], hasEmail: true };
    const sort = { field: 'EMAIL', direction: 'ASC' };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 2; page++) {
      const data: Page = expectNoErrors(await stack.execute<Page>(SEARCH, { after, filter, sort }));
      expect(data.contacts.totalCount).toBe(expected.length);
      for (const n of data.contacts.nodes) expect(n.tags).toContain('vip');
      seen.push(...data.contacts.nodes.map((n) => n.id));
      after = data.contacts.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.slice(0, 20).map((c) => c.id));
    expect(calls()).toEqual({ 'POST /contacts/search': 2 });
  });

  it('filters by a date range and by owner', async () => {
    const owner = seeded().find((c) => c.assignedTo)!.assignedTo!;
    const from = '2024-01-01T00:00:00.000Z';
    const expected = seeded().filter((c) => c.assignedTo === owner && c.dateAdded >= from);
    const data = expectNoErrors(await stack.execute<Page>(SEARCH, { filter: { assignedTo: owner, dateAdded: { from } } }));
    expect(data.contacts.totalCount).toBe(expected.length);
    expect(new Set(data.contacts.nodes.map((n) => n.id))).toEqual(new Set(expected.sort(newestFirst).slice(0, 10).map((c) => c.id)));
  });

  it('refuses contradictions and foreign cursors before calling GHL', async () => {
    const inverted = await stack.execute(SEARCH, { filter: { dateAdded: { from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' } } });
    expect(inverted.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const tooManyKeys = await stack.execute(SEARCH, { sort: [{ field: 'EMAIL' }, { field: 'DATE_ADDED' }, { field: 'FIRST_NAME' }, { field: 'LAST_NAME' }] });
    expect(tooManyKeys.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const blankTag = await stack.execute(SEARCH, { filter: { tags: ['  '] } });
    expect(blankTag.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toHaveLength(0);

    // A cursor of one filter cannot continue another list.
    const first = expectNoErrors(await stack.execute<Page>(SEARCH, { filter: { tags: ['vip'] } }));
    stack.resetLog();
    const mixed = await stack.execute(SEARCH, { after: first.contacts.pageInfo.endCursor, filter: { tags: ['lead'] } });
    expect(mixed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe('the deprecated list and the duplicate check', () => {
  it('keeps GET /contacts/ reachable, marked deprecated with the replacement named', async () => {
    const intro = expectNoErrors(
      await stack.execute<{ __type: { fields: { name: string; isDeprecated: boolean; deprecationReason: string | null }[] } }>(
        `{ __type(name: "Query") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
      ),
    );
    const field = intro.__type.fields.find((f) => f.name === 'contactList');
    expect(field).toMatchObject({ isDeprecated: true });
    expect(field?.deprecationReason).toContain('`contacts`');
  });

  it('pages the deprecated list by its startAfter/startAfterId position, newest first, without overlap', async () => {
    const LIST = `query($after: String) { contactList(first: 15, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    type ListPage = { contactList: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } };
    const one = expectNoErrors(await stack.execute<ListPage>(LIST));
    const two = expectNoErrors(await stack.execute<ListPage>(LIST, { after: one.contactList.pageInfo.endCursor }));
    const expected = seeded().sort(newestFirst).slice(0, 30).map((c) => c.id);
    expect([...one.contactList.nodes, ...two.contactList.nodes].map((n) => n.id)).toEqual(expected);
    expect(one.contactList.totalCount).toBe(seeded().length);
    expect(two.contactList.pageInfo.hasNextPage).toBe(true);
    expect(calls()).toEqual({ 'GET /contacts/': 2 });
  });

  it('finds the duplicate of an email, answers null for a new one, and refuses an empty check', async () => {
    const existing = seeded().find((c) => c.email)!;
    const DUP = `query($email: String, $phone: String) { contactDuplicate(email: $email, phone: $phone) { id email } }`;
    const found = expectNoErrors(await stack.execute<{ contactDuplicate: { id: string } | null }>(DUP, { email: existing.email!.toUpperCase() }));
    expect(found.contactDuplicate?.id).toBe(existing.id);
    const none = expectNoErrors(await stack.execute<{ contactDuplicate: null }>(DUP, { email: 'nobody.here@example.com' }));
    expect(none.contactDuplicate).toBeNull();
    expect(calls()).toEqual({ 'GET /contacts/search/duplicate': 2 });

    stack.resetLog();
    const empty = await stack.execute(DUP, {});
    expect(empty.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const bad = await stack.execute(DUP, { email: 'not-an-email' });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe('contacts of a business', () => {
  const busiest = () => {
    const counts = new Map<string, number>();
    for (const c of seeded()) if (c.businessId) counts.set(c.businessId, (counts.get(c.businessId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]!;
  };

  it('pages a business\'s contacts with skip/limit behind the cursor, to the end, without overlap', async () => {
    const [businessId, count] = busiest();
    const BY = `query($id: ID!, $after: String) { contactsByBusiness(businessId: $id, first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    type ByPage = { contactsByBusiness: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: ByPage = expectNoErrors(await stack.execute<ByPage>(BY, { id: businessId, after }));
      expect(data.contactsByBusiness.totalCount).toBe(count);
      seen.push(...data.contactsByBusiness.nodes.map((n) => n.id));
      pages++;
      if (!data.contactsByBusiness.pageInfo.hasNextPage) break;
      after = data.contactsByBusiness.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(count);
    expect(seen).toEqual(seeded().filter((c) => c.businessId === businessId).sort(newestFirst).map((c) => c.id));
    expect(calls()).toEqual({ 'GET /contacts/business/{businessId}': pages });
  });

  it('follows Business.contacts from a page of businesses: one call per distinct business', async () => {
    const data = expectNoErrors(
      await stack.execute<{ businesses: { nodes: { id: string; contacts: { totalCount: number; nodes: { id: string }[] } }[] } }>(
        `{ businesses(first: 4) { nodes { id contacts(first: 3) { totalCount nodes { id } } } } }`,
      ),
    );
    const nodes = data.businesses.nodes;
    expect(nodes).toHaveLength(4);
    for (const b of nodes) expect(b.contacts.totalCount).toBe(seeded().filter((c) => c.businessId === b.id).length);
    expect(calls()).toEqual({ 'GET /businesses/': 1, 'GET /contacts/business/{businessId}': 4 });

    stack.resetLog();
    const [businessId] = busiest();
    await stack.execute(`query($id: ID!) { a: business(id: $id) { contacts(first: 2) { totalCount } } b: business(id: $id) { contacts(first: 2) { totalCount } } }`, { id: businessId });
    expect(calls()['GET /contacts/business/{businessId}'] ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('followers as connected fields', () => {
  it('reads follower ids from search results at no extra cost, and each follower user once', async () => {
    const data = expectNoErrors(
      await stack.execute<{ contacts: { nodes: { id: string; followerIds: string[]; followers: { id: string }[] }[] } }>(
        `{ contacts(first: 40) { nodes { id followerIds followers { id } } } }`,
      ),
    );
    const nodes = data.contacts.nodes;
    for (const n of nodes) {
      expect(n.followerIds).toEqual(stack.simulator.store.getContact(n.id)!.followers);
      expect(n.followers.map((u) => u.id)).toEqual(n.followerIds);
    }
    const distinct = new Set(nodes.flatMap((n) => n.followerIds));
    expect(distinct.size).toBeGreaterThan(0);
    expect(calls()).toEqual({ 'POST /contacts/search': 1, 'GET /users/{userId}': distinct.size });
  });

  it('fetches the follower ids of contacts read by id: one search per distinct contact', async () => {
    const [a, b] = seeded().filter((c) => c.followers.length > 0);
    const data = expectNoErrors(
      await stack.execute<Record<string, { followerIds: string[] }>>(
        `query($a: ID!, $b: ID!) { x: contact(id: $a) { followerIds } y: contact(id: $b) { followerIds } z: contact(id: $a) { followerIds } }`,
        { a: a!.id, b: b!.id },
      ),
    );
    expect(data['x']!.followerIds).toEqual(a!.followers);
    expect(data['y']!.followerIds).toEqual(b!.followers);
    expect(calls()['POST /contacts/search']).toBe(2);
  });
});

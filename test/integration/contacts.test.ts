import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

const CONTACT_GRAPH = /* GraphQL */ `
  query ContactGraph($first: Int, $after: String) {
    contacts(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor }
      nodes {
        id
        locationId
        name
        email
        business { id name }
        tasks { id title completed dueDate }
        notes { id body dateAdded }
        appointments { id title startTime appointmentStatus }
      }
    }
  }
`;

type GraphNode = {
  id: string;
  locationId: string;
  business: { id: string; name: string } | null;
  tasks: unknown[];
  notes: unknown[];
  appointments: unknown[];
};
type GraphData = {
  contacts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string }[];
    nodes: GraphNode[];
  };
};

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.stop();
});
beforeEach(() => stack.resetLog());

describe('the Contact graph', () => {
  it('loads 25 contacts with tasks, notes, appointments and business without N+1 fan-out', async () => {
    const data = expectNoErrors(await stack.execute<GraphData>(CONTACT_GRAPH, { first: 25 }));
    const nodes = data.contacts.nodes;
    expect(nodes).toHaveLength(25);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(25);

    const distinctBusinesses = new Set(nodes.flatMap((n) => (n.business ? [n.business.id] : [])));
    // The seed shares businesses between contacts, so this query proves the per-key dedupe.
    expect(distinctBusinesses.size).toBeGreaterThan(0);
    expect(distinctBusinesses.size).toBeLessThan(nodes.filter((n) => n.business).length);
    // Some contacts have tasks, notes and appointments; the seed is not empty where it matters.
    expect(nodes.some((n) => n.tasks.length > 0)).toBe(true);
    expect(nodes.some((n) => n.notes.length > 0)).toBe(true);
    expect(nodes.some((n) => n.appointments.length > 0)).toBe(true);

    const calls = countByRoute(stack.upstream());
    expect(calls).toEqual({
      'POST /contacts/search': 1,
      'GET /contacts/{contactId}/tasks': 25,
      'GET /contacts/{contactId}/notes': 25,
      'GET /contacts/{contactId}/appointments': 25,
      'GET /businesses/{businessId}': distinctBusinesses.size,
    });
    // Every call carried the Version header the spec requires and was accepted.
    expect(stack.upstream().every((r) => r.version === '2021-07-28' && r.status < 300)).toBe(true);
  });

  it('answers a repeat of the same query within the TTL from cache: 0 upstream calls', async () => {
    const first = expectNoErrors(await stack.execute<GraphData>(CONTACT_GRAPH, { first: 25 }));
    stack.resetLog();
    const repeat = await stack.execute<GraphData>(CONTACT_GRAPH, { first: 25 });
    expect(expectNoErrors(repeat)).toEqual(first);
    expect(stack.upstream()).toHaveLength(0);
    expect(repeat.extensions?.['cost']).toMatchObject({ upstreamCalls: 0 });
    expect(repeat.extensions?.['cost'].cacheHits).toBeGreaterThan(75);
  });

  it('reports the upstream cost of a query in extensions', async () => {
    const res = await stack.execute(`query { contacts(first: 3, query: "zz-no-such-contact-zz") { totalCount } }`);
    expect(expectNoErrors(res)).toEqual({ contacts: { totalCount: 0 } });
    expect(res.extensions?.['cost']).toMatchObject({ upstreamCalls: 1, cacheHits: 0 });
  });

  it('pages with opaque cursors that carry GHL search position, without overlap', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 3; page++) {
      const data: GraphData = expectNoErrors(
        await stack.execute<GraphData>(`query($after: String) { contacts(first: 10, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } nodes { id locationId business { id name } tasks { id } notes { id } appointments { id } } } }`, { after }),
      );
      total = data.contacts.totalCount;
      expect(data.contacts.pageInfo.hasPreviousPage).toBe(page > 0);
      expect(data.contacts.pageInfo.hasNextPage).toBe(true);
      for (const n of data.contacts.nodes) {
        expect(seen.has(n.id)).toBe(false);
        seen.add(n.id);
      }
      expect(data.contacts.pageInfo.endCursor).toBe(data.contacts.edges.at(-1)?.cursor);
      // Opaque: the cursor is not a bare GHL id or number.
      expect(data.contacts.pageInfo.endCursor).not.toMatch(/^[A-Za-z0-9]{20}$|^\d+$/);
      after = data.contacts.pageInfo.endCursor;
    }
    expect(seen.size).toBe(30);
    expect(total).toBeGreaterThan(30);
    const bodies = stack.upstream().filter((r) => r.route === '/contacts/search');
    expect(bodies).toHaveLength(3);
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT and makes no call', async () => {
    const res = await stack.execute(`query { contacts(first: 5, after: "not-a-cursor") { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toHaveLength(0);
  });

  it('refuses an out-of-range page size before calling GHL', async () => {
    const res = await stack.execute(`query { contacts(first: 1000) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toHaveLength(0);
  });

  it('loads one contact by GHL id, with the same fields', async () => {
    const list = expectNoErrors(await stack.execute<GraphData>(`{ contacts(first: 1) { nodes { id } } }`));
    const id = list.contacts.nodes[0]!.id;
    stack.resetLog();
    const data = expectNoErrors(await stack.execute<{ contact: { id: string; dateAdded: string } }>(`query($id: ID!) { contact(id: $id) { id dateAdded } }`, { id }));
    expect(data.contact.id).toBe(id);
    expect(data.contact.dateAdded).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('answers a missing contact with null and a NOT_FOUND error on that path, not a crash', async () => {
    const res = await stack.execute(`{ contact(id: "doesNotExist00000000") { id name } }`);
    expect(res.data).toEqual({ contact: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['contact'], extensions: { code: 'NOT_FOUND' } });
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /contacts/{contactId}': 1 });
  });

  it('dedupes the same contact asked for twice in one request', async () => {
    const list = expectNoErrors(await stack.execute<GraphData>(`{ contacts(first: 1, query: "a") { nodes { id } } }`));
    const id = list.contacts.nodes[0]!.id;
    // A fresh gateway cache would still dedupe; here the cache is warm from the search, so prove
    // the dedupe on a cold key instead: a missing id asked twice is fetched once.
    stack.resetLog();
    await stack.execute(`query($id: ID!) { a: contact(id: $id) { id } b: contact(id: $id) { id } c: contact(id: "missing0000000000000") { id } d: contact(id: "missing0000000000000") { id } }`, { id });
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /contacts/{contactId}': 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { expectNoErrors, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

/**
 * Tenancy under a randomized, parallel load, with the caches warm. Five credentials over three
 * locations: two API keys (held installations of A and B), A's own token passed through, C's
 * token passed through, and B's read-only token passed through. 2,000 mixed queries and
 * mutations, many naming ids of other locations. Every response is checked against what its
 * credential may see: no record of another location may appear in it.
 */
const OPS = 2_000;
const CONCURRENCY = 48;

type Location = Simulator['locations'][number];
interface Caller {
  name: string;
  location: string;
  headers: Record<string, string>;
  readonly: boolean;
}

const LIST = `query($first: Int) { contacts(first: $first) { nodes { id locationId tasks { id } } } }`;
const ONE = `query($id: ID!) { contact(id: $id) { id locationId notes { id } } }`;
const CREATE = `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id locationId } userErrors { message } } }`;
const UPDATE = `mutation($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id locationId firstName } userErrors { message } } }`;

/** A small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let stack: Stack;
let callers: Caller[];
/** Contact id → its location, for every contact the test knows of. */
const owner = new Map<string, string>();

beforeAll(async () => {
  stack = await startStack({
    simulator: { seed: { locations: 3, contactsPerLocation: 40 } },
    env: (sim) => ({ GATEWAY_API_KEYS: `key-a=${sim.locations[0]!.id},key-b=${sim.locations[1]!.id}`, GATEWAY_PASSTHROUGH: 'on' }),
  });
  const [a, b, c] = stack.simulator.locations as [Location, Location, Location];
  callers = [
    { name: 'key A', location: a.id, headers: { authorization: 'Bearer key-a' }, readonly: false },
    { name: 'key B', location: b.id, headers: { authorization: 'Bearer key-b' }, readonly: false },
    { name: 'token A', location: a.id, headers: { authorization: `Bearer ${a.token}`, 'x-location-id': a.id }, readonly: false },
    { name: 'token C', location: c.id, headers: { authorization: `Bearer ${c.token}`, 'x-location-id': c.id }, readonly: false },
    { name: 'read-only B', location: b.id, headers: { authorization: `Bearer ${b.readonlyToken}`, 'x-location-id': b.id }, readonly: true },
  ];
  // Warm every credential's caches, and learn which contact belongs where.
  for (const caller of callers) {
    const data = expectNoErrors(await stack.execute<{ contacts: { nodes: { id: string; locationId: string }[] } }>(LIST, { first: 40 }, caller.headers));
    for (const n of data.contacts.nodes) owner.set(n.id, n.locationId);
    for (const n of data.contacts.nodes.slice(0, 10)) expectNoErrors(await stack.execute(ONE, { id: n.id }, caller.headers));
  }
});
afterAll(() => stack.stop());

/** Every record of another location in a response: by `locationId`, or by a known id. */
function crossTenantItems(value: unknown, location: string, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) crossTenantItems(v, location, found);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'locationId' && typeof v === 'string' && v !== location) found.push(`locationId ${v}`);
      else crossTenantItems(v, location, found);
    }
  } else if (typeof value === 'string') {
    const of = owner.get(value);
    if (of && of !== location) found.push(`record ${value} of ${of}`);
  }
  return found;
}

describe('randomized multi-tenant load', () => {
  it('2,000 mixed queries and mutations from 5 credentials over 3 locations leak 0 cross-tenant items', async () => {
    const random = prng(20_261_206);
    const ids = [...owner.keys()];
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const plan = Array.from({ length: OPS }, (_, i) => {
      const caller = pick(callers);
      const roll = random();
      const id = pick(ids);
      if (roll < 0.35) return { caller, kind: 'list', query: LIST, variables: { first: 1 + Math.floor(random() * 25) } };
      if (roll < 0.75) return { caller, kind: 'one', id, query: ONE, variables: { id } };
      if (roll < 0.85) return { caller, kind: 'create', query: CREATE, variables: { input: { firstName: `Load${i}`, email: `load-${i}@example.com` } } };
      return { caller, kind: 'update', id, query: UPDATE, variables: { input: { id, firstName: `Upd${i}` } } };
    });

    stack.resetLog();
    const results: { op: (typeof plan)[number]; res: GraphQLResponse }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < plan.length) {
          const op = plan[next++]!;
          results.push({ op, res: await stack.execute(op.query, op.variables, op.caller.headers) });
        }
      }),
    );
    expect(results).toHaveLength(OPS);

    const leaks = results.flatMap(({ op, res }) => crossTenantItems(res, op.caller.location).map((item) => `${op.caller.name} ${op.kind}: ${item}`));
    expect(leaks).toEqual([]);

    // Not vacuous: own records were served, and every foreign id was refused.
    const foreign = results.filter(({ op }) => 'id' in op && owner.get(op.id!) !== op.caller.location);
    const own = results.filter(({ op }) => op.kind === 'one' && owner.get(op.id!) === op.caller.location);
    expect(foreign.length).toBeGreaterThan(500);
    expect(own.length).toBeGreaterThan(100);
    expect(own.every(({ res }) => (res.data as { contact: { id: string } | null })?.contact !== null)).toBe(true);
    for (const { op, res } of foreign) {
      const payload = (res.data as Record<string, { contact?: unknown } | null> | null)?.[op.kind === 'one' ? 'contact' : 'contactUpdate'];
      const served = op.kind === 'one' ? payload : (payload as { contact?: unknown } | null)?.contact;
      expect(served ?? null).toBeNull();
    }
    // The read-only token never wrote, and no write reached a contact of another location.
    expect(results.filter(({ op, res }) => op.caller.readonly && (op.kind === 'create' || op.kind === 'update') && res.errors === undefined && (res.data as Record<string, { contact: unknown }>)?.[op.kind === 'create' ? 'contactCreate' : 'contactUpdate']?.contact)).toEqual([]);
    const writes = stack.upstream().filter((r) => r.method === 'PUT' && r.status === 200 && r.route === '/contacts/{contactId}');
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(owner.get(w.path.split('/').pop()!)).toBe(w.locationId);
  }, 180_000);
});

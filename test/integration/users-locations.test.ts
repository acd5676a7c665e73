import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { usersState } from '../../src/simulator/domains/users-state.js';
import { call } from '../simulator/helpers.js';
import { countByRoute, expectNoErrors, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';
import { WIDE_COST_CEILINGS } from '../helpers/cost.js';

let stack: Stack;
let locationId: string;
beforeAll(async () => {
  stack = await startStack({ env: WIDE_COST_CEILINGS });
  locationId = stack.simulator.locations[0]!.id;
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

type UserErrors = { code: string; field: string[] | null; message: string }[];
type UserNode = { id: string; name: string; email: string; role: string; type: string; locationIds: string[]; permissions: Record<string, boolean | null> };

const USER_FIELDS = 'id name email role type locationIds permissions { contactsEnabled invoiceEnabled assignedDataOnly }';
const CREATE = `mutation($input: UserCreateInput!) { userCreate(input: $input) { user { ${USER_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UserUpdateInput!) { userUpdate(input: $input) { user { ${USER_FIELDS} } userErrors { code field message } } }`;
const DELETE = `mutation($input: UserDeleteInput!) { userDelete(input: $input) { deletedUserId userErrors { code field message } } }`;
const READ = `query($id: ID!) { user(id: $id) { ${USER_FIELDS} locations { id name } } }`;
const PAGE = `query($after: String) { users(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`;

const locationUserIds = () => usersState(stack.simulator.store).ofCompany(stack.simulator.agency.companyId).filter((u) => !u.deleted && u.locationIds.includes(locationId)).map((u) => u.id);

describe('users', () => {
  it('creates a user, reads it back, updates it and deletes it, with each change visible through the graph', async () => {
    const created = expectNoErrors(
      await stack.execute<{ userCreate: { user: UserNode; userErrors: UserErrors } }>(CREATE, {
        input: { firstName: 'Ada', lastName: 'Byron', email: 'ada.byron@example.com', password: 'analytical-engine', phone: '+14155550111', permissions: { invoiceEnabled: false } },
      }),
    ).userCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.user).toMatchObject({ name: 'Ada Byron', role: 'USER', type: 'ACCOUNT', locationIds: [locationId], permissions: { invoiceEnabled: false, contactsEnabled: true } });
    const id = created.user.id;
    // The company id GHL requires came from the held agency credential: no extra read.
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /users/': 1 });
    expect(stack.upstream()[0]!.status).toBe(201);
    expect(stack.simulator.store.locations.get(locationId)!.userIds).toContain(id);

    stack.resetLog();
    const read = expectNoErrors(await stack.execute<{ user: UserNode & { locations: { id: string }[] } }>(READ, { id }));
    expect(read.user).toMatchObject({ id, email: 'ada.byron@example.com', locations: [{ id: locationId }] });
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /users/{userId}': 1, 'GET /locations/{locationId}': 1 });

    const updated = expectNoErrors(await stack.execute<{ userUpdate: { user: UserNode; userErrors: UserErrors } }>(UPDATE, { input: { id, lastName: 'Lovelace', role: 'ADMIN' } })).userUpdate;
    expect(updated).toMatchObject({ userErrors: [], user: { id, name: 'Ada Lovelace', role: 'ADMIN' } });
    stack.resetLog();
    // The update cleared the cached user: the next read goes to GHL and sees the change.
    expect(expectNoErrors(await stack.execute<{ user: UserNode }>(READ, { id })).user.name).toBe('Ada Lovelace');
    expect(countByRoute(stack.upstream())['GET /users/{userId}']).toBe(1);

    const deleted = expectNoErrors(await stack.execute<{ userDelete: { deletedUserId: string; userErrors: UserErrors } }>(DELETE, { input: { id } })).userDelete;
    expect(deleted).toEqual({ deletedUserId: id, userErrors: [] });
    expect(stack.simulator.store.locations.get(locationId)!.userIds).not.toContain(id);
    const gone = await stack.execute<{ user: unknown }>(READ, { id });
    expect(gone.data?.user).toBeNull();
    expect(gone.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const again = expectNoErrors(await stack.execute<{ userDelete: { deletedUserId: string | null; userErrors: UserErrors } }>(DELETE, { input: { id } })).userDelete;
    expect(again).toMatchObject({ deletedUserId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
  });

  it('refuses bad input with field paths and makes no upstream call', async () => {
    const res = expectNoErrors(
      await stack.execute<{ userCreate: { user: null; userErrors: UserErrors } }>(CREATE, {
        input: { firstName: ' ', lastName: 'X', email: 'not-an-email', password: 'short', phone: '555-0101', locationIds: [] },
      }),
    ).userCreate;
    expect(res.user).toBeNull();
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID', ['input', 'email']],
      ['BLANK', ['input', 'firstName']],
      ['INVALID', ['input', 'phone']],
      ['INVALID', ['input', 'password']],
      ['BLANK', ['input', 'locationIds']],
    ]);
    expect(JSON.stringify(res)).not.toContain('short');
    const update = expectNoErrors(await stack.execute<{ userUpdate: { userErrors: UserErrors } }>(UPDATE, { input: { id: 'whoever', phone: '12' } })).userUpdate;
    expect(update.userErrors.map((e) => e.field)).toEqual([['input', 'phone']]);
    expect(stack.upstream()).toHaveLength(0);
  });

  it("turns GHL's refusal of a duplicate email into a TAKEN user error on the field", async () => {
    const taken = usersState(stack.simulator.store).get(locationUserIds()[1]!)!.email;
    const res = expectNoErrors(await stack.execute<{ userCreate: { user: null; userErrors: UserErrors } }>(CREATE, { input: { firstName: 'Dup', lastName: 'Licate', email: taken, password: 'long-enough-password' } })).userCreate;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: ['input', 'email'] })]);
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /users/': 1 });
  });

  it('pages through the location users without overlap, one search call per page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string }[] } } = expectNoErrors(await stack.execute(PAGE, { after }));
      expect(page.users.totalCount).toBe(locationUserIds().length);
      seen.push(...page.users.nodes.map((n) => n.id));
      after = page.users.pageInfo.hasNextPage ? page.users.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(locationUserIds()));
    expect(pages).toBe(Math.ceil(locationUserIds().length / 2));
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /users/search': pages });
    // GHL got the company and the caller's location with every page.
    for (const r of stack.upstream()) expect(r.query).toMatchObject({ companyId: stack.simulator.agency.companyId, locationId, limit: '2' });
  });

  it('resolves assignedUser on 25 contacts with one call per distinct user, and none again within the TTL', async () => {
    const Q = `{ contacts(first: 25) { nodes { assignedTo assignedUser { id name } tasks { assignedTo assignedUser { id } } notes { userId user { id } } } } }`;
    type Row = { assignedTo: string | null; assignedUser: { id: string } | null; tasks: { assignedTo: string | null; assignedUser: { id: string } | null }[]; notes: { userId: string | null; user: { id: string } | null }[] };
    const data = expectNoErrors(await stack.execute<{ contacts: { nodes: Row[] } }>(Q));
    const refs = new Set<string>();
    for (const c of data.contacts.nodes) {
      expect(c.assignedUser?.id ?? null).toBe(c.assignedTo);
      if (c.assignedTo) refs.add(c.assignedTo);
      for (const t of c.tasks) {
        expect(t.assignedUser?.id ?? null).toBe(t.assignedTo);
        if (t.assignedTo) refs.add(t.assignedTo);
      }
      for (const n of c.notes) {
        expect(n.user?.id ?? null).toBe(n.userId);
        if (n.userId) refs.add(n.userId);
      }
    }
    expect(refs.size).toBeGreaterThan(1);
    expect(countByRoute(stack.upstream())['GET /users/{userId}']).toBe(refs.size);

    stack.resetLog();
    expectNoErrors(await stack.execute(Q));
    expect(countByRoute(stack.upstream())['GET /users/{userId}']).toBeUndefined();
  });

  it('still serves the deprecated location users list, flagged with its replacement', async () => {
    const res = expectNoErrors(await stack.execute<{ locationUsers: { totalCount: number; nodes: { id: string }[] } }>(`{ locationUsers(first: 100) { totalCount nodes { id } } }`));
    expect(new Set(res.locationUsers.nodes.map((n) => n.id))).toEqual(new Set(locationUserIds()));
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /users/': 1 });
    const intro = expectNoErrors(await stack.execute<{ __type: { fields: { name: string; deprecationReason: string | null }[] } }>(`{ __type(name: "Query") { fields(includeDeprecated: true) { name deprecationReason } } }`));
    expect(intro.__type.fields.find((f) => f.name === 'locationUsers')?.deprecationReason).toMatch(/`users`/);
  });
});

describe('locations and custom fields', () => {
  it("reads the caller's location and its custom field definitions", async () => {
    const Q = `{ currentLocation { id name companyId city timezone settings { allowDuplicateContact } customFields(model: CONTACT) { id name fieldKey dataType model options } } }`;
    const { currentLocation } = expectNoErrors(await stack.execute<{ currentLocation: { id: string; companyId: string; customFields: { model: string; dataType: string; options: string[] }[] } }>(Q));
    expect(currentLocation).toMatchObject({ id: locationId, companyId: stack.simulator.agency.companyId, settings: { allowDuplicateContact: false } });
    expect(currentLocation.customFields.length).toBeGreaterThan(2);
    expect(currentLocation.customFields.every((f) => f.model === 'CONTACT')).toBe(true);
    expect(currentLocation.customFields.find((f) => f.dataType === 'SINGLE_OPTIONS')?.options).toEqual(['Morning', 'Afternoon', 'Evening']);
    // The location itself is still cached from `User.locations` above (TTL 5 min); the definitions cost one call.
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /locations/{locationId}/customFields': 1 });

    // The root query pages the same cached definitions: no further call.
    stack.resetLog();
    const page = expectNoErrors(await stack.execute<{ customFields: { totalCount: number; nodes: { model: string }[] } }>(`{ customFields(model: OPPORTUNITY, first: 1) { totalCount nodes { model } } }`));
    expect(page.customFields.nodes).toEqual([{ model: 'OPPORTUNITY' }]);
    expect(page.customFields.totalCount).toBe(2);
    expect(stack.upstream()).toHaveLength(0);
  });

  it("resolves contacts' custom field values to their definitions with one extra call", async () => {
    // The second location: nothing of it is cached yet.
    const asSecond = { 'x-location-id': stack.simulator.locations[1]!.id };
    const Q = `{ contacts(first: 100) { nodes { customFields { id value field { id name fieldKey } } } } }`;
    const data = expectNoErrors(await stack.execute<{ contacts: { nodes: { customFields: { id: string; field: { id: string; name: string } | null }[] }[] } }>(Q, {}, asSecond));
    const values = data.contacts.nodes.flatMap((c) => c.customFields);
    expect(new Set(values.map((v) => v.id)).size).toBeGreaterThan(1);
    for (const v of values) expect(v.field?.id).toBe(v.id);
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /contacts/search': 1, 'GET /locations/{locationId}/customFields': 1 });
  });

  it('lists locations (with a location credential: its own) and refuses a location of another sub-account', async () => {
    const res = expectNoErrors(await stack.execute<{ locations: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(`{ locations(first: 5, order: DESC) { nodes { id } pageInfo { hasNextPage } } }`));
    expect(res.locations.nodes.map((n) => n.id)).toEqual([locationId]);
    expect(res.locations.pageInfo.hasNextPage).toBe(false);
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /locations/search': 1 });

    const other = await stack.execute<{ location: unknown }>(`query($id: ID!) { location(id: $id) { id } }`, { id: stack.simulator.locations[1]!.id });
    expect(other.data?.location).toBeNull();
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('agency-only operations', () => {
  it('reads the company and its snapshots, finds users by email and creates a location, with the agency credential', async () => {
    const adminEmail = usersState(stack.simulator.store).get(stack.simulator.store.companies.get(stack.simulator.agency.companyId)!.adminUserId)!.email;
    const data = expectNoErrors(
      await stack.execute<{ company: { id: string; locationCount: number }; snapshots: { nodes: { id: string; type: string }[] }; usersByEmail: { totalCount: number; nodes: { email: string; type: string }[] } }>(
        `query($emails: [String!]!) { company { id name locationCount } snapshots { nodes { id name type } } usersByEmail(emails: $emails) { totalCount nodes { email type } } }`,
        { emails: [adminEmail.toUpperCase(), 'nobody@example.com'] },
      ),
    );
    expect(data.company).toMatchObject({ id: stack.simulator.agency.companyId, locationCount: stack.simulator.locations.length });
    expect(data.snapshots.nodes.map((s) => s.type).sort()).toEqual(['IMPORTED', 'OWN', 'OWN']);
    expect(data.usersByEmail).toEqual({ totalCount: 1, nodes: [{ email: adminEmail, type: 'AGENCY' }] });
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /companies/{companyId}': 1, 'GET /snapshots/': 1, 'POST /users/search/filter-by-email': 1 });
    // These calls went out with the agency's token, not the location's.
    expect(stack.upstream().every((r) => r.locationId === null && r.tokenKind === 'oauth')).toBe(true);

    stack.resetLog();
    const snapshotId = data.snapshots.nodes[0]!.id;
    const created = expectNoErrors(
      await stack.execute<{ locationCreate: { location: { id: string; name: string; companyId: string; city: string }; userErrors: UserErrors } }>(
        `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id name companyId city } userErrors { code field message } } }`,
        { input: { name: 'Northwind Dental', city: 'Austin', country: 'US', phone: '+15125550100', snapshotId, prospect: { firstName: 'Nia', lastName: 'North', email: 'nia@example.com' } } },
      ),
    ).locationCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.location).toMatchObject({ name: 'Northwind Dental', companyId: stack.simulator.agency.companyId, city: 'Austin' });
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /locations/': 1 });
    // Searchable at once by the agency.
    const search = await call(stack.simulator, 'GET', '/locations/search', { token: stack.simulator.agency.accessToken, query: { limit: '100' } });
    expect(search.body.locations.map((l: { id: string }) => l.id)).toContain(created.location.id);

    stack.resetLog();
    const refused = expectNoErrors(await stack.execute<{ locationCreate: { userErrors: UserErrors } }>(`mutation { locationCreate(input: { name: " ", country: "usa" }) { location { id } userErrors { code field } } }`));
    expect(refused.locationCreate.userErrors).toEqual([
      { code: 'BLANK', field: ['input', 'name'] },
      { code: 'INVALID', field: ['input', 'country'] },
    ]);
    expect(stack.upstream()).toHaveLength(0);
  });

  describe('without an agency installation (live mode, a location private integration token only)', () => {
    let live: App;
    const run = async <T>(query: string): Promise<GraphQLResponse<T>> => {
      const res = await live.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query }) });
      return (await res.json()) as GraphQLResponse<T>;
    };
    beforeAll(async () => {
      const loc = stack.simulator.locations[0]!;
      live = await buildApp(loadConfig({ LOG_LEVEL: 'silent', GHL_MODE: 'live', GHL_BASE_URL: stack.simulator.baseUrl, GHL_LOCATION_ID: loc.id, GHL_PRIVATE_INTEGRATION_TOKEN: loc.token, GHL_RATE_BURST_MAX: '100000', GATEWAY_ALLOW_ANONYMOUS: 'on' }));
    });
    afterAll(() => live.stop());

    it('refuses each agency-only field with FORBIDDEN and calls nothing upstream', async () => {
      for (const query of [
        `{ company { id } }`,
        `{ snapshots { nodes { id } } }`,
        `{ usersByEmail(emails: ["a@example.com"]) { nodes { id } } }`,
        `mutation { locationCreate(input: { name: "Nope" }) { location { id } userErrors { code } } }`,
      ]) {
        const res = await run<Record<string, unknown>>(query);
        expect(res.errors?.[0]?.extensions?.['code'], query).toBe('FORBIDDEN');
        expect(res.errors?.[0]?.message).toMatch(/agency installation/);
      }
      expect(stack.upstream()).toHaveLength(0);
    });

    it('still serves user search, taking the company id from the location record', async () => {
      const res = await run<{ users: { totalCount: number } }>(`{ users(first: 1) { totalCount } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data?.users.totalCount).toBe(locationUserIds().length);
      expect(countByRoute(stack.upstream())).toEqual({ 'GET /locations/{locationId}': 1, 'GET /users/search': 1 });
    });
  });
});

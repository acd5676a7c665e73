import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { associationsState } from '../../src/simulator/domains/associations-state.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

type UserErrors = { code: string; field: string[] | null; message: string }[];

const CREATE_ASSOCIATION = `mutation($input: AssociationCreateInput!) { associationCreate(input: $input) { association { id key firstObjectKey firstObjectLabel secondObjectKey secondObjectLabel type } userErrors { code field message } } }`;
const CREATE_RELATION = `mutation($input: RelationCreateInput!) { relationCreate(input: $input) { relation { id associationId firstRecordId secondRecordId } userErrors { code field message } } }`;
const DELETE_RELATION = `mutation($input: RelationDeleteInput!) { relationDelete(input: $input) { deletedRelationId userErrors { code field message } } }`;
const DELETE_ASSOCIATION = `mutation($input: AssociationDeleteInput!) { associationDelete(input: $input) { deletedAssociationId userErrors { code field message } } }`;
const CONTACT_RELATIONS = `query($id: ID!) { contact(id: $id) { id relations { totalCount nodes { id association { key firstObjectLabel secondObjectLabel } otherRecord { __typename ... on Contact { id firstName } } } } } }`;

const location = () => stack.simulator.locations[0]!;
const state = () => associationsState(stack.simulator.store);
/** Seeded contacts with no relations yet, so a test owns every relation it sees. */
const unrelatedContacts = (n: number) => stack.simulator.store.listContacts(location().id).filter((c) => state().relationsOf(location().id, c.id).length === 0).slice(-n);

async function createAssociation(key: string) {
  const res = expectNoErrors(
    await stack.execute<{ associationCreate: { association: { id: string } | null; userErrors: UserErrors } }>(CREATE_ASSOCIATION, {
      input: { key, firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'contact', secondObjectLabel: 'Mentee' },
    }),
  );
  expect(res.associationCreate.userErrors).toEqual([]);
  return res.associationCreate.association!.id;
}

async function relate(associationId: string, firstRecordId: string, secondRecordId: string) {
  const res = expectNoErrors(await stack.execute<{ relationCreate: { relation: { id: string } | null; userErrors: UserErrors } }>(CREATE_RELATION, { input: { associationId, firstRecordId, secondRecordId } }));
  expect(res.relationCreate.userErrors).toEqual([]);
  return res.relationCreate.relation!.id;
}

describe('associations and relations', () => {
  it('creates an association, relates two contacts, follows contact → relations → other contact, then deletes both', async () => {
    const created = expectNoErrors(
      await stack.execute<{ associationCreate: { association: { id: string; key: string }; userErrors: UserErrors } }>(CREATE_ASSOCIATION, {
        input: { key: 'mentorship', firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'contact', secondObjectLabel: 'Mentee' },
      }),
    );
    expect(created.associationCreate).toEqual({
      association: { id: expect.any(String), key: 'mentorship', firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'contact', secondObjectLabel: 'Mentee', type: 'USER_DEFINED' },
      userErrors: [],
    });
    expect(stack.upstream().map((r) => [r.method, r.route, r.status])).toEqual([['POST', '/associations/', 201]]);
    const associationId = created.associationCreate.association.id;

    const [mentor, mentee] = unrelatedContacts(2);
    stack.resetLog();
    const relationId = await relate(associationId, mentor!.id, mentee!.id);
    expect(stack.upstream().map((r) => [r.method, r.route, r.status])).toEqual([['POST', '/associations/relations', 201]]);
    expect(state().relations.get(relationId)).toMatchObject({ associationId, firstRecordId: mentor!.id, secondRecordId: mentee!.id });

    stack.resetLog();
    const read = expectNoErrors(await stack.execute<{ contact: any }>(CONTACT_RELATIONS, { id: mentor!.id }));
    expect(read.contact.relations).toEqual({
      totalCount: 1,
      nodes: [{ id: relationId, association: { key: 'mentorship', firstObjectLabel: 'Mentor', secondObjectLabel: 'Mentee' }, otherRecord: { __typename: 'Contact', id: mentee!.id, firstName: mentee!.firstName ?? null } }],
    });
    expect(countByRoute(stack.upstream())).toEqual({
      'GET /contacts/{contactId}': 2, // the mentor, then the mentee through the contact loader
      'GET /associations/relations/{recordId}': 1,
      'GET /associations/{associationId}': 1,
    });
    // Seen from the other side, the mentor is the other record.
    const back = expectNoErrors(await stack.execute<{ contact: any }>(CONTACT_RELATIONS, { id: mentee!.id }));
    expect(back.contact.relations.nodes[0].otherRecord).toMatchObject({ id: mentor!.id });

    stack.resetLog();
    const removed = expectNoErrors(await stack.execute<{ relationDelete: unknown }>(DELETE_RELATION, { input: { id: relationId } }));
    expect(removed.relationDelete).toEqual({ deletedRelationId: relationId, userErrors: [] });
    const after = expectNoErrors(await stack.execute<{ contact: any }>(CONTACT_RELATIONS, { id: mentor!.id }));
    expect(after.contact.relations).toEqual({ totalCount: 0, nodes: [] });
    // The write invalidated the cached page: GHL was asked again, and an empty list is its 404 (ASSUMPTIONS.md AS1).
    expect(stack.upstream().map((r) => [r.method, r.route, r.status])).toEqual([
      ['DELETE', '/associations/relations/{relationId}', 200],
      ['GET', '/associations/relations/{recordId}', 404],
    ]);

    stack.resetLog();
    const gone = expectNoErrors(await stack.execute<{ associationDelete: unknown }>(DELETE_ASSOCIATION, { input: { id: associationId } }));
    expect(gone.associationDelete).toEqual({ deletedAssociationId: associationId, userErrors: [] });
    const missing = await stack.execute(`query($id: ID!) { association(id: $id) { id } }`, { id: associationId });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(stack.upstream().map((r) => [r.method, r.route, r.status])).toEqual([
      ['DELETE', '/associations/{associationId}', 200],
      ['GET', '/associations/{associationId}', 404],
    ]);
  });

  it('refuses bad input with field paths and calls nothing', async () => {
    const bad = expectNoErrors(
      await stack.execute<{ associationCreate: { association: null; userErrors: UserErrors } }>(CREATE_ASSOCIATION, {
        input: { key: 'Bad Key', firstObjectKey: 'opportunity', firstObjectLabel: ' ', secondObjectKey: 'contact', secondObjectLabel: 'Contact' },
      }),
    );
    expect(bad.associationCreate.association).toBeNull();
    expect(bad.associationCreate.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID', ['input', 'key']],
      ['INVALID', ['input', 'firstObjectKey']],
      ['BLANK', ['input', 'firstObjectLabel']],
    ]);
    const self = expectNoErrors(await stack.execute<{ relationCreate: { userErrors: UserErrors } }>(CREATE_RELATION, { input: { associationId: 'x', firstRecordId: 'same', secondRecordId: 'same' } }));
    expect(self.relationCreate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'secondRecordId'] })]);
    expect(stack.upstream()).toHaveLength(0);
  });

  it("turns GHL's refusals into user errors: a taken key, a duplicate relation, a system association", async () => {
    const associationId = await createAssociation('buddy');
    const again = expectNoErrors(
      await stack.execute<{ associationCreate: { userErrors: UserErrors } }>(CREATE_ASSOCIATION, {
        input: { key: 'buddy', firstObjectKey: 'contact', firstObjectLabel: 'A', secondObjectKey: 'contact', secondObjectLabel: 'B' },
      }),
    );
    expect(again.associationCreate.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: null })]);

    const [a, b] = unrelatedContacts(2);
    await relate(associationId, a!.id, b!.id);
    const dup = expectNoErrors(await stack.execute<{ relationCreate: { relation: null; userErrors: UserErrors } }>(CREATE_RELATION, { input: { associationId, firstRecordId: b!.id, secondRecordId: a!.id } }));
    expect(dup.relationCreate).toEqual({ relation: null, userErrors: [expect.objectContaining({ code: 'TAKEN', message: expect.stringContaining('duplicate relation') })] });

    const system = state().byKey(location().id, 'contact_business')!;
    const refused = expectNoErrors(await stack.execute<{ associationDelete: { deletedAssociationId: null; userErrors: UserErrors } }>(DELETE_ASSOCIATION, { input: { id: system.id } }));
    expect(refused.associationDelete).toEqual({ deletedAssociationId: null, userErrors: [expect.objectContaining({ code: 'REJECTED' })] });
    expect(state().associations.has(system.id)).toBe(true);
  });

  it('pages associations and relations without overlap', async () => {
    const all = state().listAssociations(location().id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = expectNoErrors(await stack.execute(`query($after: String) { associations(first: 2, after: $after) { totalCount edges { cursor node { id key type } } pageInfo { hasNextPage endCursor } } }`, { after }));
      expect(page.associations.totalCount).toBe(all.length);
      seen.push(...page.associations.edges.map((e: any) => e.node.id));
      after = page.associations.pageInfo.hasNextPage ? page.associations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.map((a) => a.id));
    expect(new Set(seen).size).toBe(seen.length);

    const associationId = await createAssociation('paging_pair');
    const [hub, ...spokes] = unrelatedContacts(4);
    for (const s of spokes) await relate(associationId, hub!.id, s.id);
    stack.resetLog();
    const first: any = expectNoErrors(await stack.execute(`query($id: ID!) { relations(recordId: $id, first: 2) { totalCount nodes { id secondRecordId } pageInfo { hasNextPage endCursor } } }`, { id: hub!.id }));
    const second: any = expectNoErrors(
      await stack.execute(`query($id: ID!, $after: String) { relations(recordId: $id, first: 2, after: $after) { nodes { id secondRecordId } pageInfo { hasNextPage } } }`, { id: hub!.id, after: first.relations.pageInfo.endCursor }),
    );
    expect(first.relations.totalCount).toBe(3);
    expect(first.relations.pageInfo.hasNextPage).toBe(true);
    expect(second.relations.pageInfo.hasNextPage).toBe(false);
    expect([...first.relations.nodes, ...second.relations.nodes].map((n: any) => n.secondRecordId)).toEqual(spokes.map((s) => s.id));
    // skip/limit reach GHL as the cursor says; one extra item tells whether a next page exists.
    expect(stack.upstream().map((r) => [r.query['skip'], r.query['limit']])).toEqual([['0', '3'], ['2', '3']]);
  });

  it('resolves connected records with one call per distinct key, not per row', async () => {
    const property = state().byKey(location().id, 'property_buyer')!;
    const byProperty = new Map<string, string[]>();
    for (const r of state().relations.values()) if (r.associationId === property.id) byProperty.set(r.firstRecordId, [...(byProperty.get(r.firstRecordId) ?? []), r.secondRecordId]);
    const [propertyId, buyers] = [...byProperty.entries()].sort((x, y) => y[1].length - x[1].length)[0]!;
    stack.resetLog();
    const res: any = expectNoErrors(
      await stack.execute(`query($id: ID!) { relations(recordId: $id) { nodes { association { key } firstRecord { __typename ... on ObjectRecord { objectKey id } } otherRecord { ... on Contact { id } } } } }`, { id: propertyId }),
    );
    expect(res.relations.nodes).toHaveLength(buyers.length);
    expect(res.relations.nodes.map((n: any) => n.otherRecord.id).sort()).toEqual([...buyers].sort());
    expect(res.relations.nodes.every((n: any) => n.association.key === 'property_buyer' && n.firstRecord.objectKey === 'custom_objects.property')).toBe(true);
    expect(countByRoute(stack.upstream())).toEqual({
      'GET /associations/relations/{recordId}': 1,
      'GET /associations/{associationId}': 1,
      'GET /contacts/{contactId}': new Set(buyers).size,
    });
  });

  it('reads associations by key and by object key, and renames a user-defined one', async () => {
    const associationId = await createAssociation('renamed_pair');
    stack.resetLog();
    const res: any = expectNoErrors(
      await stack.execute(`{ associationByKey(key: "renamed_pair") { id } associationsByObjectKey(objectKey: "custom_objects.property") { totalCount nodes { key } } }`),
    );
    expect(res.associationByKey.id).toBe(associationId);
    expect(res.associationsByObjectKey).toEqual({ totalCount: 1, nodes: [{ key: 'property_buyer' }] });
    const renamed: any = expectNoErrors(
      await stack.execute(`mutation($input: AssociationUpdateInput!) { associationUpdate(input: $input) { association { firstObjectLabel secondObjectLabel } userErrors { code } } }`, {
        input: { id: associationId, firstObjectLabel: 'Coach', secondObjectLabel: 'Player' },
      }),
    );
    expect(renamed.associationUpdate).toEqual({ association: { firstObjectLabel: 'Coach', secondObjectLabel: 'Player' }, userErrors: [] });
    const reread: any = expectNoErrors(await stack.execute(`query($id: ID!) { association(id: $id) { firstObjectLabel } }`, { id: associationId }));
    expect(reread.association.firstObjectLabel).toBe('Coach');
    expect(countByRoute(stack.upstream())).toEqual({
      'GET /associations/key/{key_name}': 1,
      'GET /associations/objectKey/{objectKey}': 1,
      'PUT /associations/{associationId}': 1,
      'GET /associations/{associationId}': 1,
    });
  });
});

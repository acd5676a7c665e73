import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Runs a mutation and fails on GraphQL errors or user errors; returns the payload. */
async function mutate(stack: Stack, field: string, inputType: string, selection: string, input: Record<string, unknown>): Promise<any> {
  const data: any = expectNoErrors(await stack.execute(`mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} userErrors { code field message } } }`, { input }));
  const payload = data[field];
  if (payload.userErrors.length) throw new Error(`${field} refused: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** Catalog coverage for associations: each case reaches its GHL operations through GraphQL. */
export const cases: CoverageCase[] = [
  {
    name: 'associations: create, read every way, relate two contacts, list the relations, rename, unrelate, delete',
    operations: [
      'POST /associations/',
      'GET /associations/',
      'GET /associations/{associationId}',
      'GET /associations/key/{key_name}',
      'GET /associations/objectKey/{objectKey}',
      'PUT /associations/{associationId}',
      'POST /associations/relations',
      'GET /associations/relations/{recordId}',
      'DELETE /associations/relations/{relationId}',
      'DELETE /associations/{associationId}',
    ],
    async run(stack) {
      const created = await mutate(stack, 'associationCreate', 'AssociationCreateInput', 'association { id }', {
        key: 'coverage_pair',
        firstObjectKey: 'contact',
        firstObjectLabel: 'Partner',
        secondObjectKey: 'contact',
        secondObjectLabel: 'Partner of',
      });
      const id = created.association.id as string;
      expectNoErrors(await stack.execute(`{ associations(first: 5) { nodes { id } } }`));
      expectNoErrors(await stack.execute(`query($id: ID!) { association(id: $id) { key } }`, { id }));
      expectNoErrors(await stack.execute(`{ associationByKey(key: "coverage_pair") { id } }`));
      expectNoErrors(await stack.execute(`{ associationsByObjectKey(objectKey: "contact") { nodes { id } } }`));
      await mutate(stack, 'associationUpdate', 'AssociationUpdateInput', 'association { id }', { id, firstObjectLabel: 'Partner A', secondObjectLabel: 'Partner B' });

      const [a, b] = stack.simulator.store.listContacts(stack.simulator.locations[0]!.id).slice(-2);
      const relation = await mutate(stack, 'relationCreate', 'RelationCreateInput', 'relation { id }', { associationId: id, firstRecordId: a!.id, secondRecordId: b!.id });
      const listed: any = expectNoErrors(await stack.execute(`query($id: ID!) { relations(recordId: $id) { nodes { id } } }`, { id: a!.id }));
      if (!listed.relations.nodes.some((n: any) => n.id === relation.relation.id)) throw new Error('the new relation is not listed');
      await mutate(stack, 'relationDelete', 'RelationDeleteInput', 'deletedRelationId', { id: relation.relation.id });
      await mutate(stack, 'associationDelete', 'AssociationDeleteInput', 'deletedAssociationId', { id });
    },
  },
];

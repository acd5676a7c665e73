import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Catalog coverage for opportunities: each case reaches its GHL operations through GraphQL. */

type UserErrors = { userErrors: unknown[] };

/** Runs a mutation and fails on GraphQL errors or user errors. */
async function mutate<T extends UserErrors>(stack: Stack, name: string, inputType: string, select: string, input: Record<string, unknown>): Promise<T> {
  const data = expectNoErrors(await stack.execute<Record<string, T>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`, { input }));
  const payload = data[name] as T;
  if (payload.userErrors.length) throw new Error(`${name} user errors: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** A fresh contact and the first pipeline with its stages: an opportunity for it meets no duplicate rule. */
async function setting(stack: Stack, tag: string): Promise<{ contactId: string; pipeline: { id: string; stages: { id: string }[] } }> {
  const contact = await mutate<UserErrors & { contact: { id: string } }>(stack, 'contactCreate', 'ContactCreateInput', 'contact { id }', { firstName: 'Coverage', lastName: tag });
  const data = expectNoErrors(await stack.execute<{ pipelines: { nodes: { id: string; stages: { id: string }[] }[] } }>(`{ pipelines { nodes { id stages { id } } } }`));
  return { contactId: contact.contact.id, pipeline: data.pipelines.nodes[0]! };
}

export const cases: CoverageCase[] = [
  {
    name: 'opportunities: list with pipelines, read one by id',
    operations: ['POST /opportunities/search', 'GET /opportunities/pipelines', 'GET /opportunities/{id}'],
    async run(stack) {
      const list = expectNoErrors(await stack.execute<{ opportunities: { nodes: { id: string }[] } }>(`{ opportunities(first: 3, filter: { status: OPEN }) { nodes { id pipeline { name } stage { name } } } }`));
      const id = list.opportunities.nodes[0]!.id;
      // The search primes only this request's loader, so the read by id below goes to GHL.
      expectNoErrors(await stack.execute(`query($id: ID!) { opportunity(id: $id) { id name } }`, { id }));
    },
  },
  {
    name: 'opportunities: create, update, move stage, status, delete',
    operations: ['POST /opportunities/', 'PUT /opportunities/{id}', 'PUT /opportunities/{id}/status', 'DELETE /opportunities/{id}'],
    async run(stack) {
      const { contactId, pipeline } = await setting(stack, 'lifecycle');
      const created = await mutate<UserErrors & { opportunity: { id: string } }>(stack, 'opportunityCreate', 'OpportunityCreateInput', 'opportunity { id }', { contactId, pipelineId: pipeline.id, name: 'Coverage deal', monetaryValue: 100 });
      const id = created.opportunity.id;
      await mutate(stack, 'opportunityUpdate', 'OpportunityUpdateInput', 'opportunity { id }', { id, name: 'Coverage deal (renamed)', monetaryValue: 250 });
      await mutate(stack, 'opportunityStageUpdate', 'OpportunityStageUpdateInput', 'opportunity { stage { id } }', { id, stageId: pipeline.stages[1]!.id });
      await mutate(stack, 'opportunityStatusUpdate', 'OpportunityStatusUpdateInput', 'opportunity { status }', { id, status: 'WON' });
      await mutate(stack, 'opportunityDelete', 'OpportunityDeleteInput', 'deletedOpportunityId', { id });
    },
  },
  {
    name: 'opportunities: upsert, followers add and remove',
    operations: ['POST /opportunities/upsert', 'POST /opportunities/{id}/followers', 'DELETE /opportunities/{id}/followers'],
    async run(stack) {
      const { contactId, pipeline } = await setting(stack, 'upsert');
      const upserted = await mutate<UserErrors & { opportunity: { id: string } }>(stack, 'opportunityUpsert', 'OpportunityUpsertInput', 'created opportunity { id }', { contactId, pipelineId: pipeline.id, name: 'Upserted deal' });
      const id = upserted.opportunity.id;
      const userId = stack.simulator.store.locations.get(stack.simulator.locations[0]!.id)!.userIds[0]!;
      await mutate(stack, 'opportunityFollowersAdd', 'OpportunityFollowersAddInput', 'followersAdded', { id, followers: [userId] });
      await mutate(stack, 'opportunityFollowersRemove', 'OpportunityFollowersRemoveInput', 'followersRemoved', { id, all: true });
    },
  },
];

import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/**
 * Catalog coverage for the "Workflows & Campaigns" category: workflows and enrolment in them, and
 * contact followers. Campaigns and the bulk business move are under contacts.ts.
 */

type UserErrors = { userErrors: unknown[] };

async function mutate<T extends UserErrors>(stack: Stack, name: string, inputType: string, select: string, input: Record<string, unknown>): Promise<T> {
  const data = expectNoErrors(await stack.execute<Record<string, T>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`, { input }));
  const payload = data[name] as T;
  if (payload.userErrors.length) throw new Error(`${name} user errors: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

async function freshContact(stack: Stack, tag: string): Promise<string> {
  const made = await mutate<UserErrors & { contact: { id: string } }>(stack, 'contactCreate', 'ContactCreateInput', 'contact { id }', { firstName: 'Coverage', lastName: tag });
  return made.contact.id;
}

export const cases: CoverageCase[] = [
  {
    name: 'workflows: list, add a contact, take it out',
    operations: ['GET /workflows/', 'POST /contacts/{contactId}/workflow/{workflowId}', 'DELETE /contacts/{contactId}/workflow/{workflowId}'],
    async run(stack) {
      const contactId = await freshContact(stack, 'workflows');
      const list = expectNoErrors(await stack.execute<{ workflows: { nodes: { id: string }[] } }>(`{ workflows(first: 10) { nodes { id name status } } }`));
      const workflowId = list.workflows.nodes[0]!.id;
      await mutate(stack, 'contactWorkflowAdd', 'ContactWorkflowAddInput', 'workflow { id }', { contactId, workflowId, eventStartTime: '2025-03-01T09:00:00Z' });
      await mutate(stack, 'contactWorkflowRemove', 'ContactWorkflowRemoveInput', 'contact { id }', { contactId, workflowId });
    },
  },
  {
    name: 'followers: add to a contact, remove',
    operations: ['POST /contacts/{contactId}/followers', 'DELETE /contacts/{contactId}/followers'],
    async run(stack) {
      const contactId = await freshContact(stack, 'followers');
      const userId = stack.simulator.store.locations.get(stack.simulator.locations[0]!.id)!.userIds[0]!;
      await mutate(stack, 'contactFollowersAdd', 'ContactFollowersAddInput', 'followerIds', { contactId, followerIds: [userId] });
      await mutate(stack, 'contactFollowersRemove', 'ContactFollowersRemoveInput', 'removedFollowerIds', { contactId, followerIds: [userId] });
    },
  },
];

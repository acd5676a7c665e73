import type { GraphQLContext } from '../../context.js';
import { addContactToWorkflow, removeContactFromWorkflow } from '../../ghl/endpoints/workflows.js';
import { builder } from '../builder.js';
import { CONTACT_LISTS, placeNotFound } from '../contacts/inputs.js';
import { Contact } from '../contacts/types.js';
import { runMutation, UserError, type UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { invalidateAfterWrite } from '../shared/invalidate.js';
import { Workflow } from './types.js';

/**
 * Adding a contact to a workflow and taking it out. GHL has no read of a contact's workflows, so
 * the payload offers the contact and the workflow, read only when selected.
 */

const membershipInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      contactId: t.id({ required: true, description: "GHL's contact id." }),
      workflowId: t.id({ required: true, description: "GHL's workflow id." }),
      eventStartTime: t.field({ type: 'DateTime', description: "The instant the workflow's timed steps count from; GHL's default is now." }),
    }),
  });

const ContactWorkflowAddInput = membershipInput('ContactWorkflowAddInput', 'A contact to add to a workflow.');
const ContactWorkflowRemoveInput = membershipInput('ContactWorkflowRemoveInput', 'A contact to take out of a workflow.');

interface Membership {
  contactId: string | null;
  workflowId: string | null;
  userErrors: UserErrorShape[];
}

const membershipPayload = (name: string, mutation: string) =>
  builder.objectRef<Membership>(name).implement({
    description: `Result of \`${mutation}\`.`,
    fields: (t) => ({
      contact: t.field({
        type: Contact,
        nullable: true,
        description: 'The contact (read only when selected); null when nothing changed.',
        resolve: (p, _args, ctx) => (p.contactId ? ctx.loaders.contact.load(p.contactId) : null),
      }),
      workflow: t.field({
        ...traced('The workflow (read only when selected); null when nothing changed.', 'GET /workflows/'),
        type: Workflow,
        nullable: true,
        resolve: async (p, _args, ctx) => (p.workflowId ? ((await ctx.loaders.workflowList.load()).find((w) => w.id === p.workflowId) ?? null) : null),
      }),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });

type Input = { contactId: string; workflowId: string; eventStartTime?: Date | null };

async function changeMembership(ctx: GraphQLContext, input: Input, change: typeof addContactToWorkflow): Promise<Membership> {
  const { result, userErrors } = await runMutation({
    checks: [],
    inputFields: ['eventStartTime'],
    notFoundField: ['input', 'contactId'],
    perform: async () => {
      await change(ctx.ghl, input.contactId, input.workflowId, input.eventStartTime?.toISOString());
      return true;
    },
  });
  if (!result) return { contactId: null, workflowId: null, userErrors: placeNotFound(userErrors, { Contact: 'contactId', Workflow: 'workflowId' }) };
  // GHL stamps the contact's dateUpdated on enrolment.
  await invalidateAfterWrite(ctx, { records: { contact: [input.contactId] }, lists: CONTACT_LISTS });
  return { contactId: input.contactId, workflowId: input.workflowId, userErrors };
}

builder.mutationFields((t) => ({
  contactWorkflowAdd: t.field({
    ...traced('Adds a contact to a workflow.', 'POST /contacts/{contactId}/workflow/{workflowId}'),
    type: membershipPayload('ContactWorkflowAddPayload', 'contactWorkflowAdd'),
    args: { input: t.arg({ type: ContactWorkflowAddInput, required: true, description: 'The contact and the workflow.' }) },
    resolve: (_root, { input }, ctx) => changeMembership(ctx, input, addContactToWorkflow),
  }),
  contactWorkflowRemove: t.field({
    ...traced('Takes a contact out of a workflow.', 'DELETE /contacts/{contactId}/workflow/{workflowId}'),
    type: membershipPayload('ContactWorkflowRemovePayload', 'contactWorkflowRemove'),
    args: { input: t.arg({ type: ContactWorkflowRemoveInput, required: true, description: 'The contact and the workflow.' }) },
    resolve: (_root, { input }, ctx) => changeMembership(ctx, input, removeContactFromWorkflow),
  }),
}));

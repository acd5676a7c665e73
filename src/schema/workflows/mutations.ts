import type { GraphQLContext } from '../../context.js';
import { addContactToWorkflow, type GhlWorkflow, removeContactFromWorkflow } from '../../ghl/endpoints/workflows.js';
import { builder } from '../builder.js';
import { changeMembership, type MembershipGroup, membershipPayload } from '../contacts/membership.js';
import { traced } from '../shared/ghl-operation.js';
import { Workflow } from './types.js';

/** Adding a contact to a workflow and taking it out: see contacts/membership.ts. */

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

const workflow: MembershipGroup<GhlWorkflow> = {
  field: 'workflow',
  type: Workflow,
  read: 'GET /workflows/',
  find: async (ctx, id) => (await ctx.loaders.workflowList.load()).find((w) => w.id === id) ?? null,
};

type Input = { contactId: string; workflowId: string; eventStartTime?: Date | null };

const inWorkflow = (ctx: GraphQLContext, input: Input, change: typeof addContactToWorkflow) =>
  changeMembership(ctx, {
    contactId: input.contactId,
    groupId: input.workflowId,
    groupField: 'workflowId',
    groupRecord: 'Workflow',
    inputFields: ['eventStartTime'],
    change: () => change(ctx.ghl, input.contactId, input.workflowId, input.eventStartTime?.toISOString()),
  });

builder.mutationFields((t) => ({
  contactWorkflowAdd: t.field({
    ...traced('Adds a contact to a workflow.', 'POST /contacts/{contactId}/workflow/{workflowId}'),
    type: membershipPayload('ContactWorkflowAddPayload', 'contactWorkflowAdd', workflow),
    args: { input: t.arg({ type: ContactWorkflowAddInput, required: true, description: 'The contact and the workflow.' }) },
    resolve: (_root, { input }, ctx) => inWorkflow(ctx, input, addContactToWorkflow),
  }),
  contactWorkflowRemove: t.field({
    ...traced('Takes a contact out of a workflow.', 'DELETE /contacts/{contactId}/workflow/{workflowId}'),
    type: membershipPayload('ContactWorkflowRemovePayload', 'contactWorkflowRemove', workflow),
    args: { input: t.arg({ type: ContactWorkflowRemoveInput, required: true, description: 'The contact and the workflow.' }) },
    resolve: (_root, { input }, ctx) => inWorkflow(ctx, input, removeContactFromWorkflow),
  }),
}));

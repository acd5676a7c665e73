import { upsertOpportunity } from '../../ghl/endpoints/opportunities.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { runMutation } from '../shared/mutation.js';
import { oneOf } from '../shared/validate.js';
import { OPPORTUNITY_WRITE, opportunityStale, placementChecks, plainChecks } from './checks.js';
import { opportunityCoreFields, opportunityPayload } from './payloads.js';

/**
 * Upsert: GHL updates the opportunity with `id`, or the contact's opportunity in the pipeline,
 * and otherwise creates one. Custom fields are not part of GHL's upsert body, so they are left out.
 */

const OpportunityUpsertInput = builder.inputType('OpportunityUpsertInput', {
  description: 'An opportunity to update or create: matched by `id`, else by contact and pipeline.',
  fields: (t) => ({
    id: t.id({ description: "GHL's opportunity id, to update that opportunity." }),
    pipelineId: t.id({ required: true, description: 'Id of the pipeline.' }),
    contactId: t.id({ description: 'Id of the contact; needed when no `id` is given.' }),
    name: t.string({ description: 'Name of the opportunity; needed when a new one is created.' }),
    lostReasonId: t.id({ description: 'Why the deal was lost; with status LOST.' }),
    followers: t.idList({ description: 'Ids of GHL users to add as followers.' }),
    ...opportunityCoreFields(t, false),
  }),
});

const OpportunityUpsertPayload = opportunityPayload<{ created: boolean }>('OpportunityUpsertPayload', 'Result of `opportunityUpsert`.', (t) => ({
  created: t.boolean({ description: 'True when GHL created a new opportunity, false when it updated one.', resolve: (p) => p.created }),
}));

builder.mutationFields((t) => ({
  opportunityUpsert: t.field({
    ...traced('Updates the matching opportunity or creates one.', 'POST /opportunities/upsert'),
    type: OpportunityUpsertPayload,
    args: { input: t.arg({ type: OpportunityUpsertInput, required: true, description: 'The opportunity to update or create.' }) },
    resolve: async (_root, { input }, ctx) => {
      const plain = [...plainChecks(input), ...[oneOf([['input', 'id'], ['input', 'contactId']], [input.id, input.contactId])].filter((c) => c !== null)];
      if (plain.length) return { opportunity: null, created: false, userErrors: plain };
      const placed = await placementChecks(ctx, input);
      const { result, userErrors } = await runMutation(ctx, {
        ...OPPORTUNITY_WRITE,
        checks: placed.userErrors,
        call: () =>
          upsertOpportunity(ctx.ghl, {
            locationId: ctx.credential.locationId,
            pipelineId: input.pipelineId,
            ...(input.id ? { id: input.id } : {}),
            ...(input.contactId ? { contactId: input.contactId } : {}),
            ...(input.name ? { name: input.name } : {}),
            ...(input.stageId ? { pipelineStageId: input.stageId } : {}),
            ...(input.status ? { status: input.status } : {}),
            ...(input.monetaryValue !== null && input.monetaryValue !== undefined ? { monetaryValue: input.monetaryValue } : {}),
            ...(input.assignedTo ? { assignedTo: input.assignedTo } : {}),
            ...(input.lostReasonId ? { lostReasonId: input.lostReasonId } : {}),
            followers: input.followers ?? [],
            isRemoveAllFollowers: false,
            followersActionType: 'add',
          }),
        stale: (upserted) => opportunityStale(upserted.opportunity.id),
      });
      if (!result) return { opportunity: null, created: false, userErrors };
      ctx.loaders.opportunity.prime(result.opportunity.id, result.opportunity);
      return { opportunity: result.opportunity, created: result.created, userErrors };
    },
  }),
}));

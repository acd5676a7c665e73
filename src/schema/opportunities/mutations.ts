import type { GraphQLContext } from '../../context.js';
import type { GhlOpportunity, OpportunityWriteBody } from '../../ghl/endpoints/opportunities.js';
import { createOpportunity, deleteOpportunity, updateOpportunity, updateOpportunityStatus } from '../../ghl/endpoints/opportunities.js';
import { builder } from '../builder.js';
import type { UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, runMutation } from '../shared/mutation.js';
import { customFieldsBody, OPPORTUNITY_WRITE, opportunityStale, placementChecks, plainChecks } from './checks.js';
import { opportunityInputFields, opportunityPayload, type OpportunityFieldsInput } from './payloads.js';
import { OpportunityStatus } from './types.js';

/** Create, update, move, status and delete; upsert and followers live in upsert.ts and followers.ts. */

const OpportunityCreateInput = builder.inputType('OpportunityCreateInput', {
  description: 'A new opportunity with a contact, in a pipeline.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: 'Id of the contact the deal is with.' }),
    pipelineId: t.id({ required: true, description: 'Id of the pipeline to put it in.' }),
    name: t.string({ required: true, description: 'Name of the opportunity.' }),
    ...opportunityInputFields(t, true),
  }),
});

const OpportunityUpdateInput = builder.inputType('OpportunityUpdateInput', {
  description: 'An opportunity and the changes to make; fields left out stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's opportunity id." }),
    pipelineId: t.id({ description: 'Pipeline to move to; without `stageId`, it lands in the first stage.' }),
    name: t.string({ description: 'New name.' }),
    ...opportunityInputFields(t, false),
  }),
});

const OpportunityStageUpdateInput = builder.inputType('OpportunityStageUpdateInput', {
  description: 'An opportunity and the stage to move it to.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's opportunity id." }),
    stageId: t.id({ required: true, description: 'The stage to move to.' }),
    pipelineId: t.id({ description: "The stage's pipeline; found from the stage when left out." }),
  }),
});

const OpportunityStatusUpdateInput = builder.inputType('OpportunityStatusUpdateInput', {
  description: 'An opportunity and its new status.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's opportunity id." }),
    status: t.field({ type: OpportunityStatus, required: true, description: 'The new status.' }),
    lostReasonId: t.id({ description: 'Why the deal was lost; only with LOST.' }),
  }),
});

const OpportunityDeleteInput = builder.inputType('OpportunityDeleteInput', {
  description: 'The opportunity to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's opportunity id." }) }),
});

const OpportunityCreatePayload = opportunityPayload('OpportunityCreatePayload', 'Result of `opportunityCreate`.');
const OpportunityUpdatePayload = opportunityPayload('OpportunityUpdatePayload', 'Result of `opportunityUpdate`.');
const OpportunityStageUpdatePayload = opportunityPayload('OpportunityStageUpdatePayload', 'Result of `opportunityStageUpdate`.');
const OpportunityStatusUpdatePayload = opportunityPayload('OpportunityStatusUpdatePayload', 'Result of `opportunityStatusUpdate`.');

const OpportunityDeletePayload = deletedIdPayload('OpportunityDeletePayload', 'Result of `opportunityDelete`.', 'deletedOpportunityId', 'Id of the deleted opportunity; null when nothing was deleted.');

/** The update body from input fields; null and absent both mean "leave as is". */
export function writeBody(input: OpportunityFieldsInput, pipelineId: string | undefined): OpportunityWriteBody {
  const body: OpportunityWriteBody = {};
  if (pipelineId) body.pipelineId = pipelineId;
  if (input.stageId) body.pipelineStageId = input.stageId;
  if (input.name) body.name = input.name;
  if (input.status) body.status = input.status;
  if (input.monetaryValue !== null && input.monetaryValue !== undefined) body.monetaryValue = input.monetaryValue;
  if (input.assignedTo) body.assignedTo = input.assignedTo;
  const customFields = customFieldsBody(input.customFields);
  if (customFields) body.customFields = customFields;
  return body;
}

/** Create, update and stage moves answer the opportunity: it is primed for the payload and published. */
const written = (id: string | null) => ({
  ...OPPORTUNITY_WRITE,
  stale: opportunityStale(id),
  publish: (record: GhlOpportunity) => ({ upsert: 'opportunity', record }) as const,
});

/** The payload of a write that answered the opportunity, primed so the payload does not read it again. */
function answered(ctx: GraphQLContext, outcome: { result: GhlOpportunity | null; userErrors: UserErrorShape[] }) {
  if (outcome.result) ctx.loaders.opportunity.prime(outcome.result.id, outcome.result);
  return { opportunity: outcome.result, userErrors: outcome.userErrors };
}

builder.mutationFields((t) => ({
  opportunityCreate: t.field({
    ...traced('Creates an opportunity for a contact in a pipeline.', 'POST /opportunities/'),
    type: OpportunityCreatePayload,
    args: { input: t.arg({ type: OpportunityCreateInput, required: true, description: 'The new opportunity.' }) },
    resolve: async (_root, { input }, ctx) => {
      const plain = plainChecks(input);
      if (plain.length) return { opportunity: null, userErrors: plain };
      const placed = await placementChecks(ctx, input);
      return answered(
        ctx,
        await runMutation(ctx, {
          ...written(null),
          checks: placed.userErrors,
          call: () => createOpportunity(ctx.ghl, { ...writeBody(input, placed.pipelineId), locationId: ctx.credential.locationId, contactId: input.contactId, pipelineId: input.pipelineId, name: input.name, status: input.status ?? 'open' }),
        }),
      );
    },
  }),
  opportunityUpdate: t.field({
    ...traced('Changes fields of an opportunity, including its pipeline, stage and status.', 'PUT /opportunities/{id}'),
    type: OpportunityUpdatePayload,
    args: { input: t.arg({ type: OpportunityUpdateInput, required: true, description: 'The opportunity and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const plain = plainChecks(input);
      if (plain.length) return { opportunity: null, userErrors: plain };
      const placed = await placementChecks(ctx, input);
      return answered(ctx, await runMutation(ctx, { ...written(input.id), checks: placed.userErrors, call: () => updateOpportunity(ctx.ghl, input.id, writeBody(input, placed.pipelineId)) }));
    },
  }),
  opportunityStageUpdate: t.field({
    ...traced('Moves an opportunity to another stage (of its pipeline or another one).', 'PUT /opportunities/{id}'),
    type: OpportunityStageUpdatePayload,
    args: { input: t.arg({ type: OpportunityStageUpdateInput, required: true, description: 'The opportunity and the stage to move it to.' }) },
    resolve: async (_root, { input }, ctx) => {
      const placed = await placementChecks(ctx, input);
      return answered(
        ctx,
        await runMutation(ctx, {
          ...written(input.id),
          checks: placed.userErrors,
          call: () => updateOpportunity(ctx.ghl, input.id, { pipelineStageId: input.stageId, ...(placed.pipelineId ? { pipelineId: placed.pipelineId } : {}) }),
        }),
      );
    },
  }),
  opportunityStatusUpdate: t.field({
    ...traced('Marks an opportunity open, won, lost or abandoned.', 'PUT /opportunities/{id}/status'),
    type: OpportunityStatusUpdatePayload,
    args: { input: t.arg({ type: OpportunityStatusUpdateInput, required: true, description: 'The opportunity and its new status.' }) },
    resolve: async (_root, { input }, ctx) => {
      const checks: UserErrorShape[] =
        input.lostReasonId && input.status !== 'lost' ? [{ code: 'INVALID', field: ['input', 'lostReasonId'], message: 'A lost reason goes only with the status LOST.' }] : [];
      const { result, userErrors } = await runMutation(ctx, {
        ...OPPORTUNITY_WRITE,
        checks,
        call: async () => {
          await updateOpportunityStatus(ctx.ghl, input.id, { status: input.status, ...(input.lostReasonId ? { lostReasonId: input.lostReasonId } : {}) });
          return input.id;
        },
        stale: opportunityStale(input.id),
        publish: (id) => ({ upsert: 'opportunity', record: { id, status: input.status } }),
      });
      // GHL answers only `succeded`; the opportunity is read if the client asks for it.
      return { opportunityId: result, userErrors };
    },
  }),
  opportunityDelete: t.field({
    ...traced('Deletes an opportunity.', 'DELETE /opportunities/{id}'),
    type: OpportunityDeletePayload,
    args: { input: t.arg({ type: OpportunityDeleteInput, required: true, description: 'The opportunity to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        ...OPPORTUNITY_WRITE,
        call: async () => {
          await deleteOpportunity(ctx.ghl, input.id);
          return input.id;
        },
        stale: opportunityStale(input.id),
        publish: (id) => ({ delete: 'opportunity', record: { id } }),
      });
      return { deletedOpportunityId: result, userErrors };
    },
  }),
}));

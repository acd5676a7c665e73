import type { GraphQLContext } from '../../context.js';
import type { OpportunityCustomFieldInput } from '../../ghl/endpoints/opportunities.js';
import type { StaleEntries } from '../../loaders/resources.js';
import type { UserErrorShape } from '../shared/errors.js';
import { collect, nonBlank } from '../shared/validate.js';
import { locationPipelines } from './pipelines.js';

/**
 * Input checks of the opportunity mutations, run before any write. The plain ones need no call;
 * the placement check reads the location's pipelines (one cached read) so a stage of another
 * pipeline is refused by the gateway rather than by GHL.
 */

/** GHL property names → input names, for GHL's own refusals (see userErrorsFromGhl). */
export const GHL_FIELD_NAMES = { pipelineStageId: 'stageId' };
export const WRITE_FIELDS = ['pipelineId', 'stageId', 'name', 'status', 'monetaryValue', 'assignedTo', 'customFields', 'contactId', 'lostReasonId', 'followers'] as const;

export function plainChecks(input: { name?: string | null; monetaryValue?: number | null }): UserErrorShape[] {
  return collect(
    nonBlank(['input', 'name'], input.name),
    input.monetaryValue !== null && input.monetaryValue !== undefined && !(input.monetaryValue >= 0)
      ? { code: 'INVALID', field: ['input', 'monetaryValue'], message: 'monetaryValue must be 0 or more.' }
      : null,
  );
}

/**
 * Resolves where the opportunity goes: the pipeline must be the location's and the stage one of
 * its stages. Given only a stage, its pipeline is looked up, because GHL needs both when an
 * opportunity moves to another pipeline's stage.
 */
export async function placementChecks(ctx: GraphQLContext, input: { pipelineId?: string | null; stageId?: string | null }): Promise<{ userErrors: UserErrorShape[]; pipelineId?: string }> {
  if (!input.pipelineId && !input.stageId) return { userErrors: [] };
  const pipelines = await locationPipelines(ctx);
  if (input.pipelineId) {
    const pipeline = pipelines.find((p) => p.id === input.pipelineId);
    if (!pipeline) return { userErrors: [{ code: 'NOT_FOUND', field: ['input', 'pipelineId'], message: `The location has no pipeline ${input.pipelineId}.` }] };
    if (input.stageId && !pipeline.stages?.some((s) => s.id === input.stageId)) {
      return { userErrors: [{ code: 'INVALID', field: ['input', 'stageId'], message: `Stage ${input.stageId} is not a stage of the pipeline "${pipeline.name ?? pipeline.id}".` }] };
    }
    return { userErrors: [], pipelineId: pipeline.id };
  }
  const owner = pipelines.find((p) => p.stages?.some((s) => s.id === input.stageId));
  if (!owner) return { userErrors: [{ code: 'NOT_FOUND', field: ['input', 'stageId'], message: `No pipeline of the location has a stage ${input.stageId}.` }] };
  return { userErrors: [], pipelineId: owner.id };
}

/** A custom field value as the write DTOs take it: `values` (multi-value fields) wins over `value`. */
export function customFieldsBody(list: readonly { id: string; value?: string | null; values?: readonly string[] | null }[] | null | undefined): OpportunityCustomFieldInput[] | undefined {
  if (!list) return undefined;
  return list.map((f) => ({ id: f.id, field_value: f.values ? [...f.values] : (f.value ?? '') }));
}

/** After any write to one opportunity: its cached copy, and every cached search, are stale. */
export function opportunityStale(id: string | null): StaleEntries {
  return { ...(id ? { records: { opportunity: [id] } } : {}), lists: ['opportunitySearch', 'opportunitiesByContact'] };
}

/** The run options every opportunity write shares: GHL's refusals named by input field. */
export const OPPORTUNITY_WRITE = { inputFields: WRITE_FIELDS, fieldNames: GHL_FIELD_NAMES };

import { badRequest, unprocessable } from '../errors.js';
import { OPPORTUNITY_STATUSES, type OpportunitiesState, type OpportunityCustomField, type OpportunityRecord, type OpportunityStatus } from './opportunities-state.js';

/**
 * Checks and conversions of opportunity write bodies beyond what the spec's schemas say
 * (ASSUMPTIONS.md, Opportunities): semantic refusals of ids are 400 with a message that starts
 * with the property name; malformed values are 422 in class-validator wording.
 */

export interface CustomFieldInput {
  id?: string;
  key?: string;
  field_value?: unknown;
}

/** The union of `CreateDto`, `UpdateOpportunityDto` and `UpsertOpportunityDto` fields. */
export interface OpportunityWriteBody {
  pipelineId?: string;
  pipelineStageId?: string;
  name?: string;
  status?: string;
  monetaryValue?: unknown;
  assignedTo?: string;
  lostReasonId?: string;
  contactId?: string;
  customFields?: CustomFieldInput[];
}

/** The spec's status enum also holds `all`, a search filter value; no opportunity can be in it. */
export function writeStatus(value: string | undefined): OpportunityStatus | undefined {
  if (value === undefined) return undefined;
  if (!(OPPORTUNITY_STATUSES as readonly string[]).includes(value)) throw unprocessable([`status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}`]);
  return value as OpportunityStatus;
}

/** Upsert types `monetaryValue` as an untyped object, so its number check happens here. */
export function monetaryValue(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unprocessable(['monetaryValue must be a number conforming to the specified constraints']);
  if (value < 0) throw unprocessable(['monetaryValue must not be less than 0']);
  return value;
}

export function nonBlankName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.trim()) throw unprocessable(['name should not be empty']);
  return value;
}

/**
 * Where the opportunity sits after the write: the pipeline must be the location's, the stage one
 * of that pipeline's. Without a stage, a new or moved opportunity lands in the pipeline's first
 * stage and an unmoved one keeps its stage.
 */
export function placement(state: OpportunitiesState, locationId: string, current: Pick<OpportunityRecord, 'pipelineId' | 'pipelineStageId'> | null, body: OpportunityWriteBody): { pipelineId: string; pipelineStageId: string } {
  const pipelineId = body.pipelineId ?? current?.pipelineId;
  const pipeline = pipelineId === undefined ? undefined : state.getPipeline(pipelineId);
  if (!pipeline || pipeline.locationId !== locationId) throw badRequest('pipelineId must be the id of a pipeline of this location');
  if (body.pipelineStageId !== undefined) {
    if (!pipeline.stages.some((s) => s.id === body.pipelineStageId)) throw badRequest(`pipelineStageId must be the id of a stage of the pipeline "${pipeline.name}"`);
    return { pipelineId: pipeline.id, pipelineStageId: body.pipelineStageId };
  }
  if (current && current.pipelineId === pipeline.id) return { pipelineId: pipeline.id, pipelineStageId: current.pipelineStageId };
  const first = [...pipeline.stages].sort((a, b) => a.position - b.position)[0];
  if (!first) throw badRequest(`pipelineId names the pipeline "${pipeline.name}", which has no stages`);
  return { pipelineId: pipeline.id, pipelineStageId: first.id };
}

/** A location allows one opportunity per contact and pipeline (GHL's default setting). */
export function assertNotDuplicate(state: OpportunitiesState, locationId: string, contactId: string, pipelineId: string, exceptId?: string): void {
  const clash = state.listOf(locationId).some((o) => o.contactId === contactId && o.pipelineId === pipelineId && o.id !== exceptId);
  if (clash) throw badRequest('Can not create duplicate opportunity for the contact.');
}

/** Merges by id (`key` stands in when no id is given); an empty value removes the field. */
export function mergeCustomFields(current: readonly OpportunityCustomField[], input: readonly CustomFieldInput[] | undefined): OpportunityCustomField[] | undefined {
  if (input === undefined) return undefined;
  const merged = new Map(current.map((f) => [f.id, f.fieldValue]));
  input.forEach((f, i) => {
    const id = f.id || f.key;
    if (!id) throw unprocessable([`customFields.${i}.id or customFields.${i}.key should not be empty`]);
    const v = f.field_value;
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) merged.delete(id);
    else merged.set(id, v);
  });
  return [...merged].map(([id, fieldValue]) => ({ id, fieldValue }));
}

/** Adds ids not yet present; returns the new list and what was really added. */
export function addFollowers(current: readonly string[], ids: readonly string[]): { followers: string[]; added: string[] } {
  const followers = [...current];
  const added: string[] = [];
  for (const id of ids) {
    if (!followers.includes(id)) {
      followers.push(id);
      added.push(id);
    }
  }
  return { followers, added };
}

export function removeFollowers(current: readonly string[], ids: readonly string[] | 'all'): { followers: string[]; removed: string[] } {
  const removed = ids === 'all' ? [...current] : current.filter((id) => ids.includes(id));
  return { followers: current.filter((id) => !removed.includes(id)), removed };
}

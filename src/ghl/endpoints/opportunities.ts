import { operation } from '../operations.js';
import type { OpportunitySearchBody, OpportunitySearchFilter } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** Shapes from apps/opportunities.json (`SearchOpportunitiesResponseSchema`, `PipelinesResponseSchema`, the write DTOs). */

export type GhlOpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';

export interface GhlOpportunityCustomField {
  id: string;
  /** A string, an object, or an array of either (`CustomFieldResponseSchema.fieldValue`). */
  fieldValue?: unknown;
}

export interface GhlOpportunity {
  id: string;
  name?: string;
  monetaryValue?: number;
  pipelineId?: string;
  pipelineStageId?: string;
  assignedTo?: string;
  status?: string;
  source?: string;
  lastStatusChangeAt?: string;
  lastStageChangeAt?: string;
  lastActionDate?: string;
  createdAt?: string;
  updatedAt?: string;
  contactId?: string;
  locationId?: string;
  /** A summary only (id, name, email, phone, company, tags); the graph loads the whole contact. */
  contact?: { id?: string; name?: string; companyName?: string; email?: string; phone?: string; tags?: string[] };
  lostReasonId?: string;
  customFields?: GhlOpportunityCustomField[];
  followers?: string[];
  externalObjectId?: string;
  /** Only on search results: the sort values to continue after this opportunity. */
  searchAfter?: string[];
}

export interface GhlPipelineStage {
  id: string;
  name?: string;
  position?: number;
  showInFunnel?: boolean;
  showInPieChart?: boolean;
}

export interface GhlPipeline {
  id: string;
  name?: string;
  /** The spec leaves the items untyped; GHL sends stage objects. */
  stages?: GhlPipelineStage[];
  showInFunnel?: boolean;
  showInPieChart?: boolean;
  locationId?: string;
  colorRenderMode?: 'dot' | 'bg-tint' | 'none';
}

/** The search body and its filters: src/ghl/openapi/wire.ts (the spec declares no filters). */
export type { OpportunitySearchBody, OpportunitySearchFilter };

export interface OpportunitySearchResult {
  opportunities: GhlOpportunity[];
  total: number;
}

/** Custom field values as the write DTOs take them (`customFieldsInput*Schema`). */
export interface OpportunityCustomFieldInput {
  id: string;
  field_value: string | string[];
}

/** `UpdateOpportunityDto`; `CreateDto` adds `locationId` and `contactId` and requires some of these. */
export interface OpportunityWriteBody {
  pipelineId?: string;
  name?: string;
  pipelineStageId?: string;
  status?: GhlOpportunityStatus;
  monetaryValue?: number;
  assignedTo?: string;
  customFields?: OpportunityCustomFieldInput[];
}

export interface OpportunityCreateBody extends OpportunityWriteBody {
  locationId: string;
  pipelineId: string;
  name: string;
  status: GhlOpportunityStatus;
  contactId: string;
}

/** `UpsertOpportunityDto`, plus `contactId`, which GHL's guide sends to match by contact and pipeline. */
export interface OpportunityUpsertBody {
  id?: string;
  locationId: string;
  pipelineId: string;
  contactId?: string;
  name?: string;
  status?: GhlOpportunityStatus;
  pipelineStageId?: string;
  monetaryValue?: number;
  assignedTo?: string;
  lostReasonId?: string;
  followers: string[];
  isRemoveAllFollowers: boolean;
  followersActionType: 'add' | 'remove';
}

const ops = {
  search: operation('POST /opportunities/search'),
  get: operation('GET /opportunities/{id}'),
  pipelines: operation('GET /opportunities/pipelines'),
  create: operation('POST /opportunities/'),
  update: operation('PUT /opportunities/{id}'),
  remove: operation('DELETE /opportunities/{id}'),
  status: operation('PUT /opportunities/{id}/status'),
  upsert: operation('POST /opportunities/upsert'),
  followersAdd: operation('POST /opportunities/{id}/followers'),
  followersRemove: operation('DELETE /opportunities/{id}/followers'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

export async function searchOpportunities(ctx: GhlCallContext, body: OpportunitySearchBody): Promise<OpportunitySearchResult> {
  const res = await ctx.client.call<OpportunitySearchResult>(ops.search, ctx.credential, { ...call(ctx), body });
  return { opportunities: res.data.opportunities ?? [], total: res.data.total ?? 0 };
}

export async function getOpportunity(ctx: GhlCallContext, id: string): Promise<GhlOpportunity> {
  const res = await ctx.client.call<{ opportunity: GhlOpportunity }>(ops.get, ctx.credential, { ...call(ctx), pathParams: { id } });
  return res.data.opportunity;
}

export async function getPipelines(ctx: GhlCallContext, locationId: string): Promise<GhlPipeline[]> {
  const res = await ctx.client.call<{ pipelines: GhlPipeline[] }>(ops.pipelines, ctx.credential, { ...call(ctx), query: { locationId } });
  return res.data.pipelines ?? [];
}

export async function createOpportunity(ctx: GhlCallContext, body: OpportunityCreateBody): Promise<GhlOpportunity> {
  const res = await ctx.client.call<{ opportunity: GhlOpportunity }>(ops.create, ctx.credential, { ...call(ctx), body });
  return res.data.opportunity;
}

export async function updateOpportunity(ctx: GhlCallContext, id: string, body: OpportunityWriteBody): Promise<GhlOpportunity> {
  const res = await ctx.client.call<{ opportunity: GhlOpportunity }>(ops.update, ctx.credential, { ...call(ctx), pathParams: { id }, body });
  return res.data.opportunity;
}

export async function deleteOpportunity(ctx: GhlCallContext, id: string): Promise<void> {
  await ctx.client.call<{ succeded?: boolean }>(ops.remove, ctx.credential, { ...call(ctx), pathParams: { id } });
}

export async function updateOpportunityStatus(ctx: GhlCallContext, id: string, body: { status: GhlOpportunityStatus; lostReasonId?: string }): Promise<void> {
  await ctx.client.call<{ succeded?: boolean }>(ops.status, ctx.credential, { ...call(ctx), pathParams: { id }, body });
}

export async function upsertOpportunity(ctx: GhlCallContext, body: OpportunityUpsertBody): Promise<{ opportunity: GhlOpportunity; created: boolean }> {
  const res = await ctx.client.call<{ opportunity: GhlOpportunity; new: boolean }>(ops.upsert, ctx.credential, { ...call(ctx), body });
  return { opportunity: res.data.opportunity, created: res.data.new };
}

export async function addOpportunityFollowers(ctx: GhlCallContext, id: string, followers: string[]): Promise<{ followers: string[]; followersAdded: string[] }> {
  const res = await ctx.client.call<{ followers?: string[]; followersAdded?: string[] }>(ops.followersAdd, ctx.credential, { ...call(ctx), pathParams: { id }, body: { followers } });
  return { followers: res.data.followers ?? [], followersAdded: res.data.followersAdded ?? [] };
}

/** `DELETE` with a JSON body (the spec requires `followers` even when removing all). */
export async function removeOpportunityFollowers(ctx: GhlCallContext, id: string, followers: string[], removeAll: boolean): Promise<{ followers: string[]; followersRemoved: string[] }> {
  const res = await ctx.client.call<{ followers?: string[]; followersRemoved?: string[] }>(ops.followersRemove, ctx.credential, {
    ...call(ctx),
    pathParams: { id },
    ...(removeAll ? { query: { isRemoveAllFollowers: true } } : {}),
    body: { followers },
  });
  return { followers: res.data.followers ?? [], followersRemoved: res.data.followersRemoved ?? [] };
}

import { operation } from '../operations.js';
import type { BusinessWriteBody, WireBusiness } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** `BusinessDto` in apps/businesses.json (src/ghl/openapi/wire.ts). */
export type GhlBusiness = WireBusiness;
export type { BusinessWriteBody };

const ops = {
  getBusiness: operation('GET /businesses/{businessId}'),
  listBusinesses: operation('GET /businesses/'),
  createBusiness: operation('POST /businesses/'),
  updateBusiness: operation('PUT /businesses/{businessId}'),
  deleteBusiness: operation('DELETE /businesses/{businessId}'),
  updateContactsBusiness: operation('POST /contacts/bulk/business'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

export async function getBusiness(ctx: GhlCallContext, businessId: string): Promise<GhlBusiness> {
  const res = await ctx.client.call<{ business: GhlBusiness }>(ops.getBusiness, ctx.credential, { ...call(ctx), pathParams: { businessId } });
  return res.data.business;
}

/** `GET /businesses/` pages with skip/limit, both typed as strings in the spec. */
export async function listBusinesses(ctx: GhlCallContext, page: { skip: number; limit: number }): Promise<GhlBusiness[]> {
  const res = await ctx.client.call<{ businesses: GhlBusiness[] }>(ops.listBusinesses, ctx.credential, {
    ...call(ctx),
    query: { locationId: ctx.credential.locationId, skip: String(page.skip), limit: String(page.limit) },
  });
  return res.data.businesses ?? [];
}

/** Create and update answer `{success, buiseness}`: GHL's spelling. */
export async function createBusiness(ctx: GhlCallContext, body: BusinessWriteBody & { name: string }): Promise<GhlBusiness> {
  const res = await ctx.client.call<{ buiseness: GhlBusiness }>(ops.createBusiness, ctx.credential, { ...call(ctx), body: { ...body, locationId: ctx.credential.locationId } });
  return res.data.buiseness;
}

export async function updateBusiness(ctx: GhlCallContext, businessId: string, body: BusinessWriteBody): Promise<GhlBusiness> {
  const res = await ctx.client.call<{ buiseness: GhlBusiness }>(ops.updateBusiness, ctx.credential, { ...call(ctx), pathParams: { businessId }, body });
  return res.data.buiseness;
}

export async function deleteBusiness(ctx: GhlCallContext, businessId: string): Promise<void> {
  await ctx.client.call(ops.deleteBusiness, ctx.credential, { ...call(ctx), pathParams: { businessId } });
}

/**
 * Moves contacts into a business, or out of any (`businessId: null`). Answers the ids GHL
 * changed (`ContactsBulkUpateResponse`, sic).
 */
export async function updateContactsBusiness(ctx: GhlCallContext, contactIds: string[], businessId: string | null): Promise<string[]> {
  const res = await ctx.client.call<{ success: boolean; ids?: string[] }>(ops.updateContactsBusiness, ctx.credential, {
    ...call(ctx),
    body: { locationId: ctx.credential.locationId, ids: contactIds, businessId },
  });
  return res.data.ids ?? [];
}

import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `BusinessDto` in apps/businesses.json. */
export interface GhlBusiness {
  id: string;
  name: string;
  locationId: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
}

const ops = {
  getBusiness: operation('GET /businesses/{businessId}'),
  listBusinesses: operation('GET /businesses/'),
};

export async function getBusiness(ctx: GhlCallContext, businessId: string): Promise<GhlBusiness> {
  const res = await ctx.client.call<{ business: GhlBusiness }>(ops.getBusiness, ctx.credential, {
    priority: ctx.priority ?? 'interactive',
    meter: ctx.meter,
    pathParams: { businessId },
  });
  return res.data.business;
}

/** `GET /businesses/` pages with skip/limit, both typed as strings in the spec. */
export async function listBusinesses(ctx: GhlCallContext, page: { skip: number; limit: number }): Promise<GhlBusiness[]> {
  const res = await ctx.client.call<{ businesses: GhlBusiness[] }>(ops.listBusinesses, ctx.credential, {
    priority: ctx.priority ?? 'interactive',
    meter: ctx.meter,
    query: { locationId: ctx.credential.locationId, skip: String(page.skip), limit: String(page.limit) },
  });
  return res.data.businesses ?? [];
}

import { operation } from '../operations.js';
import type { LocationCreateBody, WireLocation, WireLocationBusiness, WireLocationSettings, WireLocationSocial } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** Shapes from apps/locations.json (src/ghl/openapi/wire.ts). */
export type GhlLocationSettings = WireLocationSettings;
export type GhlLocationSocial = WireLocationSocial;
export type GhlLocationBusiness = WireLocationBusiness;
export type GhlLocation = WireLocation;
export type { LocationCreateBody };

export interface LocationSearchParams {
  companyId?: string;
  skip: number;
  limit: number;
  order?: 'asc' | 'desc';
  email?: string;
}

const ops = {
  search: operation('GET /locations/search'),
  get: operation('GET /locations/{locationId}'),
  create: operation('POST /locations/'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

/** skip/limit paging (strings in the spec); no total is returned. */
export async function searchLocations(ctx: GhlCallContext, p: LocationSearchParams): Promise<GhlLocation[]> {
  const res = await ctx.client.call<{ locations: GhlLocation[] }>(ops.search, ctx.credential, {
    ...call(ctx),
    query: { companyId: p.companyId, skip: String(p.skip), limit: String(p.limit), order: p.order, email: p.email },
  });
  return res.data.locations ?? [];
}

export async function getLocation(ctx: GhlCallContext, locationId: string): Promise<GhlLocation> {
  const res = await ctx.client.call<{ location: GhlLocation }>(ops.get, ctx.credential, { ...call(ctx), pathParams: { locationId } });
  return res.data.location;
}

/** Agency-only; answers the new location bare (no envelope). */
export async function createLocation(ctx: GhlCallContext, body: LocationCreateBody): Promise<GhlLocation> {
  const res = await ctx.client.call<GhlLocation>(ops.create, ctx.credential, { ...call(ctx), body });
  return res.data;
}

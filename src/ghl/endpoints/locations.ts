import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `SettingsSchema`. */
export interface GhlLocationSettings {
  allowDuplicateContact?: boolean;
  allowDuplicateOpportunity?: boolean;
  allowFacebookNameMerge?: boolean;
  disableContactTimezone?: boolean;
}

/** `SocialSchema`: profile links by network. */
export type GhlLocationSocial = Partial<Record<'facebookUrl' | 'googlePlus' | 'linkedIn' | 'foursquare' | 'twitter' | 'yelp' | 'instagram' | 'youtube' | 'pinterest' | 'blogRss' | 'googlePlacesId', string>>;

/** `BusinessSchema`: the business the sub-account runs. */
export interface GhlLocationBusiness {
  name?: string;
  address?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  website?: string;
  timezone?: string;
  logoUrl?: string;
}

/**
 * A location (sub-account): `GetLocationByIdSchema` (get), `GetLocationSchema` (search items) and
 * `CreateLocationSuccessfulResponseDto` (create) are subsets of one shape.
 */
export interface GhlLocation {
  id: string;
  companyId?: string;
  name?: string;
  domain?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  website?: string;
  timezone?: string;
  logoUrl?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  business?: GhlLocationBusiness;
  social?: GhlLocationSocial;
  settings?: GhlLocationSettings;
}

export interface LocationSearchParams {
  companyId?: string;
  skip: number;
  limit: number;
  order?: 'asc' | 'desc';
  email?: string;
}

/** `CreateLocationDto`, the parts the gateway exposes. */
export interface LocationCreateBody {
  name: string;
  companyId: string;
  phone?: string;
  address?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  website?: string;
  timezone?: string;
  prospectInfo?: { firstName: string; lastName: string; email: string };
  settings?: GhlLocationSettings;
  social?: GhlLocationSocial;
  snapshotId?: string;
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

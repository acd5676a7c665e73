import { unprocessable } from '../errors.js';
import { locationOf, type RouteTable } from '../routes/types.js';
import type { BusinessRecord } from '../store.js';
import { ownBusiness } from './contacts-access.js';
import { businessDto } from './contacts-present.js';
import type { SimulatorDomain } from './types.js';

/**
 * apps/businesses.json. Envelopes as the spec spells them: `success`, and `buiseness` (sic) on
 * writes. Businesses live in the core store (contacts point at them) and are seeded by seed.ts.
 */

type BusinessFields = Partial<Pick<BusinessRecord, 'name' | 'phone' | 'email' | 'website' | 'address' | 'city' | 'state' | 'postalCode' | 'country'>>;

const MAX_LIST_LIMIT = 1000;

function listParam(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw unprocessable([`${name} must be an integer between ${min} and ${max}`]);
  return n;
}

const routes: RouteTable = {
  'GET /businesses/{businessId}': (ctx) => ({ status: 200, body: { business: businessDto(ownBusiness(ctx, ctx.params['businessId'] as string)) } }),

  /** Sorted by name, then id, so skip/limit pages are stable. */
  'GET /businesses/': (ctx) => {
    const limit = listParam(ctx.query['limit'], 'limit', 100, 1, MAX_LIST_LIMIT);
    const skip = listParam(ctx.query['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
    const all = ctx.store.listBusinesses(locationOf(ctx)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { status: 200, body: { businesses: all.slice(skip, skip + limit).map(businessDto) } };
  },

  'POST /businesses/': (ctx) => {
    const input = ctx.body as BusinessFields & { name: string; locationId: string };
    const { locationId: _ignored, ...fields } = input;
    if (!fields.name.trim()) throw unprocessable(['name should not be empty']);
    const business = ctx.store.createBusiness(locationOf(ctx), { ...fields, name: fields.name.trim() });
    return { status: 201, body: { success: true, buiseness: businessDto(business) } };
  },

  'PUT /businesses/{businessId}': (ctx) => {
    const business = ownBusiness(ctx, ctx.params['businessId'] as string);
    const input = ctx.body as BusinessFields;
    if (input.name !== undefined && !input.name.trim()) throw unprocessable(['name should not be empty']);
    return { status: 200, body: { success: true, buiseness: businessDto(ctx.store.updateBusiness(business.id, input)) } };
  },

  'DELETE /businesses/{businessId}': (ctx) => {
    ctx.store.deleteBusiness(ownBusiness(ctx, ctx.params['businessId'] as string).id);
    return { status: 200, body: { success: true } };
  },
};

export const businessesDomain: SimulatorDomain = { name: 'businesses', routes };

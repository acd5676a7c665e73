import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import type { GhlCallContext } from '../../ghl/endpoints/types.js';

/**
 * Agency (Company) access. Some GHL operations take only an agency token; the gateway holds one
 * beside the location credentials when an agency installed the app (`ctx.agency`). Without it those
 * operations are refused here, before any upstream call, rather than sent with a location token GHL
 * would reject.
 */
export function requireAgency(ctx: GraphQLContext): GhlCallContext {
  if (ctx.agency) return ctx.agency;
  throw new GraphQLError('This needs an agency installation: install the app for the agency (Company), not only for a location, or use a held installation rather than a pass-through token.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

/** The agency's company id, known from the agency credential. */
export function agencyCompanyId(ctx: GraphQLContext): string {
  const companyId = requireAgency(ctx).credential.companyId;
  if (!companyId) throw new Error('The agency credential carries no companyId');
  return companyId;
}

/**
 * The company of the caller's location, which GHL's user operations require: taken from the agency
 * credential when one is held (no call), else from the location record (`GET /locations/{id}`,
 * cached).
 */
export async function callerCompanyId(ctx: GraphQLContext): Promise<string> {
  const held = ctx.agency?.credential.companyId;
  if (held) return held;
  const location = await ctx.loaders.location.load(ctx.credential.locationId);
  if (!location.companyId) throw new Error(`GHL sent location ${location.id} without its companyId`);
  return location.companyId;
}

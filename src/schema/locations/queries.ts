import type { GhlLocation } from '../../ghl/endpoints/locations.js';
import { builder } from '../builder.js';
import { callerCompanyId } from '../companies/agency.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { offsetConnection } from './slice.js';
import { Location, LocationConnection, LocationOrder } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 10, maxSize: 100 };

builder.queryFields((t) => ({
  // GHL lists this read among its actions; it changes nothing, so it is a query here.
  location: t.field({
    ...traced('One location (sub-account) by id; null with an error when it does not exist or the caller may not see it.', 'GET /locations/{locationId}'),
    type: Location,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's location id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.location.read(id),
  }),
  currentLocation: t.field({
    ...traced("The caller's own location (sub-account).", 'GET /locations/{locationId}'),
    type: Location,
    nullable: true,
    resolve: (_root, _args, ctx) => ctx.loaders.location.read(ctx.credential.locationId),
  }),
  locations: t.field({
    ...traced(
      "Locations the caller can see, by name. With a location's credential GHL shows that location only; an agency sees all of its own.",
      'GET /locations/search',
      'GET /locations/{locationId}',
    ),
    type: LocationConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
      order: t.arg({ type: LocationOrder, description: 'Order by name. Default ascending.' }),
      email: t.arg.string({ description: "Only the location with this email address (GHL's exact match)." }),
    },
    resolve: async (_root, args, ctx) => {
      const companyId = await callerCompanyId(ctx);
      return offsetConnection<GhlLocation>(args, PAGE, (l) => l.id, async ({ skip, limit }) => ({
        nodes: await ctx.loaders.locationSearch.load({ companyId, skip, limit, ...(args.order ? { order: args.order } : {}), ...(args.email ? { email: args.email } : {}) }),
        total: null,
      }));
    },
  }),
}));

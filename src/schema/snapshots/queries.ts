import { builder } from '../builder.js';
import { agencyCompanyId, requireAgency } from '../companies/agency.js';
import { sliceConnection } from '../locations/slice.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { SnapshotConnection } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 25, maxSize: 100 };

builder.queryFields((t) => ({
  snapshots: t.field({
    ...traced("The agency's snapshots. Needs an agency installation; FORBIDDEN without one. GHL sends them all at once; they are cached and paged here.", 'GET /snapshots/'),
    type: SnapshotConnection,
    nullable: true,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, args, ctx) => {
      requireAgency(ctx);
      return sliceConnection(await ctx.loaders.companySnapshots.load(agencyCompanyId(ctx)), args, PAGE);
    },
  }),
}));

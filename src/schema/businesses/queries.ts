import { builder } from '../builder.js';
import { listFingerprint, offsetConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { Business, BusinessConnection } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 20, maxSize: 100 };

builder.queryFields((t) => ({
  business: t.field({
    ...traced('One business by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /businesses/{businessId}'),
    type: Business,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's business id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.business.read(id),
  }),
  businesses: t.field({
    ...traced("The location's businesses, in GHL's order.", 'GET /businesses/'),
    type: BusinessConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) =>
      // GHL reports no total here: ask for one more than the page to learn whether another follows.
      offsetConnection(args, { ...PAGE, fingerprint: listFingerprint({ list: 'businesses' }) }, async (skip, limit) => {
        const list = await ctx.loaders.businessList.load({ skip, limit: limit + 1 });
        return { items: list.slice(0, limit), total: null, hasMore: list.length > limit };
      }),
  }),
}));

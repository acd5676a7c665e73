import { builder } from '../builder.js';
import { sliceConnection } from '../locations/slice.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { CustomFieldConnection, CustomFieldModel } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 100, maxSize: 500 };

builder.queryFields((t) => ({
  customFields: t.field({
    ...traced(
      "Custom field definitions of the caller's location, in form order. GHL sends them all at once; they are cached and paged here.",
      'GET /locations/{locationId}/customFields',
    ),
    type: CustomFieldConnection,
    args: {
      model: t.arg({ type: CustomFieldModel, description: 'Only the fields of this kind of record. Default: all.' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, args, ctx) => {
      // One cached read of every model serves each filter, and the `field` links of contacts.
      const all = await ctx.loaders.customFieldDefinitions.load(ctx.credential.locationId);
      return sliceConnection(args.model ? all.filter((f) => f.model === args.model) : all, args, PAGE);
    },
  }),
}));

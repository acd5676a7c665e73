import type { GraphQLContext } from '../../context.js';
import { builder } from '../builder.js';
import { Business } from '../businesses/types.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { listFingerprint, offsetConnection, type OffsetArgs } from './offset-paging.js';
import { ContactConnection } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 25, maxSize: 100 };

/** The contacts of one business: `GET /contacts/business/{businessId}`, skip/limit behind a cursor. */

interface ByBusinessArgs extends OffsetArgs {
  query?: string | null;
}

function contactsOfBusiness(ctx: GraphQLContext, businessId: string, args: ByBusinessArgs) {
  const query = args.query?.trim() || undefined;
  return offsetConnection(args, { ...PAGE, fingerprint: listFingerprint({ businessId, query: query ?? null }) }, async (skip, limit) => {
    const page = await ctx.loaders.contactsByBusiness.load({ businessId, skip, limit, ...(query ? { query } : {}) });
    return { items: page.contacts, total: page.count };
  });
}

const DESCRIPTION = 'Contacts that belong to the business, newest first, optionally matching a search text.';

builder.queryField('contactsByBusiness', (t) =>
  t.field({
    ...traced(DESCRIPTION, 'GET /contacts/business/{businessId}'),
    type: ContactConnection,
    args: {
      businessId: t.arg.id({ required: true, description: "GHL's business id." }),
      ...pageArgs(t.arg, PAGE),
      query: t.arg.string({ description: 'Text matched against name, email and phone.' }),
    },
    resolve: (_root, { businessId, ...args }, ctx) => contactsOfBusiness(ctx, businessId, args),
  }),
);

builder.objectField(Business, 'contacts', (t) =>
  t.field({
    nullable: true,
    ...traced(`${DESCRIPTION} Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.`, 'GET /contacts/business/{businessId}'),
    type: ContactConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
      query: t.arg.string({ description: 'Text matched against name, email and phone.' }),
    },
    resolve: (business, args, ctx) => contactsOfBusiness(ctx, business.id, args),
  }),
);

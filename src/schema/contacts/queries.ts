import type { ContactSearchBody } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';
import { decodeCursor, encodeCursor, pageSize } from '../shared/pagination.js';
import { Contact, ContactConnection } from './types.js';

builder.queryFields((t) => ({
  contact: t.field({
    type: Contact,
    nullable: true,
    description: 'One contact by its GHL id; null with a NOT_FOUND error when it does not exist. GHL: `get-contact` (GET /contacts/{contactId}).',
    args: { id: t.arg.id({ required: true, description: "GHL's contact id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.contact.load(id),
  }),
  contacts: t.field({
    type: ContactConnection,
    description: 'Contacts of the location, newest first, optionally matching a search text. GHL: `search-contacts-advanced` (POST /contacts/search).',
    args: {
      first: t.arg.int({ description: 'Page size, 1 to 100. Default 20.' }),
      after: t.arg.string({ description: 'Cursor from `pageInfo.endCursor` of the previous page.' }),
      query: t.arg.string({ description: 'Text matched against name, email and phone.' }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = pageSize(args.first, { defaultSize: 20, maxSize: 100 });
      const position = args.after ? decodeCursor(args.after) : null;
      const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
      const body: ContactSearchBody = {
        locationId: ctx.credential.locationId,
        pageLimit: limit,
        ...(args.query ? { query: args.query } : {}),
        ...(Array.isArray(position?.['sa']) ? { searchAfter: position['sa'] as (string | number)[] } : {}),
      };
      const result = await ctx.loaders.contactSearch.load(body);
      const edges = result.contacts.map((node, i) => ({
        node,
        cursor: encodeCursor({ sa: node.searchAfter ?? [], o: offset + i + 1 }),
      }));
      return {
        edges,
        totalCount: result.total,
        pageInfo: {
          hasNextPage: offset + edges.length < result.total && edges.length === limit,
          hasPreviousPage: offset > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  }),
}));

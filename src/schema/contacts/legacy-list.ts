import { builder } from '../builder.js';
import { badUserInput } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs, pageOf, pageSize } from '../shared/pagination.js';
import { cursorPosition, listFingerprint } from './offset-paging.js';
import { ContactConnection } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 20, maxSize: 100 };

/**
 * `GET /contacts/` is deprecated in the spec in favour of advanced search; it stays reachable,
 * marked deprecated. Its own position is a pair (`startAfter` = dateAdded in ms, `startAfterId`),
 * kept inside the opaque cursor.
 */
builder.queryField('contactList', (t) =>
  t.field({
    ...traced('Contacts of the location, newest first, through GHL\'s older list endpoint.', 'GET /contacts/'),
    type: ContactConnection,
    deprecationReason: 'GHL deprecated GET /contacts/. Use `contacts`, which also filters and sorts.',
    args: {
      ...pageArgs(t.arg, PAGE),
      query: t.arg.string({ description: 'Text matched against name, email and phone.' }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = pageSize(args.first, PAGE);
      const fingerprint = listFingerprint({ list: 'legacy', query: args.query ?? null });
      const position = cursorPosition(args.after, fingerprint);
      const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
      const startAfter = position?.['sa'];
      const startAfterId = position?.['si'];
      if (position && (typeof startAfter !== 'number' || typeof startAfterId !== 'string')) {
        throw badUserInput('The `after` cursor is not one this gateway issued.', { argument: 'after' });
      }
      const page = await ctx.loaders.contactListLegacy.load({
        limit,
        ...(args.query ? { query: args.query } : {}),
        ...(position ? { startAfter: startAfter as number, startAfterId: startAfterId as string } : {}),
      });
      const last = page.contacts.at(-1)?.id;
      const contacts = position && last === startAfterId ? [] : page.contacts;
      return pageOf(contacts, (node, i) => ({ sa: node.dateAdded ? Date.parse(node.dateAdded) : 0, si: node.id, o: offset + i + 1, k: fingerprint }), {
        hasNextPage: contacts.length === limit && offset + contacts.length < page.count,
        hasPreviousPage: offset > 0,
        totalCount: page.count,
      });
    },
  }),
);

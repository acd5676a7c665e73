import type { ContactSearchBody } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';
import { badUserInput } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs, pageOf, pageSize } from '../shared/pagination.js';
import { prefetchChildren } from '../shared/prefetch.js';
import { email as emailCheck } from '../shared/validate.js';
import { cursorPosition, listFingerprint } from './offset-paging.js';
import { ContactFilterInput, ContactSortInput, searchFilters, searchSort } from './search-input.js';
import { Contact, ContactConnection } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 20, maxSize: 100 };

builder.queryFields((t) => ({
  contact: t.field({
    ...traced('One contact by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /contacts/{contactId}'),
    type: Contact,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's contact id." }) },
    resolve: (_root, { id }, ctx, info) => {
      prefetchChildren('Contact', id, ctx, info);
      return ctx.loaders.contact.read(id);
    },
  }),
  contacts: t.field({
    ...traced('Contacts of the location, newest first unless `sort` says otherwise, optionally matching a search text and a filter.', 'POST /contacts/search'),
    type: ContactConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
      query: t.arg.string({ description: 'Text matched against name, email and phone.' }),
      filter: t.arg({ type: ContactFilterInput, description: 'Conditions every contact returned meets.' }),
      sort: t.arg({ type: [ContactSortInput], description: 'Sort keys, most significant first (at most 3). Default: newest first.' }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = pageSize(args.first, PAGE);
      const filters = searchFilters(args.filter);
      const sort = searchSort(args.sort);
      const fingerprint = listFingerprint({ query: args.query ?? null, filters, sort });
      const position = cursorPosition(args.after, fingerprint);
      const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
      const body: ContactSearchBody = {
        locationId: ctx.credential.locationId,
        pageLimit: limit,
        ...(args.query ? { query: args.query } : {}),
        ...(filters.length ? { filters } : {}),
        ...(sort.length ? { sort } : {}),
        ...(Array.isArray(position?.['sa']) ? { searchAfter: position['sa'] as (string | number)[] } : {}),
      };
      const result = await ctx.loaders.contactSearch.load(body);
      const last = result.contacts.at(-1)?.id;
      // A page ending on the same contact as the previous one means the position did not move.
      const contacts = position && last === position['l'] ? [] : result.contacts;
      return pageOf(contacts, (node, i) => ({ sa: node.searchAfter ?? [], o: offset + i + 1, l: last, k: fingerprint }), {
        hasNextPage: offset + contacts.length < result.total && contacts.length === limit,
        hasPreviousPage: offset > 0,
        totalCount: result.total,
      });
    },
  }),
  contactDuplicate: t.field({
    ...traced(
      'The contact GHL would treat as a duplicate of this email or phone (email is checked first); null when there is none. Use it before creating a contact.',
      'GET /contacts/search/duplicate',
    ),
    type: Contact,
    nullable: true,
    args: {
      email: t.arg.string({ description: 'Email address to check.' }),
      phone: t.arg.string({ description: 'Phone number to check; GHL compares digits only.' }),
    },
    resolve: async (_root, args, ctx) => {
      const email = args.email?.trim() || undefined;
      const phone = args.phone?.trim() || undefined;
      if (!email && !phone) throw badUserInput('Give `email` or `phone`.', { argument: 'email' });
      const bad = emailCheck(['email'], email);
      if (bad) throw badUserInput(bad.message, { argument: 'email' });
      const found = await ctx.loaders.contactDuplicate.load({ ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
      if (found) ctx.loaders.contact.prime(found.id, found);
      return found;
    },
  }),
}));

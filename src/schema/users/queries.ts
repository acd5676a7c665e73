import type { GhlUser } from '../../ghl/endpoints/users.js';
import { builder } from '../builder.js';
import { agencyCompanyId, callerCompanyId, requireAgency } from '../companies/agency.js';
import { badUserInput } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { offsetConnection, sliceConnection } from '../locations/slice.js';
import { pageArgs } from '../shared/pagination.js';
import { User, UserConnection, UserRole, UserType } from './types.js';

const PAGE = { defaultSize: 25, maxSize: 100 };

builder.queryFields((t) => ({
  user: t.field({
    ...traced('One user by id; null with a NOT_FOUND error when it does not exist (or was deleted).', 'GET /users/{userId}'),
    type: User,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's user id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.user.read(id),
  }),
  users: t.field({
    ...traced(
      "Users of the caller's location, oldest first, optionally matching a text, a role or a type. The company id GHL requires comes from the agency credential or the location record.",
      'GET /users/search',
      'GET /locations/{locationId}',
    ),
    type: UserConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
      query: t.arg.string({ description: 'Text matched against name, email and phone.' }),
      role: t.arg({ type: UserRole, description: 'Only users with this role.' }),
      type: t.arg({ type: UserType, description: 'Only users of this type.' }),
    },
    resolve: async (_root, args, ctx) => {
      const companyId = await callerCompanyId(ctx);
      return offsetConnection<GhlUser>(args, PAGE, (u) => u.id, async ({ skip, limit }) => {
        const result = await ctx.loaders.userSearch.load({
          companyId,
          locationId: ctx.credential.locationId,
          skip,
          limit,
          ...(args.query ? { query: args.query } : {}),
          ...(args.role ? { role: args.role } : {}),
          ...(args.type ? { type: args.type } : {}),
        });
        return { nodes: result.users, total: result.count };
      });
    },
  }),
  usersByEmail: t.field({
    ...traced("Users of the agency with these email addresses, across all its locations. Needs an agency installation.", 'POST /users/search/filter-by-email'),
    type: UserConnection,
    nullable: true,
    args: {
      emails: t.arg.stringList({ required: true, description: 'Email addresses, matched whole and ignoring case; 1 to 100.' }),
      deleted: t.arg.boolean({ description: 'True for deleted users only. Default false.' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, args, ctx) => {
      requireAgency(ctx);
      const emails = [...new Set(args.emails.map((e) => e.trim()).filter(Boolean))];
      if (emails.length === 0 || emails.length > 100) throw badUserInput('`emails` must hold 1 to 100 addresses.', { argument: 'emails' });
      const companyId = agencyCompanyId(ctx);
      return offsetConnection<GhlUser>(args, PAGE, (u) => u.id, async ({ skip, limit }) => {
        const result = await ctx.loaders.userByEmail.load({ companyId, emails, skip, limit, ...(args.deleted ? { deleted: true } : {}) });
        return { nodes: result.users, total: result.count };
      });
    },
  }),
  locationUsers: t.field({
    ...traced("Every user of the caller's location, from GHL's deprecated unpaged list.", 'GET /users/'),
    deprecationReason: 'GHL deprecated `GET /users/`; use `users`, which pages through its user search.',
    type: UserConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, args, ctx) => sliceConnection(await ctx.loaders.locationUsers.load(ctx.credential.locationId), args, PAGE),
  }),
}));

import { operation } from '../operations.js';
import type { UserWriteBody, WireUserPermissions } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** `PermissionsDto` of apps/users.json: feature switches, every one a boolean. */
export type GhlUserPermissions = WireUserPermissions;

/** `RoleSchema`: note GHL sends one object (`roles`), not a list. */
export interface GhlUserRoles {
  type?: string;
  role?: string;
  locationIds?: string[];
  restrictSubAccount?: boolean;
}

/** `UserSchema` / `UserSuccessfulResponseDto`. */
export interface GhlUser {
  id: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  extension?: string;
  permissions?: GhlUserPermissions;
  /** The spec types it as one scope string; GHL is seen sending lists too. */
  scopes?: string | string[];
  roles?: GhlUserRoles;
  deleted?: boolean;
  /** LC Phone inbound numbers by location id. */
  lcPhone?: Record<string, string>;
  platformLanguage?: string;
}

export interface UserSearchParams {
  companyId: string;
  skip: number;
  limit: number;
  query?: string;
  locationId?: string;
  type?: string;
  role?: string;
  /** User ids to keep. */
  ids?: string[];
  sort?: string;
  sortDirection?: 'asc' | 'desc';
}

export interface UserSearchResult {
  users: GhlUser[];
  count: number;
}

export interface UsersByEmailParams {
  companyId: string;
  emails: string[];
  deleted?: boolean;
  skip: number;
  limit: number;
}

/** `CreateUserDto` / `UpdateUserDto` (src/ghl/openapi/wire.ts). The password is sent and never kept. */
export type { UserWriteBody };

export interface UserDeleteResult {
  succeded: boolean;
  message?: string;
}

const ops = {
  search: operation('GET /users/search'),
  filterByEmail: operation('POST /users/search/filter-by-email'),
  get: operation('GET /users/{userId}'),
  byLocation: operation('GET /users/'),
  create: operation('POST /users/'),
  update: operation('PUT /users/{userId}'),
  delete: operation('DELETE /users/{userId}'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

/** `GET /users/search`: skip/limit paging, both as strings; `count` is the number of matches. */
export async function searchUsers(ctx: GhlCallContext, p: UserSearchParams): Promise<UserSearchResult> {
  const res = await ctx.client.call<UserSearchResult>(ops.search, ctx.credential, {
    ...call(ctx),
    query: {
      companyId: p.companyId,
      skip: String(p.skip),
      limit: String(p.limit),
      query: p.query,
      locationId: p.locationId,
      type: p.type,
      role: p.role,
      ids: p.ids?.join(','),
      sort: p.sort,
      sortDirection: p.sortDirection,
    },
  });
  return { users: res.data.users ?? [], count: res.data.count ?? 0 };
}

/** Agency-only. Emails go comma-separated in one string, as `FilterByEmailDto` wants. */
export async function filterUsersByEmail(ctx: GhlCallContext, p: UsersByEmailParams): Promise<UserSearchResult> {
  const res = await ctx.client.call<UserSearchResult>(ops.filterByEmail, ctx.credential, {
    ...call(ctx),
    body: { companyId: p.companyId, emails: p.emails.join(','), skip: String(p.skip), limit: String(p.limit), ...(p.deleted === undefined ? {} : { deleted: p.deleted }) },
  });
  return { users: res.data.users ?? [], count: res.data.count ?? 0 };
}

export async function getUser(ctx: GhlCallContext, userId: string): Promise<GhlUser> {
  const res = await ctx.client.call<GhlUser>(ops.get, ctx.credential, { ...call(ctx), pathParams: { userId } });
  return res.data;
}

/** Deprecated `GET /users/` (use `searchUsers`): every user of one location, unpaged. */
export async function getLocationUsers(ctx: GhlCallContext, locationId: string): Promise<GhlUser[]> {
  const res = await ctx.client.call<{ users: GhlUser[] }>(ops.byLocation, ctx.credential, { ...call(ctx), query: { locationId } });
  return res.data.users ?? [];
}

export async function createUser(ctx: GhlCallContext, body: UserWriteBody & Required<Pick<UserWriteBody, 'companyId' | 'firstName' | 'lastName' | 'email' | 'password' | 'type' | 'role' | 'locationIds'>>): Promise<GhlUser> {
  const res = await ctx.client.call<GhlUser>(ops.create, ctx.credential, { ...call(ctx), body });
  return res.data;
}

export async function updateUser(ctx: GhlCallContext, userId: string, body: UserWriteBody): Promise<GhlUser> {
  const res = await ctx.client.call<GhlUser>(ops.update, ctx.credential, { ...call(ctx), pathParams: { userId }, body });
  return res.data;
}

export async function deleteUser(ctx: GhlCallContext, userId: string): Promise<UserDeleteResult> {
  const res = await ctx.client.call<UserDeleteResult>(ops.delete, ctx.credential, { ...call(ctx), pathParams: { userId } });
  return res.data;
}

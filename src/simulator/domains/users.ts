import type { UserWriteBody } from '../../ghl/openapi/wire.js';
import { badRequest, forbiddenCompany, forbiddenLocation, unprocessable } from '../errors.js';
import type { RequestContext } from '../routes/types.js';
import { assertOwnCompany, oneOfParam, tokenOf } from './companies-access.js';
import { intInRange } from '../params.js';
import type { SimulatorDomain } from './types.js';
import { USER_ROLES, USER_TYPES, listedUserDto, permissionDefaults, reachableUser, userDto, usersState, type UserRecord } from './users-state.js';

/**
 * apps/users.json. Get, create and update answer a bare user; the searches `{users[], count}`;
 * the deprecated `GET /users/` `{users[]}`; delete `{succeded, message}` (sic). A Location token
 * sees and manages the users of its own location only; a Company token those of its agency.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_LIMIT = 100;
const SORT_FIELDS = ['dateAdded', 'firstName', 'lastName', 'email'] as const;
const MIN_PASSWORD = 8;

/** Checks the class-validator decorators of `CreateUserDto`/`UpdateUserDto` would make beyond the spec's types. */
function fieldErrors(body: UserWriteBody): string[] {
  const errors: string[] = [];
  if (body.firstName !== undefined && !body.firstName.trim()) errors.push('firstName should not be empty');
  if (body.lastName !== undefined && !body.lastName.trim()) errors.push('lastName should not be empty');
  if (body.email !== undefined && !EMAIL.test(body.email)) errors.push('email must be an email');
  if (body.password !== undefined && body.password.length < MIN_PASSWORD) errors.push(`password must be longer than or equal to ${MIN_PASSWORD} characters`);
  if (body.type !== undefined && !(USER_TYPES as readonly string[]).includes(body.type)) errors.push(`type must be one of the following values: ${USER_TYPES.join(', ')}`);
  if (body.role !== undefined && !(USER_ROLES as readonly string[]).includes(body.role)) errors.push(`role must be one of the following values: ${USER_ROLES.join(', ')}`);
  return errors;
}

/**
 * Which locations the token may give a user. A Location token only its own (plus, on update, the
 * ones the user already has, so it cannot strip them by accident); a Company token any location of
 * its agency.
 */
function checkLocations(ctx: RequestContext, ids: readonly string[], kept: readonly string[] = []): void {
  const token = tokenOf(ctx);
  for (const id of ids) {
    if (token.locationId !== null) {
      if (id !== token.locationId && !kept.includes(id)) throw forbiddenLocation();
      continue;
    }
    const location = ctx.store.locations.get(id);
    if (!location) throw badRequest(`Location ${id} not found`);
    if (location.companyId !== token.companyId) throw forbiddenCompany();
  }
}

function emailTaken(ctx: RequestContext, companyId: string, email: string, exceptId?: string): void {
  if (usersState(ctx.store).byEmail(companyId, email, exceptId)) throw badRequest('email already exists for another user of this company');
}

export const usersDomain: SimulatorDomain = {
  name: 'users',
  routes: {
    'GET /users/search': (ctx) => {
      const q = ctx.query;
      const token = tokenOf(ctx);
      assertOwnCompany(ctx, q['companyId']);
      const skip = intInRange(q['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = intInRange(q['limit'], 'limit', 25, 1, MAX_LIMIT);
      const sort = oneOfParam(q['sort'], 'sort', SORT_FIELDS, 'dateAdded');
      const direction = oneOfParam(q['sortDirection'], 'sortDirection', ['asc', 'desc'] as const, 'asc');
      const text = typeof q['query'] === 'string' ? q['query'].trim().toLowerCase() : '';
      const ids = typeof q['ids'] === 'string' && q['ids'] ? new Set(q['ids'].split(',').map((s) => s.trim())) : null;
      // A Location token sees its own location's users; `locationId` narrows a Company token's view.
      const location = token.locationId ?? (typeof q['locationId'] === 'string' ? q['locationId'] : null);
      const matches = usersState(ctx.store)
        .ofCompany(token.companyId)
        .filter((u) => {
          if (u.deleted) return false;
          if (location && !u.locationIds.includes(location)) return false;
          if (text && ![`${u.firstName} ${u.lastName}`, u.email, u.phone ?? ''].some((v) => v.toLowerCase().includes(text))) return false;
          if (typeof q['type'] === 'string' && q['type'] && u.type !== q['type']) return false;
          if (typeof q['role'] === 'string' && q['role'] && u.role !== q['role']) return false;
          return !ids || ids.has(u.id);
        })
        .sort((a, b) => (direction === 'asc' ? 1 : -1) * (a[sort].toLowerCase().localeCompare(b[sort].toLowerCase()) || a.id.localeCompare(b.id)));
      return { status: 200, body: { users: matches.slice(skip, skip + limit).map(listedUserDto), count: matches.length } };
    },

    /** Emails are matched whole and case-insensitively; `deleted: true` asks for deleted users only. */
    'POST /users/search/filter-by-email': (ctx) => {
      const body = ctx.body as { companyId: string; emails: string; deleted?: boolean; skip?: string; limit?: string };
      const token = tokenOf(ctx);
      assertOwnCompany(ctx, body.companyId);
      const skip = intInRange(body.skip, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = intInRange(body.limit, 'limit', 25, 1, MAX_LIMIT);
      const emails = new Set(body.emails.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean));
      if (emails.size === 0) throw unprocessable(['emails should not be empty']);
      const deleted = body.deleted === true;
      const matches = usersState(ctx.store)
        .ofCompany(token.companyId)
        .filter((u) => u.deleted === deleted && emails.has(u.email.toLowerCase()));
      return { status: 200, body: { users: matches.slice(skip, skip + limit).map(listedUserDto), count: matches.length } };
    },

    'GET /users/{userId}': (ctx) => ({ status: 200, body: userDto(reachableUser(ctx, ctx.params['userId'] as string)) }),

    /** Deprecated: the users of one location (the pipeline has checked it is the token's). */
    'GET /users/': (ctx) => {
      const locationId = ctx.query['locationId'] as string;
      const users = usersState(ctx.store)
        .ofCompany(tokenOf(ctx).companyId)
        .filter((u) => !u.deleted && u.locationIds.includes(locationId));
      return { status: 200, body: { users: users.map(listedUserDto) } };
    },

    'POST /users/': (ctx) => {
      const body = ctx.body as Required<Pick<UserWriteBody, 'companyId' | 'firstName' | 'lastName' | 'email' | 'password' | 'type' | 'role' | 'locationIds'>> & UserWriteBody;
      const token = tokenOf(ctx);
      assertOwnCompany(ctx, body.companyId);
      const errors = fieldErrors(body);
      if (body.type === 'account' && body.locationIds.length === 0) errors.push('locationIds should not be empty');
      if (errors.length) throw unprocessable(errors);
      if (token.locationId !== null && body.type === 'agency') throw forbiddenCompany();
      checkLocations(ctx, body.locationIds);
      emailTaken(ctx, token.companyId, body.email);
      const now = ctx.store.nowIso();
      // The password is checked and dropped: the simulator never stores or echoes it.
      const user: UserRecord = {
        id: ctx.store.newId(),
        companyId: token.companyId,
        firstName: body.firstName.trim(),
        lastName: body.lastName.trim(),
        email: body.email.trim(),
        ...(body.phone ? { phone: body.phone } : {}),
        type: body.type as UserRecord['type'],
        role: body.role as UserRecord['role'],
        locationIds: [...new Set(body.locationIds)],
        permissions: { ...permissionDefaults(), ...body.permissions },
        scopes: body.scopes ?? [],
        scopesAssignedToOnly: body.scopesAssignedToOnly ?? [],
        ...(body.platformLanguage ? { platformLanguage: body.platformLanguage } : {}),
        ...(body.profilePhoto ? { profilePhoto: body.profilePhoto } : {}),
        deleted: false,
        dateAdded: now,
        dateUpdated: now,
      };
      return { status: 201, body: userDto(usersState(ctx.store).insert(user)) };
    },

    /** Partial: fields left out stay. `permissions` merge; `locationIds` replace. Email changes are refused, as the spec says. */
    'PUT /users/{userId}': (ctx) => {
      const user = reachableUser(ctx, ctx.params['userId'] as string);
      const body = ctx.body as UserWriteBody;
      assertOwnCompany(ctx, body.companyId);
      const errors = fieldErrors(body);
      if (errors.length) throw unprocessable(errors);
      if (body.email !== undefined && body.email.toLowerCase() !== user.email.toLowerCase()) throw badRequest('Email update is no longer supported');
      if (tokenOf(ctx).locationId !== null && body.type === 'agency' && user.type !== 'agency') throw forbiddenCompany();
      if (body.locationIds) checkLocations(ctx, body.locationIds, user.locationIds);
      const updated = usersState(ctx.store).update(user, {
        firstName: body.firstName?.trim(),
        lastName: body.lastName?.trim(),
        phone: body.phone,
        type: body.type as UserRecord['type'] | undefined,
        role: body.role as UserRecord['role'] | undefined,
        locationIds: body.locationIds ? [...new Set(body.locationIds)] : undefined,
        permissions: body.permissions ? { ...user.permissions, ...body.permissions } : undefined,
        scopes: body.scopes,
        scopesAssignedToOnly: body.scopesAssignedToOnly,
        platformLanguage: body.platformLanguage,
        profilePhoto: body.profilePhoto,
      });
      return { status: 200, body: userDto(updated) };
    },

    'DELETE /users/{userId}': (ctx) => {
      const user = reachableUser(ctx, ctx.params['userId'] as string);
      usersState(ctx.store).softDelete(user);
      return { status: 200, body: { succeded: true, message: `Queued deleting user with e-mail ${user.email} and name ${user.firstName} ${user.lastName}` } };
    },
  },

  /**
   * The users the core seed already refers to: each location's `userIds` (contacts' `assignedTo`,
   * tasks' `assignedTo`, notes' `userId`, appointments) become sub-account users, the first an
   * admin (the owner the location's tokens act for); the agency admin becomes an agency user.
   */
  seed({ store, locations, random, baseMs }) {
    const state = usersState(store);
    const iso = (ms: number) => new Date(ms).toISOString();
    const defaultsNow = permissionDefaults();
    for (const [companyId, company] of store.companies) {
      const companyLocations = store.companyLocations(companyId).map((l) => l.id);
      state.insert({
        id: company.adminUserId,
        companyId,
        firstName: 'Avery',
        lastName: 'Agency',
        email: `admin@${slug(company.name)}.example.com`,
        phone: '+14155550100',
        type: 'agency',
        role: 'admin',
        locationIds: companyLocations,
        permissions: { ...defaultsNow },
        scopes: [],
        scopesAssignedToOnly: [],
        platformLanguage: 'en_US',
        deleted: false,
        dateAdded: iso(baseMs - 1000 * DAY),
        dateUpdated: iso(baseMs - 1000 * DAY),
      });
    }
    for (const seeded of locations) {
      const location = store.locations.get(seeded.id);
      if (!location) continue;
      location.userIds.forEach((id, k) => {
        const firstName = random.pick(FIRST_NAMES);
        const lastName = random.pick(LAST_NAMES);
        const added = baseMs - random.between(30, 900) * DAY;
        const phone = `+1${random.pick(['212', '312', '415', '512'])}555${String(random.between(1000, 9999))}`;
        state.insert({
          id,
          companyId: location.companyId,
          firstName,
          lastName,
          email: `${firstName}.${lastName}${k}@${slug(location.name)}.example.com`.toLowerCase(),
          phone,
          type: 'account',
          role: k === 0 ? 'admin' : 'user',
          locationIds: [location.id],
          // Non-admins only see what is assigned to them, a common sub-account setup.
          permissions: { ...defaultsNow, assignedDataOnly: k !== 0 },
          scopes: [],
          scopesAssignedToOnly: [],
          ...(k === 0 ? { lcPhone: { [location.id]: phone } } : {}),
          platformLanguage: random.pick(['en_US', 'en_US', 'es', 'fr_CA']),
          deleted: false,
          dateAdded: iso(added),
          dateUpdated: iso(added + random.int(20) * DAY),
        });
      });
    }
  },
};

const DAY = 86_400_000;
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');
const FIRST_NAMES = ['Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Quinn', 'Devon', 'Harper', 'Rowan', 'Sasha', 'Kai', 'Elliot'];
const LAST_NAMES = ['Reyes', 'Okoro', 'Lindqvist', 'Marsh', 'Bianchi', 'Tran', 'Castillo', 'Haddad', 'Fischer', 'Nakamura'];

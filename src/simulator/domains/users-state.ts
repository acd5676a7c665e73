import { readFileSync } from 'node:fs';
import { forbiddenCompany, forbiddenLocation, notFound } from '../errors.js';
import type { RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import { tokenOf } from './companies-access.js';
import { withoutUndefined } from '../../lib/objects.js';

/** What the simulator keeps about a GHL user (`UserSchema` of apps/users.json, plus bookkeeping). */
export interface UserRecord {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  extension?: string;
  /** `account`: a sub-account user; `agency`: an agency user. */
  type: 'account' | 'agency';
  role: 'admin' | 'user';
  locationIds: string[];
  permissions: Record<string, boolean>;
  scopes: string[];
  scopesAssignedToOnly: string[];
  platformLanguage?: string;
  profilePhoto?: string;
  /** LC Phone inbound numbers by location id (`lcPhone`). */
  lcPhone?: Record<string, string>;
  /** Soft delete: `DELETE /users/{id}` "queues" the deletion; only filter-by-email still sees the user. */
  deleted: boolean;
  dateAdded: string;
  dateUpdated: string;
}

export const USER_TYPES = ['account', 'agency'] as const;
export const USER_ROLES = ['admin', 'user'] as const;

let defaults: Readonly<Record<string, boolean>> | null = null;

/** `PermissionsDto` defaults, read from the spec so they cannot drift from it. */
export function permissionDefaults(): Readonly<Record<string, boolean>> {
  if (!defaults) {
    const spec = JSON.parse(readFileSync(new URL('../../ghl/openapi/apps/users.json', import.meta.url), 'utf8')) as {
      components: { schemas: { PermissionsDto: { properties: Record<string, { default?: boolean }> } } };
    };
    defaults = Object.fromEntries(Object.entries(spec.components.schemas.PermissionsDto.properties).map(([k, v]) => [k, v.default ?? false]));
  }
  return defaults;
}

export class UsersState {
  private readonly byId = new Map<string, UserRecord>();

  constructor(private readonly store: SimulatorStore) {}

  insert(user: UserRecord): UserRecord {
    if (this.byId.has(user.id)) throw new Error(`Duplicate user id ${user.id}`);
    this.byId.set(user.id, user);
    this.syncMembership(user, []);
    return user;
  }

  get(id: string): UserRecord | undefined {
    return this.byId.get(id);
  }

  /** Every user of a company (deleted ones too), by `dateAdded`, then id. */
  ofCompany(companyId: string): UserRecord[] {
    return [...this.byId.values()].filter((u) => u.companyId === companyId).sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
  }

  /** An active user of the company with this email (case-insensitive), other than `exceptId`. */
  byEmail(companyId: string, email: string, exceptId?: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    return [...this.byId.values()].find((u) => u.companyId === companyId && !u.deleted && u.id !== exceptId && u.email.toLowerCase() === wanted);
  }

  update(user: UserRecord, patch: Partial<Omit<UserRecord, 'id' | 'companyId' | 'dateAdded'>>): UserRecord {
    const before = [...user.locationIds];
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (user as unknown as Record<string, unknown>)[k] = v;
    user.dateUpdated = this.store.nowIso();
    this.syncMembership(user, before);
    return user;
  }

  softDelete(user: UserRecord): void {
    user.deleted = true;
    user.dateUpdated = this.store.nowIso();
    this.syncMembership(user, user.locationIds);
  }

  /** Keeps each location's `userIds` (what the core seed assigns contacts from) in step with the user's `locationIds`. */
  private syncMembership(user: UserRecord, before: readonly string[]): void {
    if (user.type !== 'account') return;
    const now = user.deleted ? [] : user.locationIds;
    for (const id of before) {
      const location = this.store.locations.get(id);
      if (location && !now.includes(id)) location.userIds = location.userIds.filter((u) => u !== user.id);
    }
    for (const id of now) {
      const location = this.store.locations.get(id);
      if (location && !location.userIds.includes(user.id)) location.userIds.push(user.id);
    }
  }
}

export const usersState = (store: SimulatorStore): UsersState => store.domainState('users', () => new UsersState(store));

/**
 * A user the token may act on: 404 when unknown or deleted; 403 when it belongs to another company
 * (Company token) or is not a user of the token's location (Location token), as B2 does for records.
 */
export function reachableUser(ctx: RequestContext, id: string): UserRecord {
  const user = usersState(ctx.store).get(id);
  if (!user || user.deleted) throw notFound('User not found');
  const token = tokenOf(ctx);
  if (user.companyId !== token.companyId) throw forbiddenCompany();
  if (token.locationId !== null && !user.locationIds.includes(token.locationId)) throw forbiddenLocation();
  return user;
}

const fullName = (u: UserRecord): string => [u.firstName, u.lastName].filter(Boolean).join(' ');

/** `UserSuccessfulResponseDto`: what get, create and update return (bare, no envelope). */
export function userDto(u: UserRecord): Record<string, unknown> {
  return withoutUndefined({
    id: u.id,
    name: fullName(u),
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    phone: u.phone,
    extension: u.extension ?? '',
    permissions: { ...u.permissions },
    roles: { type: u.type, role: u.role, locationIds: [...u.locationIds], restrictSubAccount: u.type === 'account' },
    lcPhone: u.lcPhone ? { ...u.lcPhone } : undefined,
    platformLanguage: u.platformLanguage,
  });
}

/** `UserSchema`: the items of the search responses, which also carry `deleted`. */
export function listedUserDto(u: UserRecord): Record<string, unknown> {
  return { ...userDto(u), deleted: u.deleted };
}

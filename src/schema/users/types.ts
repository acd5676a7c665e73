import type { GhlUser } from '../../ghl/endpoints/users.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';
import { UserPermissions } from './permissions.js';

export const UserType = describedEnum('UserType', 'Where a user works.', {
  ACCOUNT: ['account', 'A sub-account user, working in one or more locations.'],
  AGENCY: ['agency', 'An agency user, working across the agency.'],
});

export const UserRole = describedEnum('UserRole', "A user's role where they work.", {
  ADMIN: ['admin', 'Administers the sub-account or agency.'],
  USER: ['user', 'Works in it, with the permissions set on the user.'],
});

export const PlatformLanguage = describedEnum('PlatformLanguage', 'Language of the GHL interface for a user.', {
  EN_US: ['en_US', 'English (United States).'],
  ES: ['es', 'Spanish.'],
  FR_CA: ['fr_CA', 'French (Canada).'],
  FR_FR: ['fr_FR', 'French (France).'],
  NL: ['nl', 'Dutch.'],
  DE: ['de', 'German.'],
  PT_PT: ['pt_PT', 'Portuguese (Portugal).'],
  PT_BR: ['pt_BR', 'Portuguese (Brazil).'],
  IT: ['it', 'Italian.'],
  SV: ['sv', 'Swedish.'],
  DA: ['da', 'Danish.'],
  FI: ['fi', 'Finnish.'],
  NO: ['no', 'Norwegian.'],
});

type TypeValue = 'account' | 'agency';
type RoleValue = 'admin' | 'user';
type LanguageValue = 'en_US' | 'es' | 'fr_CA' | 'fr_FR' | 'nl' | 'de' | 'pt_PT' | 'pt_BR' | 'it' | 'sv' | 'da' | 'fi' | 'no';
const TYPES: readonly string[] = ['account', 'agency'];
const ROLES: readonly string[] = ['admin', 'user'];
const LANGUAGES: readonly string[] = ['en_US', 'es', 'fr_CA', 'fr_FR', 'nl', 'de', 'pt_PT', 'pt_BR', 'it', 'sv', 'da', 'fi', 'no'];

/** A value GHL sends outside the closed set becomes null rather than an error for the whole user. */
const known = <T extends string>(set: readonly string[], v: string | undefined): T | null => (v !== undefined && set.includes(v) ? (v as T) : null);

export const UserPhoneNumber = builder.objectRef<{ locationId: string; phone: string }>('UserPhoneNumber').implement({
  description: "A user's inbound LC Phone number in one location.",
  fields: (t) => ({
    locationId: t.exposeID('locationId', { description: 'Id of the location the number rings in.' }),
    phone: t.exposeString('phone', { description: 'The phone number.' }),
  }),
});

const text = (key: 'firstName' | 'lastName' | 'email' | 'phone' | 'extension') => (u: GhlUser) => u[key] || null;

export const User = builder.objectRef<GhlUser>('User').implement({
  description: 'A person who works in GHL: a sub-account user or an agency user.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's user id (what contacts' `assignedTo` and notes' `userId` refer to)." }),
    name: t.string({ nullable: true, description: "Full name: GHL's `name`, or first and last name joined.", resolve: (u) => u.name || [u.firstName, u.lastName].filter(Boolean).join(' ') || null }),
    firstName: t.string({ nullable: true, description: 'First name.', resolve: text('firstName') }),
    lastName: t.string({ nullable: true, description: 'Last name.', resolve: text('lastName') }),
    email: t.string({ nullable: true, description: 'Email address (also the login).', resolve: text('email') }),
    phone: t.string({ nullable: true, description: 'Phone number.', resolve: text('phone') }),
    extension: t.string({ nullable: true, description: 'Phone extension.', resolve: text('extension') }),
    type: t.field({ type: UserType, nullable: true, description: 'Sub-account or agency user.', resolve: (u) => known<TypeValue>(TYPES, u.roles?.type) }),
    role: t.field({ type: UserRole, nullable: true, description: 'Admin or plain user.', resolve: (u) => known<RoleValue>(ROLES, u.roles?.role) }),
    locationIds: t.idList({ description: 'Ids of the locations the user works in.', resolve: (u) => u.roles?.locationIds ?? [] }),
    restrictedToLocations: t.boolean({ nullable: true, description: 'Whether the user is limited to the locations listed (GHL `restrictSubAccount`).', resolve: (u) => u.roles?.restrictSubAccount ?? null }),
    permissions: t.field({ type: UserPermissions, description: 'What the user may do.', resolve: (u) => u.permissions ?? {} }),
    scopes: t.stringList({ description: 'API scopes enabled for the user; empty means all that the role allows.', resolve: (u) => (Array.isArray(u.scopes) ? u.scopes : u.scopes ? [u.scopes] : []) }),
    platformLanguage: t.field({ type: PlatformLanguage, nullable: true, description: 'Language of the GHL interface.', resolve: (u) => known<LanguageValue>(LANGUAGES, u.platformLanguage) }),
    inboundPhoneNumbers: t.field({
      type: [UserPhoneNumber],
      description: 'LC Phone numbers that ring this user, per location.',
      resolve: (u) => Object.entries(u.lcPhone ?? {}).map(([locationId, phone]) => ({ locationId, phone })),
    }),
    deleted: t.boolean({ nullable: true, description: 'Whether the user is deleted; only searches by email can return deleted users.', resolve: (u) => u.deleted ?? null }),
  }),
});

export const UserConnection = connectionType(User, 'User', 'user');

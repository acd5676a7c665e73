import type { UserWriteBody } from '../../ghl/endpoints/users.js';
import { createUser, deleteUser, updateUser } from '../../ghl/endpoints/users.js';
import { builder, type BuilderTypes } from '../builder.js';
import { callerCompanyId } from '../companies/agency.js';
import type { UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, email, nonBlank, nonEmptyList, phone } from '../shared/validate.js';
import { permissionsBody, UserPermissionsInput } from './permissions.js';
import { PlatformLanguage, User, UserRole, UserType } from './types.js';

/**
 * User writes, with the caller's location credential (GHL also takes an agency's). Passwords go to
 * GHL and nowhere else: they are never echoed in errors, logged or cached.
 */

const USER_INPUT_FIELDS = ['firstName', 'lastName', 'email', 'password', 'phone', 'type', 'role', 'locationIds', 'permissions', 'scopes', 'platformLanguage'] as const;
const MIN_PASSWORD = 8;
const PASSWORD_DESCRIPTION = `Login password, at least ${MIN_PASSWORD} characters. Sent to GHL only; never returned.`;
/** Every list a user write can change. */
const USER_LISTS = ['userSearch', 'userByEmail', 'locationUsers'] as const;

type Language = 'en_US' | 'es' | 'fr_CA' | 'fr_FR' | 'nl' | 'de' | 'pt_PT' | 'pt_BR' | 'it' | 'sv' | 'da' | 'fi' | 'no';

interface UserFieldsInput {
  firstName?: string | null;
  lastName?: string | null;
  password?: string | null;
  phone?: string | null;
  type?: 'account' | 'agency' | null;
  role?: 'admin' | 'user' | null;
  locationIds?: string[] | null;
  permissions?: Parameters<typeof permissionsBody>[0];
  scopes?: string[] | null;
  platformLanguage?: Language | null;
}

function userInputFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, forCreate: boolean) {
  return {
    firstName: t.string({ description: 'First name.' }),
    lastName: t.string({ description: 'Last name.' }),
    password: t.string({ description: PASSWORD_DESCRIPTION }),
    phone: t.string({ description: 'Phone number in E.164 form, e.g. `+14155550123`.' }),
    type: t.field({ type: UserType, description: forCreate ? 'Sub-account or agency user. Default ACCOUNT.' : 'Sub-account or agency user.' }),
    role: t.field({ type: UserRole, description: forCreate ? 'Admin or plain user. Default USER.' : 'Admin or plain user.' }),
    locationIds: t.idList({ description: forCreate ? "Locations the user works in. Default: the caller's location." : 'Locations the user works in; replaces the list.' }),
    permissions: t.field({ type: UserPermissionsInput, description: 'Permission switches to set.' }),
    scopes: t.stringList({ description: 'API scopes to enable (GHL scope names); empty enables all that the role allows.' }),
    platformLanguage: t.field({ type: PlatformLanguage, description: 'Language of the GHL interface.' }),
  };
}

function password(path: string[], value: string | null | undefined): UserErrorShape | null {
  if (value === null || value === undefined) return null;
  return value.length >= MIN_PASSWORD ? null : { code: 'INVALID', field: path, message: `The password must have at least ${MIN_PASSWORD} characters.` };
}

function fieldChecks(input: UserFieldsInput) {
  return [
    nonBlank(['input', 'firstName'], input.firstName),
    nonBlank(['input', 'lastName'], input.lastName),
    phone(['input', 'phone'], input.phone),
    password(['input', 'password'], input.password),
    nonEmptyList(['input', 'locationIds'], input.locationIds),
  ];
}

function toWriteBody(input: UserFieldsInput): UserWriteBody {
  const body: UserWriteBody = {};
  for (const key of ['firstName', 'lastName', 'password', 'phone', 'type', 'role', 'locationIds', 'scopes', 'platformLanguage'] as const) {
    const v = input[key];
    if (v !== null && v !== undefined) (body as Record<string, unknown>)[key] = typeof v === 'string' && key !== 'password' ? v.trim() : v;
  }
  const permissions = permissionsBody(input.permissions);
  if (permissions) body.permissions = permissions;
  return body;
}

const UserCreateInput = builder.inputType('UserCreateInput', {
  description: "A new user, in the caller's location unless other locations are given.",
  fields: (t) => ({
    ...userInputFields(t, true),
    email: t.string({ required: true, description: 'Email address, also the login. Cannot be changed later.' }),
    firstName: t.string({ required: true, description: 'First name.' }),
    lastName: t.string({ required: true, description: 'Last name.' }),
    password: t.string({ required: true, description: PASSWORD_DESCRIPTION }),
  }),
});
const UserUpdateInput = builder.inputType('UserUpdateInput', {
  description: 'A user and the changes to make; fields left out stay as they are. GHL does not allow changing the email.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's user id." }), ...userInputFields(t, false) }),
});
const UserDeleteInput = builder.inputType('UserDeleteInput', {
  description: 'The user to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's user id." }) }),
});

const UserPayload = (name: string, description: string) =>
  recordPayload(name, description, 'user', User, 'The user after the change; null when nothing changed.');

const UserCreatePayload = UserPayload('UserCreatePayload', 'Result of `userCreate`.');
const UserUpdatePayload = UserPayload('UserUpdatePayload', 'Result of `userUpdate`.');

const UserDeletePayload = deletedIdPayload('UserDeletePayload', 'Result of `userDelete`. GHL queues the deletion; the user is gone from reads at once.', 'deletedUserId', 'Id of the deleted user; null when nothing was deleted.');

builder.mutationFields((t) => ({
  userCreate: t.field({
    ...traced('Creates a user.', 'POST /users/', 'GET /locations/{locationId}'),
    type: UserCreatePayload,
    args: { input: t.arg({ type: UserCreateInput, required: true, description: 'The new user.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(email(['input', 'email'], input.email), ...fieldChecks(input)),
        inputFields: USER_INPUT_FIELDS,
        call: async () =>
          createUser(ctx.ghl, {
            ...toWriteBody(input),
            companyId: await callerCompanyId(ctx),
            firstName: input.firstName.trim(),
            lastName: input.lastName.trim(),
            email: input.email.trim(),
            password: input.password,
            type: input.type ?? 'account',
            role: input.role ?? 'user',
            locationIds: input.locationIds ?? [ctx.credential.locationId],
          }),
        stale: { lists: USER_LISTS },
      });
      return { user: result, userErrors };
    },
  }),
  userUpdate: t.field({
    ...traced('Changes fields of a user.', 'PUT /users/{userId}'),
    type: UserUpdatePayload,
    args: { input: t.arg({ type: UserUpdateInput, required: true, description: 'The user and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(...fieldChecks(input)),
        inputFields: USER_INPUT_FIELDS,
        call: () => updateUser(ctx.ghl, input.id, toWriteBody(input)),
        stale: { records: { user: [input.id] }, lists: USER_LISTS },
      });
      return { user: result, userErrors };
    },
  }),
  userDelete: t.field({
    ...traced('Deletes a user.', 'DELETE /users/{userId}'),
    type: UserDeletePayload,
    args: { input: t.arg({ type: UserDeleteInput, required: true, description: 'The user to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        call: async () => {
          await deleteUser(ctx.ghl, input.id);
          return input.id;
        },
        stale: { records: { user: [input.id] }, lists: USER_LISTS },
      });
      return { deletedUserId: result, userErrors };
    },
  }),
}));

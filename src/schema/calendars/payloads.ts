import type { ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.js';
import { UserError, type UserErrorCode, type UserErrorShape } from '../shared/errors.js';

/**
 * Payload shapes of the calendars and appointments mutations: the changed object (or the deleted
 * id) and `userErrors`, as `src/schema/contacts/mutations.ts` does them.
 */

type Payload = Record<string, unknown> & { userErrors: UserErrorShape[] };

/** `<Name>Payload { <field>: <Type>, userErrors }`. */
export function objectPayload<T>(name: string, description: string, field: string, ref: ObjectRef<BuilderTypes, T>, fieldDescription: string) {
  return builder.objectRef<Payload>(name).implement({
    description,
    fields: (t) => ({
      [field]: t.field({ type: ref, nullable: true, description: fieldDescription, resolve: (p) => (p[field] ?? null) as never }),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });
}

/** `<Name>Payload { <field>: ID, userErrors }` for deletes. */
export function deletePayload(name: string, description: string, field: string, fieldDescription: string) {
  return builder.objectRef<Payload>(name).implement({
    description,
    fields: (t) => ({
      [field]: t.id({ nullable: true, description: fieldDescription, resolve: (p) => (p[field] as string | null | undefined) ?? null }),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });
}

/** A user error at `path`. */
export const fieldError = (path: string[], message: string, code: UserErrorCode = 'INVALID'): UserErrorShape => ({ code, field: path, message });

/** Checks `#rrggbb`. */
export function hexColor(path: string[], value: string | null | undefined): UserErrorShape | null {
  if (value === null || value === undefined) return null;
  return /^#[0-9a-f]{6}$/i.test(value) ? null : fieldError(path, `${path.at(-1)} must be a colour like #039be5.`);
}

/** The range check of shared/validate.ts, under the name the calendar mutations use. */
export { range as intRange } from '../shared/validate.js';

/** Drops null and undefined values: GraphQL's "not given" never reaches GHL as null. */
export function given<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}

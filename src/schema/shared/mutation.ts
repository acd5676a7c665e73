import type { ObjectRef } from '@pothos/core';
import type { GraphQLContext } from '../../context.js';
import { GhlBadRequestError, GhlNotFoundError } from '../../ghl/errors.js';
import type { StaleEntries } from '../../loaders/resources.js';
import { builder, type BuilderTypes } from '../builder.js';
import { UserError, userErrorsFromGhl, type UserErrorShape } from './errors.js';
import { invalidateAfterWrite } from './invalidate.js';
import { publishWrite, type WrittenRecordKind } from './publish-write.js';

/**
 * The one flow of every mutation: check the input → call GHL → drop the cache entries the write
 * made stale → publish the write to subscribers → answer a payload with `userErrors`.
 *
 * Why not @pothos/plugin-errors or plugin-with-input: plugin-errors answers a union of the result
 * and error types (`XPayload = XSuccess | SomeError`), not the `{ …, userErrors: [UserError!]! }`
 * payload every mutation here promises, and one GHL 422 carries several messages that become
 * several user errors. plugin-with-input would build `XCreateInput` from inline fields, but most
 * inputs here are shared between create, update and upsert, so it would save little, and it
 * changes the builder's types under every domain at once.
 */

/** A write event for subscribers: the record the write answered with, or the id it deleted. */
export type WriteEvent = { upsert: WrittenRecordKind; record: object | null | undefined } | { delete: WrittenRecordKind; record: { id: string } & object };

export interface MutationSpec<R> {
  /** Input checks (shared/validate.ts); when any fails, GHL is not called. */
  checks?: UserErrorShape[];
  /** Input fields GHL's 422 messages may name, for the user error's `field`. */
  inputFields?: readonly string[];
  /** GHL property name → input field name, where they differ. */
  fieldNames?: Record<string, string>;
  /** Input path reported when GHL answers 404. @default ['input', 'id'] */
  notFoundField?: string[];
  /**
   * GHL's 404 names the record it missed ("Task not found"): record name → the input field that
   * holds its id, so the user error points at it. Messages that name none keep `notFoundField`.
   */
  notFoundFieldByRecord?: Record<string, string>;
  /** The GHL call. */
  call: () => Promise<R>;
  /** Cache entries the write made stale; dropped before the payload returns. */
  stale?: StaleEntries | ((result: R) => StaleEntries);
  /**
   * What subscribers hear of the write, once GHL confirmed it and the stale entries are gone; may
   * read the record again where GHL's answer is not the record (a failed read is a top-level error).
   */
  publish?: (result: R) => WriteEvent | readonly WriteEvent[] | Promise<WriteEvent>;
}

export type MutationOutcome<R> = { ok: true; result: R; userErrors: [] } | { ok: false; result: null; userErrors: UserErrorShape[] };

/**
 * Runs a write. GHL's 400/422 and 404 become user errors; every other failure (FORBIDDEN,
 * RATE_LIMITED, UPSTREAM_UNAVAILABLE, and a POST whose outcome is unknown, which the client never
 * retries) is a top-level error with its code, so it is never lost as an empty payload.
 * `ok` says GHL made the change; `result` is null when it did not.
 */
export async function runMutation<R>(ctx: GraphQLContext, spec: MutationSpec<R>): Promise<MutationOutcome<R>> {
  if (spec.checks && spec.checks.length > 0) return { ok: false, result: null, userErrors: spec.checks };
  let result: R;
  try {
    result = await spec.call();
  } catch (err) {
    if (err instanceof GhlBadRequestError) return { ok: false, result: null, userErrors: userErrorsFromGhl(err, spec.inputFields ?? [], spec.fieldNames) };
    if (err instanceof GhlNotFoundError) return { ok: false, result: null, userErrors: [notFound(err.message, spec)] };
    throw err;
  }
  const stale = typeof spec.stale === 'function' ? spec.stale(result) : spec.stale;
  if (stale) await invalidateAfterWrite(ctx, stale);
  const events = (await spec.publish?.(result)) ?? [];
  for (const event of Array.isArray(events) ? events : [events]) {
    if ('upsert' in event) publishWrite(ctx, event.upsert, 'UPSERT', event.record);
    else publishWrite(ctx, event.delete, 'DELETE', event.record);
  }
  return { ok: true, result, userErrors: [] };
}

function notFound(message: string, spec: Pick<MutationSpec<never>, 'notFoundField' | 'notFoundFieldByRecord'>): UserErrorShape {
  const named = Object.entries(spec.notFoundFieldByRecord ?? {}).find(([record]) => new RegExp(`^${record}\\b`, 'i').test(message));
  return { code: 'NOT_FOUND', message, field: named ? ['input', named[1]] : (spec.notFoundField ?? ['input', 'id']) };
}

type PayloadFieldBuilder<P> = PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, P>;
type PayloadFields = Record<string, PothosSchemaTypes.FieldRef<BuilderTypes, unknown, 'Object'>>;
export type WithUserErrors = { userErrors: UserErrorShape[] };

/**
 * `<name> { …fields, userErrors }`: the payload type of a mutation. `after` fields follow
 * `userErrors`, for payloads that have always listed them there.
 */
export function mutationPayload<P extends object>(
  name: string,
  description: string,
  fields: (t: PayloadFieldBuilder<P & WithUserErrors>) => PayloadFields,
  after?: (t: PayloadFieldBuilder<P & WithUserErrors>) => PayloadFields,
): ObjectRef<BuilderTypes, P & WithUserErrors> {
  return builder.objectRef<P & WithUserErrors>(name).implement({
    description,
    fields: (t) => ({
      ...fields(t),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
      ...(after ? after(t) : {}),
    }),
  });
}

/** `<name> { <field>: <Type>, userErrors }`: the changed record, null when nothing changed. */
export function recordPayload<T>(name: string, description: string, field: string, ref: ObjectRef<BuilderTypes, T>, fieldDescription: string) {
  return mutationPayload<Record<string, unknown>>(name, description, (t) => ({
    [field]: t.field({ type: ref, nullable: true, description: fieldDescription, resolve: (p) => (p[field] ?? null) as never }),
  }));
}

/** `<name> { <field>: ID, userErrors }` for deletes: the deleted id, null when nothing was deleted. */
export function deletedIdPayload(name: string, description: string, field: string, fieldDescription: string) {
  return mutationPayload<Record<string, unknown>>(name, description, (t) => ({
    [field]: t.id({ nullable: true, description: fieldDescription, resolve: (p) => (p[field] as string | null | undefined) ?? null }),
  }));
}

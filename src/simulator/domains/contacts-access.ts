import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { BusinessRecord, ContactRecord, NoteRecord, TaskRecord } from '../store.js';

/**
 * Lookups that enforce the token's location, for contacts and the records GHL files under them
 * (tasks, notes, appointments) and businesses. An id that exists in another location answers 403
 * (the same refusal as a foreign `locationId` parameter); an id that exists nowhere answers 404.
 */

export const ok = (body: unknown) => ({ status: 200, body });
export const created = (body: unknown) => ({ status: 201, body });
/** apps/contacts.json's delete envelope, misspelt as GHL sends it. */
export const SUCCEDED = { succeded: true };

/** The request body, which the pipeline has already checked against the operation's schema. */
export const body = <T>(ctx: RequestContext): T => ctx.body as T;

export function ownContact(ctx: RequestContext, id: string): ContactRecord {
  return owned(ctx, ctx.store.getContact(id), 'Contact not found');
}

/** The contact of a `/contacts/{contactId}/…` path. */
export const contactOf = (ctx: RequestContext): ContactRecord => ownContact(ctx, ctx.params['contactId'] as string);

export function ownBusiness(ctx: RequestContext, id: string): BusinessRecord {
  return owned(ctx, ctx.store.getBusiness(id), 'Business not found');
}

/** A task is addressed through its contact; a task of another contact is not found there. */
export function ownTask(ctx: RequestContext, contact: ContactRecord, id: string): TaskRecord {
  const task = ctx.store.getTask(id);
  if (!task || task.contactId !== contact.id) throw notFound('Task not found');
  return task;
}

export function ownNote(ctx: RequestContext, contact: ContactRecord, id: string): NoteRecord {
  const note = ctx.store.getNote(id);
  if (!note || note.contactId !== contact.id) throw notFound('Note not found');
  return note;
}

/** For a `locationId` inside a body or query the generic guard did not see. */
export function assertOwnLocation(ctx: RequestContext, locationId: string): void {
  if (locationId !== locationOf(ctx)) throw forbiddenLocation();
}

function owned<T extends { locationId: string }>(ctx: RequestContext, record: T | undefined, missing: string): T {
  if (!record) throw notFound(missing);
  if (record.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return record;
}

import { forbiddenLocation, notFound } from '../errors.js';
import type { BusinessRecord, ContactRecord, NoteRecord, TaskRecord } from '../store.js';
import { locationOf, type RequestContext } from './types.js';

/**
 * Lookups that enforce the token's location. An id that exists in another location answers 403
 * (the same refusal as a foreign `locationId` parameter); an id that exists nowhere answers 404.
 */

export function ownContact(ctx: RequestContext, id: string): ContactRecord {
  return owned(ctx, ctx.store.getContact(id), 'Contact not found');
}

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

import { operation } from '../operations.js';
import type { GhlNote } from './contacts.js';
import type { GhlCallContext } from './types.js';

/** Notes on a contact (apps/contacts.json `NotesDTO`, `UpdateNoteDTO`; every answer is `{note}`). The path calls the note `{id}`. */

export interface NoteWriteBody {
  body?: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}

const ops = {
  get: operation('GET /contacts/{contactId}/notes/{id}'),
  create: operation('POST /contacts/{contactId}/notes'),
  update: operation('PUT /contacts/{contactId}/notes/{id}'),
  remove: operation('DELETE /contacts/{contactId}/notes/{id}'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

export async function getNote(ctx: GhlCallContext, contactId: string, noteId: string): Promise<GhlNote> {
  const res = await ctx.client.call<{ note: GhlNote }>(ops.get, ctx.credential, { ...call(ctx), pathParams: { contactId, id: noteId } });
  return res.data.note;
}

export async function createNote(ctx: GhlCallContext, contactId: string, body: NoteWriteBody & { body: string }): Promise<GhlNote> {
  const res = await ctx.client.call<{ note: GhlNote }>(ops.create, ctx.credential, { ...call(ctx), pathParams: { contactId }, body });
  return res.data.note;
}

export async function updateNote(ctx: GhlCallContext, contactId: string, noteId: string, body: NoteWriteBody): Promise<GhlNote> {
  const res = await ctx.client.call<{ note: GhlNote }>(ops.update, ctx.credential, { ...call(ctx), pathParams: { contactId, id: noteId }, body });
  return res.data.note;
}

export async function deleteNote(ctx: GhlCallContext, contactId: string, noteId: string): Promise<void> {
  await ctx.client.call(ops.remove, ctx.credential, { ...call(ctx), pathParams: { contactId, id: noteId } });
}

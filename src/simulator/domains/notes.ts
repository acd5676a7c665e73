import { unprocessable } from '../errors.js';
import type { RouteTable } from '../routes/types.js';
import { body, contactOf, created, ok, ownNote, SUCCEDED } from './contacts-access.js';
import { noteDto } from './contacts-present.js';
import type { SimulatorDomain } from './types.js';

/**
 * A contact's notes (apps/contacts.json, under `/contacts/{contactId}/notes`; the path calls a note
 * `{id}`). Notes are core store records, seeded with their contacts by seed.ts.
 */

const routes: RouteTable = {
  'GET /contacts/{contactId}/notes': (ctx) => {
    const notes = ctx.store.listNotes(contactOf(ctx).id).sort((a, b) => b.dateAdded.localeCompare(a.dateAdded) || a.id.localeCompare(b.id));
    return ok({ notes: notes.map(noteDto) });
  },

  'GET /contacts/{contactId}/notes/{id}': (ctx) => ok({ note: noteDto(ownNote(ctx, contactOf(ctx), ctx.params['id'] as string)) }),

  'POST /contacts/{contactId}/notes': (ctx) => {
    const input = body<{ body: string; userId?: string; title?: string; color?: string; pinned?: boolean }>(ctx);
    if (!input.body.trim()) throw unprocessable(['body should not be empty']);
    return created({ note: noteDto(ctx.store.createNote(contactOf(ctx), input)) });
  },

  'PUT /contacts/{contactId}/notes/{id}': (ctx) => {
    const note = ownNote(ctx, contactOf(ctx), ctx.params['id'] as string);
    return ok({ note: noteDto(ctx.store.updateNote(note.id, body<{ body?: string; userId?: string; title?: string; color?: string; pinned?: boolean }>(ctx))) });
  },

  'DELETE /contacts/{contactId}/notes/{id}': (ctx) => {
    ctx.store.deleteNote(ownNote(ctx, contactOf(ctx), ctx.params['id'] as string).id);
    return ok(SUCCEDED);
  },
};

export const notesDomain: SimulatorDomain = { name: 'notes', routes };

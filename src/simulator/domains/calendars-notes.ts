import { notFound } from '../errors.js';
import type { RequestContext, RouteTable } from '../routes/types.js';
import { count, created, ok, ownAppointment, param, refuse, stateOf } from './calendars-access.js';
import { appointmentNoteDto } from './calendars-present.js';
import type { AppointmentNoteRecord } from './calendars-state.js';

/**
 * Notes on an appointment (apps/calendars.json, `GetNoteSchema`). They live on the appointment:
 * deleting it deletes them. Newest first; `limit`/`offset` page them, `hasMore` says whether more
 * follow (K9).
 */

const NOTES_MAX_LIMIT = 20;

/** The spec does not declare `{noteId}` on update and delete; the path carries it all the same. */
function ownNote(ctx: RequestContext): AppointmentNoteRecord {
  const appointment = ownAppointment(ctx, param(ctx, 'appointmentId'));
  const note = stateOf(ctx).notes.get(appointment.id)?.get(param(ctx, 'noteId'));
  if (!note) throw notFound('Note not found');
  return note;
}

function body(ctx: RequestContext): { body: string; userId?: string } {
  const input = ctx.body as { body: string; userId?: string };
  if (!input.body.trim()) throw refuse('body should not be empty');
  return input;
}

export const noteRoutes: RouteTable = {
  'GET /calendars/appointments/{appointmentId}/notes': (ctx) => {
    const appointment = ownAppointment(ctx, param(ctx, 'appointmentId'));
    const limit = count(ctx.query['limit'], 'limit', 10, 1, NOTES_MAX_LIMIT);
    const offset = count(ctx.query['offset'], 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const all = stateOf(ctx)
      .notesOf(appointment.id)
      .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded) || a.id.localeCompare(b.id));
    return ok({ notes: all.slice(offset, offset + limit).map(appointmentNoteDto), hasMore: offset + limit < all.length });
  },

  'POST /calendars/appointments/{appointmentId}/notes': (ctx) => {
    const appointment = ownAppointment(ctx, param(ctx, 'appointmentId'));
    const input = body(ctx);
    const now = ctx.store.nowIso();
    const note: AppointmentNoteRecord = {
      id: ctx.store.newId(),
      appointmentId: appointment.id,
      locationId: appointment.locationId,
      contactId: appointment.contactId,
      body: input.body,
      ...(input.userId ? { userId: input.userId } : {}),
      dateAdded: now,
      dateUpdated: now,
    };
    stateOf(ctx).addNote(note);
    return created({ note: appointmentNoteDto(note) });
  },

  'PUT /calendars/appointments/{appointmentId}/notes/{noteId}': (ctx) => {
    const note = ownNote(ctx);
    const input = body(ctx);
    Object.assign(note, { body: input.body, dateUpdated: ctx.store.nowIso() }, input.userId ? { userId: input.userId } : {});
    return ok({ note: appointmentNoteDto(note) });
  },

  'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}': (ctx) => {
    const note = ownNote(ctx);
    stateOf(ctx).notes.get(note.appointmentId)?.delete(note.id);
    return ok({ success: true });
  },
};

import type { GraphQLContext } from '../../context.js';
import { builder } from '../builder.js';
import { Calendar } from '../calendars/types.js';
import { offsetConnection } from '../calendars/paging.js';
import { Contact } from '../contacts/types.js';
import { pageArgs } from '../shared/pagination.js';
import { Appointment, AppointmentNoteConnection, type AppointmentNoteShape } from './types.js';

/** GHL pages appointment notes by at most 20. */
export const NOTES_PAGE = { defaultSize: 10, maxSize: 20 };

/**
 * Links out of an appointment. Each goes through a loader, so N appointments cost one read per
 * distinct contact or calendar, not one per appointment.
 */
builder.objectFields(Appointment, (t) => ({
  contact: t.field({
    type: Contact,
    nullable: true,
    description: 'The contact it is booked for. GHL: `get-contact` (GET /contacts/{contactId}).',
    resolve: (a, _args, ctx) => (a.contactId ? ctx.loaders.contact.read(a.contactId) : null),
  }),
  calendar: t.field({
    type: Calendar,
    nullable: true,
    description: 'The calendar it is booked on. GHL: `get-calendar` (GET /calendars/{calendarId}).',
    resolve: (a, _args, ctx) => (a.calendarId ? ctx.loaders.calendar.read(a.calendarId) : null),
  }),
  appointmentNotes: t.field({
    nullable: true,
    type: AppointmentNoteConnection,
    description: 'Notes written on the appointment, newest first. GHL: `get-appointment-notes` (GET /calendars/appointments/{appointmentId}/notes). Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.',
    args: {
      ...pageArgs(t.arg, NOTES_PAGE),
    },
    resolve: (a, args, ctx) => appointmentNotesPage(ctx, a.id, args),
  }),
}));

/** One page of an appointment's notes: GHL's limit/offset behind an opaque cursor. */
export function appointmentNotesPage(ctx: GraphQLContext, appointmentId: string, args: { first?: number | null; after?: string | null }) {
  return offsetConnection<AppointmentNoteShape>(args, NOTES_PAGE, (n) => n.id, async (offset, limit) => {
    const res = await ctx.loaders.appointmentNotes.load({ appointmentId, limit, offset });
    return { items: res.notes.map((n) => ({ ...n, appointmentId })), hasMore: res.hasMore };
  });
}

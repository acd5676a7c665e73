import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { appointmentNotesPage, NOTES_PAGE } from './links.js';
import { Appointment, AppointmentNoteConnection } from './types.js';

builder.queryFields((t) => ({
  appointment: t.field({
    ...traced('One appointment by its GHL event id; null with a NOT_FOUND error when it does not exist.', 'GET /calendars/events/appointments/{eventId}'),
    type: Appointment,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's appointment (event) id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.appointment.read(id),
  }),
  appointmentNotes: t.field({
    ...traced('Notes written on an appointment, newest first.', 'GET /calendars/appointments/{appointmentId}/notes'),
    type: AppointmentNoteConnection,
    args: {
      appointmentId: t.arg.id({ required: true, description: "GHL's appointment (event) id." }),
      ...pageArgs(t.arg, NOTES_PAGE),
    },
    resolve: (_root, args, ctx) => appointmentNotesPage(ctx, args.appointmentId, args),
  }),
}));

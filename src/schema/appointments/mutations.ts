import type { StaleEntries } from '../../loaders/resources.js';
import type { AppointmentWriteBody } from '../../ghl/endpoints/calendars.js';
import { createAppointment, createAppointmentNote, deleteAppointmentNote, updateAppointment, updateAppointmentNote } from '../../ghl/endpoints/calendars.js';
import { builder, type BuilderTypes } from '../builder.js';
import { AppointmentMeetingLocationType } from '../calendars/enums.js';
import { fieldError } from '../calendars/payloads.js';
import { withoutNullish } from '../../lib/objects.js';
import { type UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { before, collect, nonBlank } from '../shared/validate.js';
import { Appointment, AppointmentNote, AppointmentStatus, WRITABLE_APPOINTMENT_STATUSES } from './types.js';

/**
 * Booking and changing appointments, and their notes. A booking is checked against the calendar's
 * free slots by GHL unless `ignoreFreeSlotValidation` is set; a taken slot comes back as a user error.
 */

interface FieldsInput {
  startTime?: Date | null;
  endTime?: Date | null;
  title?: string | null;
  appointmentStatus?: string | null;
  assignedUserId?: string | null;
  address?: string | null;
  description?: string | null;
  meetingLocationType?: string | null;
  ignoreFreeSlotValidation?: boolean | null;
  notify?: boolean | null;
  rrule?: string | null;
}

function appointmentFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    endTime: t.field({ type: 'DateTime', description: "When it ends. Default: start plus the calendar's slot length." }),
    title: t.string({ description: 'Title shown on the calendar.' }),
    appointmentStatus: t.field({ type: AppointmentStatus, description: 'Status to set: NEW, CONFIRMED, CANCELLED, SHOWED, NO_SHOW or INVALID.' }),
    assignedUserId: t.id({ description: 'Id of the GHL user who runs it.' }),
    address: t.string({ description: 'Where it takes place (address or meeting link).' }),
    description: t.string({ description: 'Longer description.' }),
    meetingLocationType: t.field({ type: AppointmentMeetingLocationType, description: 'Kind of place it takes place in.' }),
    ignoreFreeSlotValidation: t.boolean({ description: 'Book even when the time is no free slot of the calendar. Default false.' }),
    notify: t.boolean({ description: 'Whether GHL sends the calendar\'s notifications for this change (GHL `toNotify`).' }),
    rrule: t.string({ description: 'Makes it recurring: an iCalendar RRULE, e.g. `RRULE:FREQ=WEEKLY;COUNT=4`.' }),
  };
}

function checks(input: FieldsInput): UserErrorShape[] {
  const status = input.appointmentStatus;
  return collect(
    before([['input', 'startTime'], ['input', 'endTime']], input.startTime, input.endTime),
    status && !WRITABLE_APPOINTMENT_STATUSES.includes(status) ? fieldError(['input', 'appointmentStatus'], 'GHL sets this status itself; a booking may set NEW, CONFIRMED, CANCELLED, SHOWED, NO_SHOW or INVALID.') : null,
    input.rrule != null && !/^RRULE:/.test(input.rrule) ? fieldError(['input', 'rrule'], 'rrule must start with `RRULE:`.') : null,
    nonBlank(['input', 'title'], input.title),
  );
}

function toBody(input: FieldsInput): AppointmentWriteBody {
  return withoutNullish({
    startTime: input.startTime?.toISOString(),
    endTime: input.endTime?.toISOString(),
    title: input.title,
    appointmentStatus: input.appointmentStatus,
    assignedUserId: input.assignedUserId,
    address: input.address,
    description: input.description,
    meetingLocationType: input.meetingLocationType,
    ignoreFreeSlotValidation: input.ignoreFreeSlotValidation,
    toNotify: input.notify,
    rrule: input.rrule,
  });
}

const INPUT_FIELDS = ['calendarId', 'contactId', 'startTime', 'endTime', 'title', 'appointmentStatus', 'assignedUserId', 'address', 'description', 'meetingLocationType', 'rrule'];
const FIELD_NAMES = { toNotify: 'notify' };

const AppointmentCreateInput = builder.inputType('AppointmentCreateInput', {
  description: 'A booking: a contact, a calendar and a start time.',
  fields: (t) => ({
    calendarId: t.id({ required: true, description: "GHL's calendar id." }),
    contactId: t.id({ required: true, description: "GHL's contact id." }),
    startTime: t.field({ type: 'DateTime', required: true, description: 'When it starts; normally one of `calendarFreeSlots`.' }),
    ...appointmentFields(t),
  }),
});
const AppointmentUpdateInput = builder.inputType('AppointmentUpdateInput', {
  description: 'An appointment and its changes; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's appointment (event) id." }),
    calendarId: t.id({ description: 'Moves it to this calendar.' }),
    startTime: t.field({ type: 'DateTime', description: 'Moves it to this start; it keeps its length unless `endTime` is given.' }),
    ...appointmentFields(t),
  }),
});

const AppointmentCreatePayload = recordPayload('AppointmentCreatePayload', 'Result of `appointmentCreate`.', 'appointment', Appointment, 'The booked appointment; null when nothing was booked.');
const AppointmentUpdatePayload = recordPayload('AppointmentUpdatePayload', 'Result of `appointmentUpdate`.', 'appointment', Appointment, 'The appointment after the change; null when nothing changed.');

/** A booking changes the contact's appointments, the calendar's events and its free slots. */
const bookingChanged = (contactId: string | undefined, appointmentId?: string): StaleEntries => ({
  records: { ...(contactId ? { contactAppointments: [contactId] } : {}), ...(appointmentId ? { appointment: [appointmentId] } : {}) },
  lists: ['calendarEvents', 'calendarFreeSlots'],
});

builder.mutationFields((t) => ({
  appointmentCreate: t.field({
    ...traced('Books an appointment for a contact on a calendar.', 'POST /calendars/events/appointments'),
    type: AppointmentCreatePayload,
    args: { input: t.arg({ type: AppointmentCreateInput, required: true, description: 'The booking.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: INPUT_FIELDS,
        fieldNames: FIELD_NAMES,
        call: () => createAppointment(ctx.ghl, { ...toBody(input), calendarId: input.calendarId, contactId: input.contactId, startTime: input.startTime.toISOString() }),
        stale: (result) => bookingChanged(result.contactId ?? input.contactId),
        publish: (result) => ({ upsert: 'appointment', record: { contactId: input.contactId, ...result } }),
      });
      return { appointment: result, userErrors };
    },
  }),
  appointmentUpdate: t.field({
    ...traced('Changes, moves, confirms or cancels an appointment.', 'PUT /calendars/events/appointments/{eventId}'),
    type: AppointmentUpdatePayload,
    args: { input: t.arg({ type: AppointmentUpdateInput, required: true, description: 'The appointment and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: INPUT_FIELDS,
        fieldNames: FIELD_NAMES,
        call: () => updateAppointment(ctx.ghl, input.id, { ...toBody(input), ...withoutNullish({ calendarId: input.calendarId }) }),
        stale: (result) => bookingChanged(result.contactId, input.id),
        publish: (result) => ({ upsert: 'appointment', record: result }),
      });
      return { appointment: result, userErrors };
    },
  }),
}));

// Notes --------------------------------------------------------------------------------------------

const AppointmentNoteCreateInput = builder.inputType('AppointmentNoteCreateInput', {
  description: 'A note to write on an appointment.',
  fields: (t) => ({
    appointmentId: t.id({ required: true, description: "GHL's appointment (event) id." }),
    body: t.string({ required: true, description: 'Text of the note.' }),
    userId: t.id({ description: 'Id of the GHL user writing it.' }),
  }),
});
const AppointmentNoteUpdateInput = builder.inputType('AppointmentNoteUpdateInput', {
  description: 'A note of an appointment and its new text.',
  fields: (t) => ({
    appointmentId: t.id({ required: true, description: "GHL's appointment (event) id." }),
    id: t.id({ required: true, description: "GHL's note id." }),
    body: t.string({ required: true, description: 'New text of the note.' }),
    userId: t.id({ description: 'Id of the GHL user editing it.' }),
  }),
});
const AppointmentNoteDeleteInput = builder.inputType('AppointmentNoteDeleteInput', {
  description: 'A note of an appointment, to delete.',
  fields: (t) => ({
    appointmentId: t.id({ required: true, description: "GHL's appointment (event) id." }),
    id: t.id({ required: true, description: "GHL's note id." }),
  }),
});

const AppointmentNoteCreatePayload = recordPayload('AppointmentNoteCreatePayload', 'Result of `appointmentNoteCreate`.', 'appointmentNote', AppointmentNote, 'The new note; null when nothing was written.');
const AppointmentNoteUpdatePayload = recordPayload('AppointmentNoteUpdatePayload', 'Result of `appointmentNoteUpdate`.', 'appointmentNote', AppointmentNote, 'The note after the change; null when nothing changed.');
const AppointmentNoteDeletePayload = deletedIdPayload('AppointmentNoteDeletePayload', 'Result of `appointmentNoteDelete`.', 'deletedAppointmentNoteId', 'Id of the deleted note; null when nothing was deleted.');

const notesChanged = { lists: ['appointmentNotes'] } as const;

builder.mutationFields((t) => ({
  appointmentNoteCreate: t.field({
    ...traced('Writes a note on an appointment.', 'POST /calendars/appointments/{appointmentId}/notes'),
    type: AppointmentNoteCreatePayload,
    args: { input: t.arg({ type: AppointmentNoteCreateInput, required: true, description: 'The note.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'body'], input.body)),
        inputFields: ['body', 'userId'],
        notFoundField: ['input', 'appointmentId'],
        call: () => createAppointmentNote(ctx.ghl, input.appointmentId, { body: input.body, ...withoutNullish({ userId: input.userId }) }),
        stale: notesChanged,
      });
      return { appointmentNote: result && { ...result, appointmentId: input.appointmentId }, userErrors };
    },
  }),
  appointmentNoteUpdate: t.field({
    ...traced('Changes the text of a note on an appointment.', 'PUT /calendars/appointments/{appointmentId}/notes/{noteId}'),
    type: AppointmentNoteUpdatePayload,
    args: { input: t.arg({ type: AppointmentNoteUpdateInput, required: true, description: 'The note and its new text.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'body'], input.body)),
        inputFields: ['body', 'userId'],
        call: () => updateAppointmentNote(ctx.ghl, input.appointmentId, input.id, { body: input.body, ...withoutNullish({ userId: input.userId }) }),
        stale: notesChanged,
      });
      return { appointmentNote: result && { ...result, appointmentId: input.appointmentId }, userErrors };
    },
  }),
  appointmentNoteDelete: t.field({
    ...traced('Deletes a note from an appointment.', 'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}'),
    type: AppointmentNoteDeletePayload,
    args: { input: t.arg({ type: AppointmentNoteDeleteInput, required: true, description: 'The note to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, { call: () => deleteAppointmentNote(ctx.ghl, input.appointmentId, input.id).then(() => input.id), stale: notesChanged });
      return { deletedAppointmentNoteId: result, userErrors };
    },
  }),
}));

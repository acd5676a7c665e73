import type { GhlAppointment, GhlAppointmentNote } from '../../ghl/endpoints/calendars.js';
import { builder } from '../builder.js';
import { AppointmentMeetingLocationType, MEETING_LOCATION_TYPES, known } from '../calendars/enums.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';

/** GHL's appointment statuses (the enum in apps/calendars.json, plus `booked` from apps/contacts.json). */
const APPOINTMENT_STATUSES = ['new', 'booked', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid', 'active', 'completed'] as const;
type GhlAppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The statuses a booking or an update may set (`AppointmentCreateSchema.appointmentStatus`). */
export const WRITABLE_APPOINTMENT_STATUSES: readonly string[] = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'];

export const AppointmentStatus = describedEnum('AppointmentStatus', 'Where an appointment stands.', {
  NEW: ['new', 'Requested, not yet confirmed.'],
  BOOKED: ['booked', 'Booked on the calendar.'],
  CONFIRMED: ['confirmed', 'Confirmed by the business.'],
  CANCELLED: ['cancelled', 'Cancelled.'],
  SHOWED: ['showed', 'The contact attended.'],
  NO_SHOW: ['noshow', 'The contact did not attend.'],
  INVALID: ['invalid', 'Marked invalid.'],
  ACTIVE: ['active', 'In progress.'],
  COMPLETED: ['completed', 'Finished.'],
});

function statusOf(event: GhlAppointment): GhlAppointmentStatus | null {
  const raw = (event.appointmentStatus || event.status)?.toLowerCase();
  return APPOINTMENT_STATUSES.find((s) => s === raw) ?? null;
}

/** GHL sends empty strings for required ids it has no value for; the graph says null. */
const orNull = (v: string | null | undefined): string | null => (v ? v : null);

const AppointmentCreator = builder.objectRef<{ userId?: string; source?: string }>('AppointmentCreator').implement({
  description: 'Who or what booked an appointment.',
  fields: (t) => ({
    userId: t.id({ nullable: true, description: 'Id of the GHL user who booked it, if a user did.', resolve: (c) => orNull(c.userId) }),
    source: t.string({ nullable: true, description: 'Where the booking came from, as GHL names it (e.g. `third_party`, `booking_widget`).', resolve: (c) => orNull(c.source) }),
  }),
});

export const Appointment = builder.objectRef<GhlAppointment>('Appointment').implement({
  description: 'A booked calendar event with a contact.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's appointment (event) id." }),
    calendarId: t.id({ nullable: true, description: 'Id of the calendar it is booked on.', resolve: (e) => orNull(e.calendarId) }),
    contactId: t.id({ nullable: true, description: 'Id of the contact it is booked for.', resolve: (e) => orNull(e.contactId) }),
    locationId: t.id({ nullable: true, description: 'Id of the GHL location (sub-account).', resolve: (e) => orNull(e.locationId) }),
    groupId: t.id({ nullable: true, description: "Id of the calendar's group, if any.", resolve: (e) => orNull(e.groupId) }),
    title: t.string({ nullable: true, description: 'Title shown on the calendar.', resolve: (e) => e.title ?? null }),
    description: t.string({ nullable: true, description: 'Longer description of the appointment.', resolve: (e) => orNull(e.description) }),
    startTime: t.field({ type: 'DateTime', nullable: true, description: 'When it starts.', resolve: (e) => e.startTime ?? null }),
    endTime: t.field({ type: 'DateTime', nullable: true, description: 'When it ends.', resolve: (e) => e.endTime ?? null }),
    appointmentStatus: t.field({
      type: AppointmentStatus,
      nullable: true,
      description: 'Status of the appointment; null when GHL reports a status this gateway does not know.',
      resolve: statusOf,
    }),
    assignedUserId: t.id({ nullable: true, description: 'Id of the GHL user who runs it.', resolve: (e) => orNull(e.assignedUserId) }),
    userIds: t.idList({ description: 'Ids of every GHL user taking part.', resolve: (e) => e.users ?? [] }),
    address: t.string({ nullable: true, description: 'Where it takes place (address or meeting link).', resolve: (e) => e.address ?? null }),
    meetingLocationType: t.field({
      type: AppointmentMeetingLocationType,
      nullable: true,
      description: 'Kind of place it takes place in; null when GHL did not say or uses a kind this gateway does not know.',
      resolve: (e) => known(MEETING_LOCATION_TYPES)(e.meetingLocationType),
    }),
    notes: t.string({ nullable: true, description: 'Free-text notes stored on the appointment. See `appointmentNotes` for the notes written on it.', resolve: (e) => e.notes ?? null }),
    isRecurring: t.boolean({ description: 'Whether it repeats.', resolve: (e) => e.isRecurring ?? Boolean(e.rrule) }),
    rrule: t.string({ nullable: true, description: 'How it repeats, as an iCalendar RRULE (RFC 5545).', resolve: (e) => orNull(e.rrule) }),
    masterEventId: t.id({ nullable: true, description: 'For one occurrence of a recurring appointment: id of the series.', resolve: (e) => orNull(e.masterEventId) }),
    assignedResourceIds: t.idList({ description: 'Ids of the calendar resources (rooms, equipment) booked with it.', resolve: (e) => e.assignedResources ?? [] }),
    createdBy: t.field({ type: AppointmentCreator, nullable: true, description: 'Who or what booked it, when GHL says.', resolve: (e) => e.createdBy ?? null }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When it was booked.', resolve: (e) => orNull(e.dateAdded) }),
    dateUpdated: t.field({ type: 'DateTime', nullable: true, description: 'When it last changed.', resolve: (e) => orNull(e.dateUpdated) }),
  }),
});

export const AppointmentConnection = connectionType(Appointment, 'Appointment', 'appointment');

/** A note with the appointment it is on, which GHL's own shape leaves out. */
export type AppointmentNoteShape = GhlAppointmentNote & { appointmentId: string };

export const AppointmentNote = builder.objectRef<AppointmentNoteShape>('AppointmentNote').implement({
  description: 'A note written on an appointment.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's note id." }),
    appointmentId: t.exposeID('appointmentId', { description: 'Id of the appointment it is on.' }),
    body: t.string({ nullable: true, description: 'Text of the note.', resolve: (n) => n.body ?? null }),
    userId: t.id({ nullable: true, description: 'Id of the GHL user who wrote it.', resolve: (n) => orNull(n.userId ?? n.createdBy?.id) }),
    authorName: t.string({ nullable: true, description: 'Name of the user who wrote it, when GHL says.', resolve: (n) => orNull(n.createdBy?.name) }),
    contactId: t.id({ nullable: true, description: "Id of the appointment's contact.", resolve: (n) => orNull(n.contactId) }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When it was written.', resolve: (n) => orNull(n.dateAdded) }),
  }),
});

export const AppointmentNoteConnection = connectionType(AppointmentNote, 'AppointmentNote', 'appointment note');

import type { GhlEvent } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';

/** GHL's appointment statuses (the enum in apps/calendars.json, plus `booked` from apps/contacts.json). */
const APPOINTMENT_STATUSES = ['new', 'booked', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid', 'active', 'completed'] as const;
type GhlAppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const AppointmentStatus = builder.enumType('AppointmentStatus', {
  description: 'Where an appointment stands.',
  values: {
    NEW: { value: 'new', description: 'Requested, not yet confirmed.' },
    BOOKED: { value: 'booked', description: 'Booked on the calendar.' },
    CONFIRMED: { value: 'confirmed', description: 'Confirmed by the business.' },
    CANCELLED: { value: 'cancelled', description: 'Cancelled.' },
    SHOWED: { value: 'showed', description: 'The contact attended.' },
    NO_SHOW: { value: 'noshow', description: 'The contact did not attend.' },
    INVALID: { value: 'invalid', description: 'Marked invalid.' },
    ACTIVE: { value: 'active', description: 'In progress.' },
    COMPLETED: { value: 'completed', description: 'Finished.' },
  } as const,
});

function statusOf(event: GhlEvent): GhlAppointmentStatus | null {
  const raw = (event.appointmentStatus ?? event.status)?.toLowerCase();
  return APPOINTMENT_STATUSES.find((s) => s === raw) ?? null;
}

export const Appointment = builder.objectRef<GhlEvent>('Appointment').implement({
  description: 'A booked calendar event with a contact.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's appointment (event) id." }),
    calendarId: t.id({ nullable: true, description: 'Id of the calendar it is booked on.', resolve: (e) => e.calendarId ?? null }),
    contactId: t.id({ nullable: true, description: 'Id of the contact it is booked for.', resolve: (e) => e.contactId ?? null }),
    title: t.string({ nullable: true, description: 'Title shown on the calendar.', resolve: (e) => e.title ?? null }),
    startTime: t.field({ type: 'DateTime', nullable: true, description: 'When it starts.', resolve: (e) => e.startTime ?? null }),
    endTime: t.field({ type: 'DateTime', nullable: true, description: 'When it ends.', resolve: (e) => e.endTime ?? null }),
    appointmentStatus: t.field({
      type: AppointmentStatus,
      nullable: true,
      description: 'Status of the appointment; null when GHL reports a status this gateway does not know.',
      resolve: statusOf,
    }),
    assignedUserId: t.id({ nullable: true, description: 'Id of the GHL user who runs it.', resolve: (e) => e.assignedUserId ?? null }),
    address: t.string({ nullable: true, description: 'Where it takes place (address or meeting link).', resolve: (e) => e.address ?? null }),
    notes: t.string({ nullable: true, description: 'Free-text notes stored on the appointment.', resolve: (e) => e.notes ?? null }),
  }),
});

import type { RouteTable } from '../routes/types.js';
import { contactOf, ok } from './contacts-access.js';
import { eventDto } from './contacts-present.js';
import type { SimulatorDomain } from './types.js';

/**
 * A contact's appointments (apps/contacts.json `GET /contacts/{contactId}/appointments`). Booking,
 * moving and cancelling one is a calendar event: calendars-events.ts.
 */

const routes: RouteTable = {
  'GET /contacts/{contactId}/appointments': (ctx) => {
    const events = ctx.store.listAppointments(contactOf(ctx).id).sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id));
    return ok({ events: events.map(eventDto) });
  },
};

export const appointmentsDomain: SimulatorDomain = { name: 'appointments', routes };

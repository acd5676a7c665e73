import type { GhlEvent } from '../ghl/endpoints/contacts.js';
import { getContactAppointments } from '../ghl/endpoints/contacts.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** How long a contact's appointments may be served from the cross-request cache. */
export const TTL_MS = { contactAppointments: 30_000 };

/**
 * A contact's appointments (`GET /contacts/{contactId}/appointments`). One appointment by id is a
 * calendar event, read by the `appointment` loader of calendars.ts.
 */
export function createAppointmentLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    contactAppointments: kit.byId<GhlEvent[]>('contactAppointments', TTL_MS.contactAppointments, (contactId) => getContactAppointments(deps.ghl, contactId)),
  };
}

import { SEED_BASE_MS } from '../../../src/simulator/seed.js';
import { call, type CallOptions } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the calendars operations (apps/calendars.json, `Version: 2021-04-15`). */
export const calendarsSamples: DomainSamples = (env) => {
  const VERSION = '2021-04-15';
  const DAY = 86_400_000;
  const c = (method: string, path: string, opts: CallOptions = {}) => call(env().sim, method, path, { version: VERSION, ...opts });
  const loc = () => env().loc;
  const calendars = () => env().sim.store.listCalendars(loc().id);
  const calendarId = () => calendars()[0]!.id;
  const groupId = () => calendars()[0]!.groupId!;
  const appointment = () => env().sim.store.listLocationAppointments(loc().id)[0]!;
  const contactId = () => env().sim.store.listContacts(loc().id)[0]!.id;
  let n = 0;

  const newGroup = async (): Promise<string> => (await c('POST', '/calendars/groups', { body: { locationId: loc().id, name: `Group ${++n}`, description: 'Sample', slug: `sample-${n}` } })).body.group.id;
  const newCalendar = async (): Promise<string> => (await c('POST', '/calendars/', { body: { locationId: loc().id, name: `Sample calendar ${++n}` } })).body.calendar.id;
  /** Books the first free slot of a fresh calendar, so no seeded booking is in the way. */
  const newAppointment = async (): Promise<string> => {
    const id = await newCalendar();
    const days = (await c('GET', `/calendars/${id}/free-slots`, { query: { startDate: SEED_BASE_MS + 7 * DAY, endDate: SEED_BASE_MS + 14 * DAY } })).body;
    const first = (Object.values(days)[0] as { slots: string[] }).slots[0]!;
    return (await c('POST', '/calendars/events/appointments', { body: { calendarId: id, locationId: loc().id, contactId: contactId(), startTime: first } })).body.id;
  };
  const newBlockedSlot = async (): Promise<string> =>
    (await c('POST', '/calendars/events/block-slots', { body: { calendarId: calendarId(), locationId: loc().id, title: 'Offsite', startTime: '2025-02-03T15:00:00Z', endTime: '2025-02-03T16:00:00Z' } })).body.id;
  const newNote = async (appointmentId: string): Promise<string> => (await c('POST', `/calendars/appointments/${appointmentId}/notes`, { body: { body: 'Sample note' } })).body.note.id;
  const newNotification = async (): Promise<string> => (await c('POST', `/calendars/${calendarId()}/notifications`, { body: [{ receiverType: 'contact', channel: 'email', notificationType: 'booked' }] })).body[0]._id;
  const newResource = async (): Promise<string> =>
    (await c('POST', '/calendars/resources/rooms', { body: { locationId: loc().id, name: `Room ${++n}`, description: 'Sample', quantity: 1, outOfService: 0, capacity: 6, calendarIds: [calendarId()] } })).body._id;
  const window = () => ({ locationId: loc().id, startTime: String(SEED_BASE_MS - 90 * DAY), endTime: String(SEED_BASE_MS + 90 * DAY) });

  return {
    'GET /calendars/groups': () => c('GET', '/calendars/groups', { query: { locationId: loc().id } }),
    'POST /calendars/groups': () => c('POST', '/calendars/groups', { body: { locationId: loc().id, name: 'Workshops', description: 'Group sessions', slug: `workshops-${++n}` } }),
    'POST /calendars/groups/validate-slug': () => c('POST', '/calendars/groups/validate-slug', { body: { locationId: loc().id, slug: 'free-slug' } }),
    'PUT /calendars/groups/{groupId}': async () => c('PUT', `/calendars/groups/${await newGroup()}`, { body: { name: 'Renamed', description: 'Changed', slug: `renamed-${++n}` } }),
    'PUT /calendars/groups/{groupId}/status': () => c('PUT', `/calendars/groups/${groupId()}/status`, { body: { isActive: true } }),
    'DELETE /calendars/groups/{groupId}': async () => c('DELETE', `/calendars/groups/${await newGroup()}`),

    'GET /calendars/': () => c('GET', '/calendars/', { query: { locationId: loc().id, groupId: groupId(), showDrafted: 'false' } }),
    'GET /calendars/{calendarId}': () => c('GET', `/calendars/${calendarId()}`),
    'POST /calendars/': () =>
      c('POST', '/calendars/', {
        body: {
          locationId: loc().id,
          groupId: groupId(),
          name: 'Tax review',
          calendarType: 'event',
          slotDuration: 45,
          slotDurationUnit: 'mins',
          openHours: [{ daysOfTheWeek: [1, 3], hours: [{ openHour: 10, openMinute: 0, closeHour: 15, closeMinute: 30 }] }],
          teamMembers: [{ userId: 'user0000000000000001', priority: 1, isPrimary: true }],
          formSubmitType: 'ThankYouMessage',
          lookBusyConfig: { enabled: false, LookBusyPercentage: 0 },
        },
      }),
    'PUT /calendars/{calendarId}': async () => c('PUT', `/calendars/${await newCalendar()}`, { body: { description: 'Updated', slotDuration: 60, eventColor: '#ff0000' } }),
    'DELETE /calendars/{calendarId}': async () => c('DELETE', `/calendars/${await newCalendar()}`),
    'GET /calendars/{calendarId}/free-slots': () =>
      c('GET', `/calendars/${calendarId()}/free-slots`, { query: { startDate: SEED_BASE_MS + 5 * DAY, endDate: SEED_BASE_MS + 12 * DAY, timezone: 'America/Chicago' } }),

    'GET /calendars/events': () => c('GET', '/calendars/events', { query: { ...window(), calendarId: calendarId() } }),
    'GET /calendars/blocked-slots': () => c('GET', '/calendars/blocked-slots', { query: { ...window(), groupId: groupId() } }),
    'GET /calendars/events/appointments/{eventId}': () => c('GET', `/calendars/events/appointments/${appointment().id}`),
    'POST /calendars/events/appointments': () =>
      c('POST', '/calendars/events/appointments', { body: { calendarId: calendarId(), locationId: loc().id, contactId: contactId(), startTime: '2025-03-03T08:00:00-05:00', title: 'Walk-in', ignoreFreeSlotValidation: true, meetingLocationType: 'address', address: 'Office' } }),
    'PUT /calendars/events/appointments/{eventId}': async () => c('PUT', `/calendars/events/appointments/${await newAppointment()}`, { body: { title: 'Moved', appointmentStatus: 'showed' } }),
    'DELETE /calendars/events/{eventId}': async () => c('DELETE', `/calendars/events/${await newAppointment()}`, { body: {} }),
    'POST /calendars/events/block-slots': () => c('POST', '/calendars/events/block-slots', { body: { calendarId: calendarId(), locationId: loc().id, startTime: '2025-02-04T15:00:00Z', endTime: '2025-02-04T17:00:00Z' } }),
    'PUT /calendars/events/block-slots/{eventId}': async () => c('PUT', `/calendars/events/block-slots/${await newBlockedSlot()}`, { body: { calendarId: calendarId(), locationId: loc().id, title: 'Longer offsite', endTime: '2025-02-03T18:00:00Z' } }),

    'GET /calendars/appointments/{appointmentId}/notes': () => c('GET', `/calendars/appointments/${appointment().id}/notes`, { query: { limit: 5, offset: 0 } }),
    'POST /calendars/appointments/{appointmentId}/notes': () => c('POST', `/calendars/appointments/${appointment().id}/notes`, { body: { body: 'Bring the contract.', userId: 'user0000000000000001' } }),
    'PUT /calendars/appointments/{appointmentId}/notes/{noteId}': async () => {
      const a = appointment().id;
      return c('PUT', `/calendars/appointments/${a}/notes/${await newNote(a)}`, { body: { body: 'Edited note' } });
    },
    'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}': async () => {
      const a = appointment().id;
      return c('DELETE', `/calendars/appointments/${a}/notes/${await newNote(a)}`);
    },

    'GET /calendars/{calendarId}/notifications': () => c('GET', `/calendars/${calendarId()}/notifications`, { query: { isActive: true, limit: 10, skip: 0 } }),
    'GET /calendars/{calendarId}/notifications/{notificationId}': async () => c('GET', `/calendars/${calendarId()}/notifications/${await newNotification()}`),
    'POST /calendars/{calendarId}/notifications': () =>
      c('POST', `/calendars/${calendarId()}/notifications`, {
        body: [
          { receiverType: 'contact', channel: 'email', notificationType: 'cancellation', subject: 'Cancelled', body: 'Your appointment was cancelled.' },
          { receiverType: 'emails', channel: 'email', notificationType: 'booked', additionalEmailIds: ['desk@example.com'] },
        ],
      }),
    'PUT /calendars/{calendarId}/notifications/{notificationId}': async () => c('PUT', `/calendars/${calendarId()}/notifications/${await newNotification()}`, { body: { isActive: false } }),
    'DELETE /calendars/{calendarId}/notifications/{notificationId}': async () => c('DELETE', `/calendars/${calendarId()}/notifications/${await newNotification()}`),

    'GET /calendars/resources/{resourceType}': () => c('GET', '/calendars/resources/rooms', { query: { locationId: loc().id, limit: 10, skip: 0 } }),
    'GET /calendars/resources/{resourceType}/{id}': async () => c('GET', `/calendars/resources/rooms/${await newResource()}`),
    'POST /calendars/resources/{resourceType}': () =>
      c('POST', '/calendars/resources/equipments', { body: { locationId: loc().id, name: 'Camera', description: 'For recordings', quantity: 3, outOfService: 1, capacity: 1, calendarIds: [] } }),
    'PUT /calendars/resources/{resourceType}/{id}': async () => c('PUT', `/calendars/resources/rooms/${await newResource()}`, { body: { capacity: 10, name: 'Big room' } }),
    'DELETE /calendars/resources/{resourceType}/{id}': async () => c('DELETE', `/calendars/resources/rooms/${await newResource()}`),
  };
};

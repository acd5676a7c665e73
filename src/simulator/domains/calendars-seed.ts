import type { DomainSeedContext } from './types.js';
import { calendarsState } from './calendars-state.js';

/**
 * Seed of the calendars domain, after the core seed made three calendars in one group per
 * location and booked appointments on them (ASSUMPTIONS.md I2, K12). This adds what the core
 * leaves out: the group itself, the calendars' settings, blocked slots, appointment notes, event
 * notifications and resources. Nothing here draws from the core streams, so contacts stay as they are.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const CALENDAR_SETTINGS = [
  { calendarType: 'event', slotDuration: 30, description: 'A first conversation about what the customer needs.' },
  { calendarType: 'round_robin', slotDuration: 30, description: 'Short check-ins after a first meeting.' },
  { calendarType: 'event', slotDuration: 60, description: 'Product walkthroughs.' },
] as const;
const NOTE_BODIES = ['Customer asked to bring last year\'s invoices.', 'Prefers a video call.', 'Confirmed by phone.', 'Running ten minutes late.'];

export function seedCalendars({ store, locations, random, baseMs }: DomainSeedContext): void {
  const state = calendarsState(store);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const seeded of locations) {
    const location = store.locations.get(seeded.id);
    if (!location) continue;
    const calendars = store.listCalendars(location.id);
    for (const groupId of new Set(calendars.flatMap((c) => (c.groupId ? [c.groupId] : [])))) {
      state.groups.set(groupId, { id: groupId, locationId: location.id, name: 'Main calendars', description: 'The calendars customers book.', slug: 'main', isActive: true, dateAdded: iso(baseMs - 400 * DAY) });
    }

    calendars.forEach((calendar, i) => {
      const s = CALENDAR_SETTINGS[i % CALENDAR_SETTINGS.length]!;
      store.updateCalendar(calendar.id, {
        ...s,
        slug: kebab(calendar.name),
        widgetSlug: kebab(calendar.name),
        isActive: true,
        slotDurationUnit: 'mins',
        slotInterval: s.slotDuration,
        slotIntervalUnit: 'mins',
        appoinmentPerSlot: 1,
        autoConfirm: true,
        openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }],
        teamMembers: [{ userId: location.userIds[i % location.userIds.length] as string, priority: 0.5, isPrimary: true }],
      });
      // A lunch hour blocked a few days after the base date, and two notifications per calendar.
      const start = baseMs + (3 + i) * DAY + 12 * HOUR;
      const blockedId = store.newId();
      state.blockedSlots.set(blockedId, { id: blockedId, locationId: location.id, calendarId: calendar.id, title: 'Team lunch', assignedUserId: location.userIds[i % location.userIds.length] as string, startTime: iso(start), endTime: iso(start + HOUR), dateAdded: iso(baseMs - DAY), dateUpdated: iso(baseMs - DAY) });
      for (const [k, n] of [
        { receiverType: 'contact', channel: 'email', notificationType: 'confirmation', subject: 'Your booking is confirmed', body: 'See you soon.' },
        { receiverType: 'contact', channel: 'sms', notificationType: 'reminder', body: 'Reminder: your appointment is tomorrow.', beforeTime: [{ timeOffset: 1, unit: 'days' }] },
      ].entries()) {
        const id = store.newObjectId();
        state.notifications.set(id, { ...n, id, locationId: location.id, calendarId: calendar.id, isActive: true, deleted: false, dateAdded: iso(baseMs - 300 * DAY + k * HOUR) });
      }
    });

    for (const appointment of store.listLocationAppointments(location.id)) {
      if (!random.chance(0.15)) continue;
      for (let n = random.between(1, 2); n > 0; n--) {
        const at = iso(Date.parse(appointment.dateAdded) + random.between(1, 48) * HOUR);
        state.addNote({ id: store.newId(), appointmentId: appointment.id, locationId: location.id, contactId: appointment.contactId, body: random.pick(NOTE_BODIES), userId: appointment.assignedUserId, dateAdded: at, dateUpdated: at });
      }
    }

    const calendarIds = calendars.map((c) => c.id);
    for (const [name, type, capacity, quantity] of [
      ['Meeting room A', 'rooms', 8, 1],
      ['Meeting room B', 'rooms', 4, 1],
      ['Projector', 'equipments', 1, 2],
      ['Video kit', 'equipments', 1, 1],
    ] as const) {
      const id = store.newObjectId();
      state.resources.set(id, { id, locationId: location.id, resourceType: type, name, description: `${name} for appointments.`, quantity, outOfService: 0, capacity, calendarIds: type === 'rooms' ? [...calendarIds] : calendarIds.slice(0, 1), isActive: true, dateAdded: iso(baseMs - 200 * DAY) });
    }
  }
}

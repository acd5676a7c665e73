import { calendarRoutes } from './calendars-calendars.js';
import { eventRoutes } from './calendars-events.js';
import { groupRoutes } from './calendars-groups.js';
import { noteRoutes } from './calendars-notes.js';
import { notificationRoutes } from './calendars-notifications.js';
import { resourceRoutes } from './calendars-resources.js';
import { seedCalendars } from './calendars-seed.js';
import type { SimulatorDomain } from './types.js';

/**
 * apps/calendars.json: the 34 catalog operations of Calendars & Appointments. Calendars and
 * appointments are the core store's records (so contacts see their bookings); the rest lives in
 * calendars-state.ts. Choices the spec leaves open: ASSUMPTIONS.md, section K.
 */
export const calendarsDomain: SimulatorDomain = {
  name: 'calendars',
  routes: { ...groupRoutes, ...calendarRoutes, ...eventRoutes, ...noteRoutes, ...notificationRoutes, ...resourceRoutes },
  seed: seedCalendars,
};

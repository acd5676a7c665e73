import DataLoader from 'dataloader';
import type { EventWindow, FreeSlotsQuery, GhlAppointment, GhlAppointmentNote, GhlBlockedSlot, GhlCalendar, GhlCalendarGroup, GhlCalendarNotification, GhlCalendarResource, GhlCalendarResourceType, GhlFreeSlots } from '../ghl/endpoints/calendars.js';
import {
  getAppointment,
  getCalendar,
  getCalendarNotification,
  getCalendarResource,
  getFreeSlots,
  listAppointmentNotes,
  listBlockedSlots,
  listCalendarEvents,
  listCalendarGroups,
  listCalendarNotifications,
  listCalendarResources,
  listCalendars,
} from '../ghl/endpoints/calendars.js';
import { GhlNotFoundError } from '../ghl/errors.js';
import { loaderKit, primingList, type LoaderDeps } from './kit.js';

/**
 * How long each calendars resource may be served from the cross-request cache. Settings
 * (calendars, groups, notifications, resources) change rarely; what bookings change (events, free
 * slots, notes) is kept short, and every write of this domain invalidates what it touches.
 */
export const TTL_MS = {
  calendar: 60_000,
  calendarList: 60_000,
  calendarGroups: 120_000,
  calendarEvents: 15_000,
  blockedSlots: 15_000,
  calendarFreeSlots: 10_000,
  appointment: 30_000,
  appointmentNotes: 30_000,
  calendarNotifications: 60_000,
  calendarNotification: 60_000,
  calendarResources: 60_000,
  calendarResource: 60_000,
};

export interface CalendarListArgs {
  groupId?: string;
  showDrafted?: boolean;
}

export interface AppointmentNotesArgs {
  appointmentId: string;
  limit: number;
  offset: number;
}

export interface CalendarNotificationsArgs {
  calendarId: string;
  isActive?: boolean;
  deleted?: boolean;
  limit: number;
  skip: number;
}

export interface CalendarResourcesArgs {
  resourceType: GhlCalendarResourceType;
  limit: number;
  skip: number;
}

export function createCalendarLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const calendar = kit.byId<GhlCalendar>('calendar', TTL_MS.calendar, (id) => getCalendar(ghl, id));
  const appointment = kit.byId<GhlAppointment>('appointment', TTL_MS.appointment, (id) => getAppointment(ghl, id));
  const calendarList = kit.byArgs<CalendarListArgs, GhlCalendar[]>('calendarList', TTL_MS.calendarList, (args) => listCalendars(ghl, args));
  const calendarEvents = kit.byArgs<EventWindow, GhlAppointment[]>('calendarEvents', TTL_MS.calendarEvents, (w) => listCalendarEvents(ghl, w));
  // GHL has no "get group": one list read answers every group id of the request.
  const calendarGroups = kit.byArgs<Record<string, never>, GhlCalendarGroup[]>('calendarGroups', TTL_MS.calendarGroups, () => listCalendarGroups(ghl));
  const calendarGroup = new DataLoader<string, GhlCalendarGroup>(async (ids) => {
    const groups = await calendarGroups.load({});
    return ids.map((id) => groups.find((g) => g.id === id) ?? new GhlNotFoundError(`Calendar group ${id} not found`, 'GET /calendars/groups', null));
  }, { cache: deps.fetcher.enabled }); // GATEWAY_CACHE=off: no memo within the request either
  return {
    calendar,
    /** The location's calendars; each is primed into `calendar`, so `calendar(id)` is free afterwards. */
    calendarList: primingList(calendarList, calendar, (list) => list),
    calendarGroups,
    calendarGroup,
    /** A time window of events; each is primed into `appointment`. */
    calendarEvents: primingList(calendarEvents, appointment, (events) => events),
    blockedSlots: kit.byArgs<EventWindow, GhlBlockedSlot[]>('blockedSlots', TTL_MS.blockedSlots, (w) => listBlockedSlots(ghl, w)),
    calendarFreeSlots: kit.byArgs<FreeSlotsQuery & { calendarId: string }, GhlFreeSlots>('calendarFreeSlots', TTL_MS.calendarFreeSlots, ({ calendarId, ...q }) => getFreeSlots(ghl, calendarId, q)),
    appointment,
    appointmentNotes: kit.byArgs<AppointmentNotesArgs, { notes: GhlAppointmentNote[]; hasMore: boolean }>('appointmentNotes', TTL_MS.appointmentNotes, ({ appointmentId, ...page }) => listAppointmentNotes(ghl, appointmentId, page)),
    calendarNotifications: kit.byArgs<CalendarNotificationsArgs, GhlCalendarNotification[]>('calendarNotifications', TTL_MS.calendarNotifications, ({ calendarId, ...q }) => listCalendarNotifications(ghl, calendarId, q)),
    calendarNotification: kit.byArgs<{ calendarId: string; id: string }, GhlCalendarNotification>('calendarNotification', TTL_MS.calendarNotification, ({ calendarId, id }) => getCalendarNotification(ghl, calendarId, id)),
    calendarResources: kit.byArgs<CalendarResourcesArgs, GhlCalendarResource[]>('calendarResources', TTL_MS.calendarResources, ({ resourceType, ...page }) => listCalendarResources(ghl, resourceType, page)),
    calendarResource: kit.byArgs<{ resourceType: GhlCalendarResourceType; id: string }, GhlCalendarResource>('calendarResource', TTL_MS.calendarResource, ({ resourceType, id }) => getCalendarResource(ghl, resourceType, id)),
  };
}

import type { CallOptions } from '../client.js';
import { operation } from '../operations.js';
import type {
  AppointmentWriteBody,
  BlockedSlotWriteBody,
  CalendarGroupWriteBody,
  CalendarNotificationWriteBody,
  CalendarResourceWriteBody,
  CalendarWriteBody,
  EventWindow,
  FreeSlotsQuery,
  GhlAppointment,
  GhlAppointmentNote,
  GhlBlockedSlot,
  GhlCalendar,
  GhlCalendarGroup,
  GhlCalendarNotification,
  GhlCalendarResource,
  GhlCalendarResourceType,
  GhlFreeSlots,
} from './calendars-types.js';
import type { GhlCallContext } from './types.js';

export type * from './calendars-types.js';

/** One typed function per catalog operation of apps/calendars.json; writes never go through loaders. */

const ops = {
  listGroups: operation('GET /calendars/groups'),
  createGroup: operation('POST /calendars/groups'),
  updateGroup: operation('PUT /calendars/groups/{groupId}'),
  groupStatus: operation('PUT /calendars/groups/{groupId}/status'),
  deleteGroup: operation('DELETE /calendars/groups/{groupId}'),
  validateSlug: operation('POST /calendars/groups/validate-slug'),
  listCalendars: operation('GET /calendars/'),
  getCalendar: operation('GET /calendars/{calendarId}'),
  createCalendar: operation('POST /calendars/'),
  updateCalendar: operation('PUT /calendars/{calendarId}'),
  deleteCalendar: operation('DELETE /calendars/{calendarId}'),
  freeSlots: operation('GET /calendars/{calendarId}/free-slots'),
  listEvents: operation('GET /calendars/events'),
  listBlockedSlots: operation('GET /calendars/blocked-slots'),
  getAppointment: operation('GET /calendars/events/appointments/{eventId}'),
  createAppointment: operation('POST /calendars/events/appointments'),
  updateAppointment: operation('PUT /calendars/events/appointments/{eventId}'),
  deleteEvent: operation('DELETE /calendars/events/{eventId}'),
  createBlockedSlot: operation('POST /calendars/events/block-slots'),
  updateBlockedSlot: operation('PUT /calendars/events/block-slots/{eventId}'),
  listNotes: operation('GET /calendars/appointments/{appointmentId}/notes'),
  createNote: operation('POST /calendars/appointments/{appointmentId}/notes'),
  updateNote: operation('PUT /calendars/appointments/{appointmentId}/notes/{noteId}'),
  deleteNote: operation('DELETE /calendars/appointments/{appointmentId}/notes/{noteId}'),
  listNotifications: operation('GET /calendars/{calendarId}/notifications'),
  getNotification: operation('GET /calendars/{calendarId}/notifications/{notificationId}'),
  createNotifications: operation('POST /calendars/{calendarId}/notifications'),
  updateNotification: operation('PUT /calendars/{calendarId}/notifications/{notificationId}'),
  deleteNotification: operation('DELETE /calendars/{calendarId}/notifications/{notificationId}'),
  listResources: operation('GET /calendars/resources/{resourceType}'),
  getResource: operation('GET /calendars/resources/{resourceType}/{id}'),
  createResource: operation('POST /calendars/resources/{resourceType}'),
  updateResource: operation('PUT /calendars/resources/{resourceType}/{id}'),
  deleteResource: operation('DELETE /calendars/resources/{resourceType}/{id}'),
};

/** Calls one operation with the request's priority and meter, as every endpoint function does. */
async function send<T>(ctx: GhlCallContext, op: keyof typeof ops, opts: Omit<CallOptions, 'priority' | 'meter'> = {}): Promise<T> {
  const res = await ctx.client.call<T>(ops[op], ctx.credential, { priority: ctx.priority ?? 'interactive', meter: ctx.meter, ...opts });
  return res.data;
}

const locationId = (ctx: GhlCallContext) => ctx.credential.locationId;

// Groups ----------------------------------------------------------------------------------------

export async function listCalendarGroups(ctx: GhlCallContext): Promise<GhlCalendarGroup[]> {
  return (await send<{ groups?: GhlCalendarGroup[] }>(ctx, 'listGroups', { query: { locationId: locationId(ctx) } })).groups ?? [];
}

export async function createCalendarGroup(ctx: GhlCallContext, body: CalendarGroupWriteBody & { isActive?: boolean }): Promise<GhlCalendarGroup> {
  return (await send<{ group: GhlCalendarGroup }>(ctx, 'createGroup', { body: { locationId: locationId(ctx), ...body } })).group;
}

export async function updateCalendarGroup(ctx: GhlCallContext, groupId: string, body: CalendarGroupWriteBody): Promise<GhlCalendarGroup> {
  return (await send<{ group: GhlCalendarGroup }>(ctx, 'updateGroup', { pathParams: { groupId }, body })).group;
}

export async function setCalendarGroupStatus(ctx: GhlCallContext, groupId: string, isActive: boolean): Promise<void> {
  await send(ctx, 'groupStatus', { pathParams: { groupId }, body: { isActive } });
}

export async function deleteCalendarGroup(ctx: GhlCallContext, groupId: string): Promise<void> {
  await send(ctx, 'deleteGroup', { pathParams: { groupId } });
}

export async function validateCalendarGroupSlug(ctx: GhlCallContext, slug: string): Promise<boolean> {
  return (await send<{ available: boolean }>(ctx, 'validateSlug', { body: { locationId: locationId(ctx), slug } })).available;
}

// Calendars -------------------------------------------------------------------------------------

export async function listCalendars(ctx: GhlCallContext, filter: { groupId?: string; showDrafted?: boolean }): Promise<GhlCalendar[]> {
  return (await send<{ calendars?: GhlCalendar[] }>(ctx, 'listCalendars', { query: { locationId: locationId(ctx), ...filter } })).calendars ?? [];
}

export async function getCalendar(ctx: GhlCallContext, calendarId: string): Promise<GhlCalendar> {
  return (await send<{ calendar: GhlCalendar }>(ctx, 'getCalendar', { pathParams: { calendarId } })).calendar;
}

export async function createCalendar(ctx: GhlCallContext, body: CalendarWriteBody & { name: string }): Promise<GhlCalendar> {
  return (await send<{ calendar: GhlCalendar }>(ctx, 'createCalendar', { body: { locationId: locationId(ctx), ...body } })).calendar;
}

export async function updateCalendar(ctx: GhlCallContext, calendarId: string, body: CalendarWriteBody): Promise<GhlCalendar> {
  return (await send<{ calendar: GhlCalendar }>(ctx, 'updateCalendar', { pathParams: { calendarId }, body })).calendar;
}

export async function deleteCalendar(ctx: GhlCallContext, calendarId: string): Promise<void> {
  await send(ctx, 'deleteCalendar', { pathParams: { calendarId } });
}

export async function getFreeSlots(ctx: GhlCallContext, calendarId: string, q: FreeSlotsQuery): Promise<GhlFreeSlots> {
  return (await send<GhlFreeSlots | null>(ctx, 'freeSlots', { pathParams: { calendarId }, query: { ...q } })) ?? {};
}

// Events, appointments, blocked slots -----------------------------------------------------------

const windowQuery = (ctx: GhlCallContext, w: EventWindow) => ({ ...w, locationId: locationId(ctx), startTime: String(w.startTime), endTime: String(w.endTime) });

export async function listCalendarEvents(ctx: GhlCallContext, window: EventWindow): Promise<GhlAppointment[]> {
  return (await send<{ events?: GhlAppointment[] }>(ctx, 'listEvents', { query: windowQuery(ctx, window) })).events ?? [];
}

export async function listBlockedSlots(ctx: GhlCallContext, window: EventWindow): Promise<GhlBlockedSlot[]> {
  return (await send<{ events?: GhlBlockedSlot[] }>(ctx, 'listBlockedSlots', { query: windowQuery(ctx, window) })).events ?? [];
}

export async function getAppointment(ctx: GhlCallContext, eventId: string): Promise<GhlAppointment> {
  return (await send<{ event: GhlAppointment }>(ctx, 'getAppointment', { pathParams: { eventId } })).event;
}

/** GHL answers the booking flat, without an envelope. */
export async function createAppointment(ctx: GhlCallContext, body: AppointmentWriteBody & { calendarId: string; contactId: string; startTime: string }): Promise<GhlAppointment> {
  return send<GhlAppointment>(ctx, 'createAppointment', { body: { locationId: locationId(ctx), ...body } });
}

export async function updateAppointment(ctx: GhlCallContext, eventId: string, body: AppointmentWriteBody): Promise<GhlAppointment> {
  return send<GhlAppointment>(ctx, 'updateAppointment', { pathParams: { eventId }, body });
}

/** Deletes an appointment or a blocked slot. The spec requires a body, an empty object. */
export async function deleteCalendarEvent(ctx: GhlCallContext, eventId: string): Promise<void> {
  await send(ctx, 'deleteEvent', { pathParams: { eventId }, body: {} });
}

export async function createBlockedSlot(ctx: GhlCallContext, body: BlockedSlotWriteBody): Promise<GhlBlockedSlot> {
  return send<GhlBlockedSlot>(ctx, 'createBlockedSlot', { body: { locationId: locationId(ctx), ...body } });
}

export async function updateBlockedSlot(ctx: GhlCallContext, eventId: string, body: BlockedSlotWriteBody): Promise<GhlBlockedSlot> {
  return send<GhlBlockedSlot>(ctx, 'updateBlockedSlot', { pathParams: { eventId }, body: { locationId: locationId(ctx), ...body } });
}

// Appointment notes -----------------------------------------------------------------------------

export async function listAppointmentNotes(ctx: GhlCallContext, appointmentId: string, page: { limit: number; offset: number }): Promise<{ notes: GhlAppointmentNote[]; hasMore: boolean }> {
  const res = await send<{ notes?: GhlAppointmentNote[]; hasMore?: boolean }>(ctx, 'listNotes', { pathParams: { appointmentId }, query: page });
  return { notes: res.notes ?? [], hasMore: res.hasMore ?? false };
}

export async function createAppointmentNote(ctx: GhlCallContext, appointmentId: string, body: { body: string; userId?: string }): Promise<GhlAppointmentNote> {
  return (await send<{ note: GhlAppointmentNote }>(ctx, 'createNote', { pathParams: { appointmentId }, body })).note;
}

export async function updateAppointmentNote(ctx: GhlCallContext, appointmentId: string, noteId: string, body: { body: string; userId?: string }): Promise<GhlAppointmentNote> {
  return (await send<{ note: GhlAppointmentNote }>(ctx, 'updateNote', { pathParams: { appointmentId, noteId }, body })).note;
}

export async function deleteAppointmentNote(ctx: GhlCallContext, appointmentId: string, noteId: string): Promise<void> {
  await send(ctx, 'deleteNote', { pathParams: { appointmentId, noteId } });
}

// Event notifications (bare arrays and objects, no envelope) -------------------------------------

export async function listCalendarNotifications(ctx: GhlCallContext, calendarId: string, q: { isActive?: boolean; deleted?: boolean; limit: number; skip: number }): Promise<GhlCalendarNotification[]> {
  return (await send<GhlCalendarNotification[] | null>(ctx, 'listNotifications', { pathParams: { calendarId }, query: q })) ?? [];
}

export async function getCalendarNotification(ctx: GhlCallContext, calendarId: string, notificationId: string): Promise<GhlCalendarNotification> {
  return send<GhlCalendarNotification>(ctx, 'getNotification', { pathParams: { calendarId, notificationId } });
}

export async function createCalendarNotifications(ctx: GhlCallContext, calendarId: string, body: CalendarNotificationWriteBody[]): Promise<GhlCalendarNotification[]> {
  return (await send<GhlCalendarNotification[] | null>(ctx, 'createNotifications', { pathParams: { calendarId }, body })) ?? [];
}

export async function updateCalendarNotification(ctx: GhlCallContext, calendarId: string, notificationId: string, body: CalendarNotificationWriteBody): Promise<void> {
  await send(ctx, 'updateNotification', { pathParams: { calendarId, notificationId }, body });
}

export async function deleteCalendarNotification(ctx: GhlCallContext, calendarId: string, notificationId: string): Promise<void> {
  await send(ctx, 'deleteNotification', { pathParams: { calendarId, notificationId } });
}

// Resources (Location-Access only) ---------------------------------------------------------------

export async function listCalendarResources(ctx: GhlCallContext, resourceType: GhlCalendarResourceType, page: { limit: number; skip: number }): Promise<GhlCalendarResource[]> {
  return (await send<GhlCalendarResource[] | null>(ctx, 'listResources', { pathParams: { resourceType }, query: { locationId: locationId(ctx), ...page } })) ?? [];
}

export async function getCalendarResource(ctx: GhlCallContext, resourceType: GhlCalendarResourceType, id: string): Promise<GhlCalendarResource> {
  return send<GhlCalendarResource>(ctx, 'getResource', { pathParams: { resourceType, id } });
}

export async function createCalendarResource(ctx: GhlCallContext, resourceType: GhlCalendarResourceType, body: Required<Omit<CalendarResourceWriteBody, 'isActive'>>): Promise<GhlCalendarResource> {
  return send<GhlCalendarResource>(ctx, 'createResource', { pathParams: { resourceType }, body: { locationId: locationId(ctx), ...body } });
}

export async function updateCalendarResource(ctx: GhlCallContext, resourceType: GhlCalendarResourceType, id: string, body: CalendarResourceWriteBody): Promise<GhlCalendarResource> {
  return send<GhlCalendarResource>(ctx, 'updateResource', { pathParams: { resourceType, id }, body });
}

export async function deleteCalendarResource(ctx: GhlCallContext, resourceType: GhlCalendarResourceType, id: string): Promise<void> {
  await send(ctx, 'deleteResource', { pathParams: { resourceType, id } });
}

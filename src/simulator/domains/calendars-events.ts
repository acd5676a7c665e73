import { forbiddenLocation } from '../errors.js';
import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import type { AppointmentRecord, CalendarRecord, ContactRecord } from '../store.js';
import { created, epochMs, instant, ok, ownAppointment, ownBlockedSlot, ownCalendar, param, refuse, stateOf } from './calendars-access.js';
import { appointmentDto, blockedSlotDto, blockedSlotEventDto, calendarEventDto } from './calendars-present.js';
import { freeSlots, slotLengthMs } from './calendars-slots.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Appointments and blocked slots (apps/calendars.json). An appointment is the core store's
 * record, so a booking here is what `GET /contacts/{id}/appointments` lists too.
 */

interface AppointmentBody {
  calendarId?: string;
  contactId?: string;
  startTime?: string;
  endTime?: string;
  title?: string;
  meetingLocationType?: string;
  appointmentStatus?: string;
  assignedUserId?: string;
  description?: string;
  address?: string;
  ignoreFreeSlotValidation?: boolean;
  rrule?: string;
}

interface BlockSlotBody {
  calendarId: string;
  title?: string;
  assignedUserId?: string;
  startTime?: string;
  endTime?: string;
}

/** A record named in a body: unknown is a 400 naming the field, another location's is 403 (B2). */
function reference<T extends { locationId: string }>(ctx: RequestContext, record: T | undefined, field: string, id: string, noun: string): T {
  if (!record) throw refuse(`${field} ${id} is no ${noun} of this location`);
  if (record.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return record;
}

const calendarRef = (ctx: RequestContext, id: string): CalendarRecord => reference(ctx, ctx.store.getCalendar(id), 'calendarId', id, 'calendar');
const contactRef = (ctx: RequestContext, id: string): ContactRecord => reference(ctx, ctx.store.getContact(id), 'contactId', id, 'contact');

function span(startTime: string, endTime: string): void {
  if (Date.parse(endTime) <= Date.parse(startTime)) throw refuse('endTime must be after startTime');
}

/** Unless the caller opts out, an appointment must start on a free slot of its calendar (K5). */
function assertFree(ctx: RequestContext, calendar: CalendarRecord, startTime: string, ignoreEventId?: string): void {
  const at = Date.parse(startTime);
  const free = freeSlots(ctx.store, calendar, { startMs: at, endMs: at, ...(ignoreEventId ? { ignoreEventId } : {}) });
  if (free.length === 0) throw refuse('The slot you have selected is no longer available');
}


/** The query contract of the events and blocked-slots lists: a time window and one owner filter (K3). */
function eventWindow(ctx: RequestContext): { from: number; to: number; inScope: (calendarId: string, users: readonly string[]) => boolean } {
  const q = ctx.query as { startTime?: string; endTime?: string; calendarId?: string; userId?: string; groupId?: string };
  const from = epochMs(q.startTime, 'startTime');
  const to = epochMs(q.endTime, 'endTime');
  if (to < from) throw refuse('endTime must not be before startTime');
  if (!q.calendarId && !q.userId && !q.groupId) throw refuse('Either calendarId, userId or groupId must be given');
  if (q.calendarId) ownCalendar(ctx, q.calendarId);
  return {
    from,
    to,
    inScope: (calendarId, users) =>
      (!q.calendarId || calendarId === q.calendarId) && (!q.userId || users.includes(q.userId)) && (!q.groupId || ctx.store.getCalendar(calendarId)?.groupId === q.groupId),
  };
}

const startsWithin = (startTime: string, from: number, to: number) => {
  const t = Date.parse(startTime);
  return t >= from && t <= to;
};
const byStart = <T extends { startTime: string; id: string }>(a: T, b: T) => Date.parse(a.startTime) - Date.parse(b.startTime) || a.id.localeCompare(b.id);

export const eventRoutes: RouteTable = {
  'GET /calendars/events': (ctx) => {
    const w = eventWindow(ctx);
    const events = ctx.store
      .listLocationAppointments(locationOf(ctx))
      .filter((a) => startsWithin(a.startTime, w.from, w.to) && w.inScope(a.calendarId, [a.assignedUserId, ...a.users]))
      .sort(byStart);
    return ok({ events: events.map(calendarEventDto) });
  },

  'GET /calendars/blocked-slots': (ctx) => {
    const w = eventWindow(ctx);
    const slots = stateOf(ctx)
      .blockedSlotsOf(locationOf(ctx))
      .filter((b) => startsWithin(b.startTime, w.from, w.to) && w.inScope(b.calendarId, b.assignedUserId ? [b.assignedUserId] : []))
      .sort(byStart);
    return ok({ events: slots.map((b) => blockedSlotEventDto(b, ctx.store.getCalendar(b.calendarId)?.groupId)) });
  },

  'GET /calendars/events/appointments/{eventId}': (ctx) => ok({ event: calendarEventDto(ownAppointment(ctx, param(ctx, 'eventId'))) }),

  'POST /calendars/events/appointments': (ctx) => {
    const input = ctx.body as AppointmentBody & { calendarId: string; contactId: string; startTime: string };
    const calendar = calendarRef(ctx, input.calendarId);
    const contact = contactRef(ctx, input.contactId);
    const startTime = instant(input.startTime, 'startTime') as string;
    const endTime = instant(input.endTime, 'endTime') ?? new Date(Date.parse(startTime) + slotLengthMs(calendar)).toISOString();
    span(startTime, endTime);
    if (!input.ignoreFreeSlotValidation) assertFree(ctx, calendar, startTime);
    const owner = ctx.store.locations.get(calendar.locationId)?.userIds[0] ?? '';
    const assignedUserId = input.assignedUserId ?? calendar.teamMembers?.[0]?.userId ?? owner;
    const appointmentStatus = input.appointmentStatus ?? (calendar.autoConfirm === false ? 'new' : 'confirmed');
    const contactName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    const fields: Omit<AppointmentRecord, 'id' | 'dateAdded' | 'dateUpdated'> = {
      locationId: calendar.locationId,
      contactId: contact.id,
      calendarId: calendar.id,
      title: input.title?.trim() || (contactName ? `${calendar.name} with ${contactName}` : calendar.name),
      status: appointmentStatus === 'cancelled' ? 'cancelled' : 'booked',
      appointmentStatus,
      assignedUserId,
      users: [assignedUserId],
      startTime,
      endTime,
      assignedResources: [],
      createdBy: { userId: ctx.token?.userId ?? '', source: 'third_party' },
      ...withoutUndefined({ groupId: calendar.groupId, address: input.address, description: input.description, meetingLocationType: input.meetingLocationType, rrule: input.rrule }),
    };
    return ok(appointmentDto(ctx.store.createAppointment(fields)));
  },

  'PUT /calendars/events/appointments/{eventId}': (ctx) => {
    const appointment = ownAppointment(ctx, param(ctx, 'eventId'));
    const input = ctx.body as AppointmentBody;
    const calendar = input.calendarId ? calendarRef(ctx, input.calendarId) : ownCalendar(ctx, appointment.calendarId);
    const startTime = instant(input.startTime, 'startTime') ?? appointment.startTime;
    const keepLength = new Date(Date.parse(startTime) + Date.parse(appointment.endTime) - Date.parse(appointment.startTime)).toISOString();
    const endTime = instant(input.endTime, 'endTime') ?? (input.startTime ? keepLength : appointment.endTime);
    span(startTime, endTime);
    const moved = startTime !== appointment.startTime || calendar.id !== appointment.calendarId;
    if (moved && !input.ignoreFreeSlotValidation) assertFree(ctx, calendar, startTime, appointment.id);
    const appointmentStatus = input.appointmentStatus;
    const patch = withoutUndefined({
      calendarId: calendar.id,
      groupId: calendar.groupId,
      startTime,
      endTime,
      title: input.title,
      appointmentStatus,
      status: appointmentStatus === undefined ? undefined : appointmentStatus === 'cancelled' ? 'cancelled' : 'booked',
      assignedUserId: input.assignedUserId,
      users: input.assignedUserId ? [input.assignedUserId] : undefined,
      address: input.address,
      description: input.description,
      meetingLocationType: input.meetingLocationType,
      rrule: input.rrule,
    });
    return ok(appointmentDto(ctx.store.updateAppointment(appointment.id, patch)));
  },

  /** Deletes an appointment (with its notes) or a blocked slot. 201, as the spec documents. */
  'DELETE /calendars/events/{eventId}': (ctx) => {
    const id = param(ctx, 'eventId');
    if (stateOf(ctx).blockedSlots.has(id)) ownBlockedSlot(ctx, id);
    else ctx.store.deleteAppointment(ownAppointment(ctx, id).id);
    stateOf(ctx).forgetEvent(id);
    return created({ succeeded: true });
  },

  'POST /calendars/events/block-slots': (ctx) => {
    const input = ctx.body as BlockSlotBody;
    const calendar = calendarRef(ctx, input.calendarId);
    if (!input.startTime || !input.endTime) throw refuse('startTime and endTime must be given');
    const startTime = instant(input.startTime, 'startTime') as string;
    const endTime = instant(input.endTime, 'endTime') as string;
    span(startTime, endTime);
    const now = ctx.store.nowIso();
    const slot = { id: ctx.store.newId(), locationId: calendar.locationId, calendarId: calendar.id, title: input.title?.trim() || 'Blocked', startTime, endTime, dateAdded: now, dateUpdated: now, ...withoutUndefined({ assignedUserId: input.assignedUserId }) };
    stateOf(ctx).blockedSlots.set(slot.id, slot);
    return created(blockedSlotDto(slot));
  },

  /** 201 on update too, as the spec documents. */
  'PUT /calendars/events/block-slots/{eventId}': (ctx) => {
    const slot = ownBlockedSlot(ctx, param(ctx, 'eventId'));
    const input = ctx.body as BlockSlotBody;
    const calendar = calendarRef(ctx, input.calendarId);
    const startTime = instant(input.startTime, 'startTime') ?? slot.startTime;
    const endTime = instant(input.endTime, 'endTime') ?? slot.endTime;
    span(startTime, endTime);
    Object.assign(slot, { calendarId: calendar.id, startTime, endTime, dateUpdated: ctx.store.nowIso() }, withoutUndefined({ title: input.title, assignedUserId: input.assignedUserId }));
    return created(blockedSlotDto(slot));
  },
};

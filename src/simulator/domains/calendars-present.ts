import type { AppointmentRecord, CalendarRecord } from '../store.js';
import type { AppointmentNoteRecord, BlockedSlotRecord, CalendarGroupRecord, CalendarNotificationRecord, CalendarResourceRecord } from './calendars-state.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Records → the wire shapes of apps/calendars.json, one function per schema. Absent optional
 * values are left out (D1); required strings with no value are sent empty (ASSUMPTIONS.md K4).
 */


/** The spec's defaults for what a calendar leaves unset (`CalendarDTO`). */
export const CALENDAR_DEFAULTS = { slotDuration: 30, slotInterval: 30, appoinmentPerSlot: 1, autoConfirm: true } as const;

/** Weekdays 9:00–17:00, for calendars that never set open hours (ASSUMPTIONS.md K6). */
export const DEFAULT_OPEN_HOURS = [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }];

/** `GroupDTO`. */
export function groupDto(g: CalendarGroupRecord): Record<string, unknown> {
  return { id: g.id, locationId: g.locationId, name: g.name, description: g.description, slug: g.slug, isActive: g.isActive };
}

/** `CalendarDTO`: the stored settings as sent, then the fields the simulator itself reads. */
export function calendarDto(c: CalendarRecord): Record<string, unknown> {
  return withoutUndefined({
    ...c.settings,
    id: c.id,
    locationId: c.locationId,
    groupId: c.groupId,
    name: c.name,
    description: c.description,
    slug: c.slug,
    widgetSlug: c.widgetSlug,
    calendarType: c.calendarType,
    isActive: c.isActive ?? true,
    slotDuration: c.slotDuration ?? CALENDAR_DEFAULTS.slotDuration,
    slotDurationUnit: c.slotDurationUnit,
    slotInterval: c.slotInterval ?? CALENDAR_DEFAULTS.slotInterval,
    slotIntervalUnit: c.slotIntervalUnit,
    appoinmentPerSlot: c.appoinmentPerSlot ?? CALENDAR_DEFAULTS.appoinmentPerSlot,
    openHours: (c.openHours ?? DEFAULT_OPEN_HOURS).map((o) => ({ daysOfTheWeek: [...o.daysOfTheWeek], hours: o.hours.map((h) => ({ ...h })) })),
    teamMembers: c.teamMembers?.map((m) => ({ ...m })),
    autoConfirm: c.autoConfirm ?? CALENDAR_DEFAULTS.autoConfirm,
  });
}

/** `CalendarEventDTO` for an appointment (events list, get appointment). */
export function calendarEventDto(a: AppointmentRecord): Record<string, unknown> {
  return withoutUndefined({
    id: a.id,
    address: a.address,
    title: a.title,
    calendarId: a.calendarId,
    locationId: a.locationId,
    contactId: a.contactId,
    groupId: a.groupId ?? '',
    appointmentStatus: a.appointmentStatus,
    assignedUserId: a.assignedUserId,
    users: [...a.users],
    notes: a.notes,
    description: a.description,
    isRecurring: a.rrule !== undefined,
    rrule: a.rrule,
    startTime: a.startTime,
    endTime: a.endTime,
    dateAdded: a.dateAdded,
    dateUpdated: a.dateUpdated,
    assignedResources: [...a.assignedResources],
    createdBy: a.createdBy ? { ...a.createdBy } : undefined,
  });
}

/** `AppointmentSchemaResponse`: what create and update answer. */
export function appointmentDto(a: AppointmentRecord): Record<string, unknown> {
  return withoutUndefined({
    id: a.id,
    calendarId: a.calendarId,
    locationId: a.locationId,
    contactId: a.contactId,
    startTime: a.startTime,
    endTime: a.endTime,
    title: a.title,
    meetingLocationType: a.meetingLocationType ?? 'default',
    appointmentStatus: a.appointmentStatus,
    assignedUserId: a.assignedUserId,
    address: a.address,
    isRecurring: a.rrule !== undefined,
    rrule: a.rrule,
  });
}

/** A blocked slot as `GET /calendars/blocked-slots` lists it (`CalendarEventDTO`, no contact). */
export function blockedSlotEventDto(b: BlockedSlotRecord, groupId: string | undefined): Record<string, unknown> {
  return {
    id: b.id,
    title: b.title,
    calendarId: b.calendarId,
    locationId: b.locationId,
    contactId: '',
    groupId: groupId ?? '',
    appointmentStatus: '',
    assignedUserId: b.assignedUserId ?? '',
    users: b.assignedUserId ? [b.assignedUserId] : [],
    startTime: b.startTime,
    endTime: b.endTime,
    dateAdded: b.dateAdded,
    dateUpdated: b.dateUpdated,
  };
}

/** `BlockedSlotSuccessfulResponseDto`. */
export function blockedSlotDto(b: BlockedSlotRecord): Record<string, unknown> {
  return withoutUndefined({ id: b.id, locationId: b.locationId, title: b.title, startTime: b.startTime, endTime: b.endTime, calendarId: b.calendarId, assignedUserId: b.assignedUserId });
}

/** `GetNoteSchema` of an appointment note; `createdBy` names only the user id (K9). */
export function appointmentNoteDto(n: AppointmentNoteRecord): Record<string, unknown> {
  return withoutUndefined({ id: n.id, body: n.body, userId: n.userId, dateAdded: n.dateAdded, contactId: n.contactId, createdBy: n.userId ? { id: n.userId } : undefined });
}

/** `CalendarNotificationResponseDTO` (`_id`, as GHL's Mongo documents). */
export function notificationDto(n: CalendarNotificationRecord): Record<string, unknown> {
  return withoutUndefined({
    _id: n.id,
    receiverType: n.receiverType,
    channel: n.channel,
    notificationType: n.notificationType,
    isActive: n.isActive,
    deleted: n.deleted,
    templateId: n.templateId,
    body: n.body,
    subject: n.subject,
    afterTime: n.afterTime?.map((s) => ({ ...s })),
    beforeTime: n.beforeTime?.map((s) => ({ ...s })),
    additionalEmailIds: n.additionalEmailIds && [...n.additionalEmailIds],
    additionalPhoneNumbers: n.additionalPhoneNumbers && [...n.additionalPhoneNumbers],
    selectedUsers: n.selectedUsers && [...n.selectedUsers],
  });
}

/** `CalendarResourceByIdResponseDTO`, plus `_id`, which the spec leaves out (K11). */
export function resourceDto(r: CalendarResourceRecord): Record<string, unknown> {
  return {
    _id: r.id,
    locationId: r.locationId,
    name: r.name,
    resourceType: r.resourceType,
    isActive: r.isActive,
    description: r.description,
    quantity: r.quantity,
    outOfService: r.outOfService,
    capacity: r.capacity,
    calendarIds: [...r.calendarIds],
  };
}

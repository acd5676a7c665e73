import type { CalendarNotificationWriteBody, WireSchedule } from '../openapi/wire.js';
import type { GhlEvent } from './contacts.js';

/**
 * Shapes of apps/calendars.json (`Version: 2021-04-15`), as far as the gateway reads or writes
 * them. Spellings are GHL's (`appoinmentPerSlot`); fields the gateway never touches are left out.
 */

/** `GroupDTO`. */
export interface GhlCalendarGroup {
  id: string;
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive?: boolean;
}

export interface CalendarGroupWriteBody {
  name: string;
  description: string;
  slug: string;
}

/** `Hour`: one opening window of a day. */
export interface GhlOpenHoursWindow {
  openHour: number;
  openMinute: number;
  closeHour: number;
  closeMinute: number;
}

/** `OpenHour`: days 0 (Sunday) to 6 and their windows. */
export interface GhlOpenHours {
  daysOfTheWeek: number[];
  hours: GhlOpenHoursWindow[];
}

/** `TeamMember` / `TeamMemberResponse`. */
export interface GhlTeamMember {
  userId: string;
  priority?: number;
  isPrimary?: boolean;
}

export type GhlDurationUnit = 'mins' | 'hours';

/** The writable fields of `CalendarCreateDTO` / `CalendarUpdateDTO` that the gateway exposes. */
export interface CalendarWriteBody {
  name?: string;
  description?: string;
  groupId?: string;
  calendarType?: string;
  slug?: string;
  widgetSlug?: string;
  eventTitle?: string;
  eventColor?: string;
  isActive?: boolean;
  slotDuration?: number;
  slotDurationUnit?: GhlDurationUnit;
  slotInterval?: number;
  slotIntervalUnit?: GhlDurationUnit;
  slotBuffer?: number;
  preBuffer?: number;
  appoinmentPerSlot?: number;
  appoinmentPerDay?: number;
  openHours?: GhlOpenHours[];
  teamMembers?: GhlTeamMember[];
  autoConfirm?: boolean;
  allowReschedule?: boolean;
  allowCancellation?: boolean;
  notes?: string;
}

/** `CalendarDTO`. */
export interface GhlCalendar extends CalendarWriteBody {
  id: string;
  locationId: string;
  name: string;
  slotBufferUnit?: GhlDurationUnit;
  preBufferUnit?: GhlDurationUnit;
}

/**
 * An appointment as either spec sends it: `GetEventSchema` (contacts), `CalendarEventDTO` (events
 * list, get) or `AppointmentSchemaResponse` (create, update). All extra fields are optional, so a
 * contact's appointment is one too.
 */
export interface GhlAppointment extends GhlEvent {
  description?: string;
  isRecurring?: boolean;
  rrule?: string;
  meetingLocationType?: string;
  assignedResources?: string[];
  createdBy?: { userId?: string; source?: string };
  masterEventId?: string;
}

/** `AppointmentCreateSchema` / `AppointmentEditSchema`, the fields the gateway exposes. */
export interface AppointmentWriteBody {
  calendarId?: string;
  contactId?: string;
  startTime?: string;
  endTime?: string;
  title?: string;
  appointmentStatus?: string;
  assignedUserId?: string;
  address?: string;
  description?: string;
  meetingLocationType?: string;
  ignoreFreeSlotValidation?: boolean;
  toNotify?: boolean;
  rrule?: string;
}

/** `BlockedSlotSuccessfulResponseDto`, or a blocked slot as the list sends it (`CalendarEventDTO`). */
export interface GhlBlockedSlot {
  id: string;
  locationId: string;
  title: string;
  startTime: string;
  endTime: string;
  calendarId?: string;
  assignedUserId?: string;
}

export interface BlockedSlotWriteBody {
  calendarId: string;
  title?: string;
  assignedUserId?: string;
  startTime?: string;
  endTime?: string;
}

/** The time window and owner filter of `GET /calendars/events` and `GET /calendars/blocked-slots`. */
export interface EventWindow {
  /** Epoch ms. */
  startTime: number;
  /** Epoch ms. */
  endTime: number;
  calendarId?: string;
  userId?: string;
  groupId?: string;
}

/** `GET /calendars/{id}/free-slots`: local date → `{slots}` (ISO date-times with offset). */
export type GhlFreeSlots = Record<string, { slots: string[] }>;

export interface FreeSlotsQuery {
  startDate: number;
  endDate: number;
  timezone?: string;
  userId?: string;
}

/** `GetNoteSchema` of apps/calendars.json. */
export interface GhlAppointmentNote {
  id: string;
  body?: string;
  userId?: string;
  dateAdded?: string;
  contactId?: string;
  createdBy?: { id?: string; name?: string };
}

export type GhlSchedule = WireSchedule;
export type { CalendarNotificationWriteBody };

/** `CalendarNotificationResponseDTO`: its id is `_id`. */
export interface GhlCalendarNotification extends CalendarNotificationWriteBody {
  _id: string;
  deleted?: boolean;
  additionalWhatsappNumbers?: string[];
}

export type GhlCalendarResourceType = 'equipments' | 'rooms';

export interface CalendarResourceWriteBody {
  name?: string;
  description?: string;
  quantity?: number;
  outOfService?: number;
  capacity?: number;
  calendarIds?: string[];
  isActive?: boolean;
}

/** `CalendarResourceByIdResponseDTO`. The spec names no id field; GHL documents send `_id`. */
export interface GhlCalendarResource extends CalendarResourceWriteBody {
  _id?: string;
  id?: string;
  locationId: string;
  name: string;
  resourceType: GhlCalendarResourceType;
  isActive: boolean;
}

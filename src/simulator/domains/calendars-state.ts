import type { CalendarNotificationFields, WireSchedule } from '../../ghl/openapi/wire.js';
import type { SimulatorStore } from '../store.js';

/**
 * What the calendars domain keeps beside the core store's calendars and appointments: groups,
 * blocked slots, appointment notes, event notifications and resources. One instance per store,
 * reached through `calendarsState(store)`.
 */

export interface CalendarGroupRecord {
  id: string;
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive: boolean;
  dateAdded: string;
}

export interface BlockedSlotRecord {
  id: string;
  locationId: string;
  calendarId: string;
  title: string;
  assignedUserId?: string;
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

export interface AppointmentNoteRecord {
  id: string;
  appointmentId: string;
  locationId: string;
  contactId: string;
  body: string;
  userId?: string;
  dateAdded: string;
  dateUpdated: string;
}

export type Schedule = WireSchedule;

/** `CalendarNotificationResponseDTO` fields, minus the id. */
export interface CalendarNotificationRecord extends CalendarNotificationFields {
  id: string;
  locationId: string;
  calendarId: string;
  receiverType: string;
  channel: string;
  notificationType: string;
  isActive: boolean;
  deleted: boolean;
  dateAdded: string;
}

export type CalendarResourceType = 'equipments' | 'rooms';

export interface CalendarResourceRecord {
  id: string;
  locationId: string;
  resourceType: CalendarResourceType;
  name: string;
  description: string;
  quantity: number;
  outOfService: number;
  capacity: number;
  calendarIds: string[];
  isActive: boolean;
  dateAdded: string;
}

export class CalendarsState {
  readonly groups = new Map<string, CalendarGroupRecord>();
  readonly blockedSlots = new Map<string, BlockedSlotRecord>();
  /** Notes by appointment id, then note id: they are always reached through their appointment. */
  readonly notes = new Map<string, Map<string, AppointmentNoteRecord>>();
  readonly notifications = new Map<string, CalendarNotificationRecord>();
  readonly resources = new Map<string, CalendarResourceRecord>();

  groupsOf(locationId: string): CalendarGroupRecord[] {
    return [...this.groups.values()].filter((g) => g.locationId === locationId);
  }

  blockedSlotsOf(locationId: string): BlockedSlotRecord[] {
    return [...this.blockedSlots.values()].filter((b) => b.locationId === locationId);
  }

  notesOf(appointmentId: string): AppointmentNoteRecord[] {
    return [...(this.notes.get(appointmentId)?.values() ?? [])];
  }

  addNote(note: AppointmentNoteRecord): void {
    let notes = this.notes.get(note.appointmentId);
    if (!notes) this.notes.set(note.appointmentId, (notes = new Map()));
    notes.set(note.id, note);
  }

  /** What goes when an appointment or blocked slot is deleted. */
  forgetEvent(eventId: string): void {
    this.blockedSlots.delete(eventId);
    this.notes.delete(eventId);
  }

  /** What goes with a calendar: its blocked slots and notifications, and its place in resources. */
  forgetCalendar(calendarId: string, appointmentIds: readonly string[]): void {
    for (const id of appointmentIds) this.notes.delete(id);
    for (const b of [...this.blockedSlots.values()]) if (b.calendarId === calendarId) this.blockedSlots.delete(b.id);
    for (const n of [...this.notifications.values()]) if (n.calendarId === calendarId) this.notifications.delete(n.id);
    for (const r of this.resources.values()) r.calendarIds = r.calendarIds.filter((c) => c !== calendarId);
  }
}

export const calendarsState = (store: SimulatorStore): CalendarsState => store.domainState('calendars', () => new CalendarsState());

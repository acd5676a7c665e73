import type { GhlBlockedSlot, GhlCalendar, GhlCalendarGroup, GhlOpenHours, GhlOpenHoursWindow, GhlTeamMember } from '../../ghl/endpoints/calendars.js';
import { builder } from '../builder.js';
import { connectionType } from '../shared/pagination.js';
import { CALENDAR_TYPES, CalendarDurationUnit, CalendarType, CalendarWeekday, DURATION_UNITS, WEEKDAYS, known } from './enums.js';

/** GHL sends empty strings for some required ids it has no value for; the graph says null. */
export const orNull = (v: string | null | undefined): string | null => (v ? v : null);
const num = (v: number | undefined): number | null => (typeof v === 'number' ? v : null);
const flag = (v: boolean | undefined): boolean | null => (typeof v === 'boolean' ? v : null);

export const CalendarGroup = builder.objectRef<GhlCalendarGroup>('CalendarGroup').implement({
  description: 'A group of calendars booked from one widget.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's group id." }),
    locationId: t.exposeID('locationId', { description: 'Id of the GHL location (sub-account) that owns the group.' }),
    name: t.exposeString('name', { description: 'Name of the group.' }),
    description: t.string({ nullable: true, description: 'Free-text description.', resolve: (g) => orNull(g.description) }),
    slug: t.exposeString('slug', { description: 'URL slug of the group, unique in the location.' }),
    isActive: t.boolean({ description: 'Whether the group takes bookings.', resolve: (g) => g.isActive ?? true }),
  }),
});

export const CalendarOpenHoursWindow = builder.objectRef<GhlOpenHoursWindow>('CalendarOpenHoursWindow').implement({
  description: 'One opening window of a day, in the time zone of the booking.',
  fields: (t) => ({
    openHour: t.exposeInt('openHour', { description: 'Hour it opens, 0 to 23.' }),
    openMinute: t.exposeInt('openMinute', { description: 'Minute it opens, 0 to 59.' }),
    closeHour: t.exposeInt('closeHour', { description: 'Hour it closes, 0 to 24.' }),
    closeMinute: t.exposeInt('closeMinute', { description: 'Minute it closes, 0 to 59.' }),
  }),
});

export const CalendarOpenHours = builder.objectRef<GhlOpenHours>('CalendarOpenHours').implement({
  description: 'When a calendar takes bookings: days of the week and their opening windows.',
  fields: (t) => ({
    days: t.field({ type: [CalendarWeekday], description: 'Days these windows apply to.', resolve: (o) => o.daysOfTheWeek.filter((d): d is (typeof WEEKDAYS)[number] => (WEEKDAYS as readonly number[]).includes(d)) }),
    windows: t.field({ type: [CalendarOpenHoursWindow], description: 'Opening windows of each of those days.', resolve: (o) => o.hours }),
  }),
});

export const CalendarTeamMember = builder.objectRef<GhlTeamMember>('CalendarTeamMember').implement({
  description: 'A user who takes bookings on a calendar.',
  fields: (t) => ({
    userId: t.exposeID('userId', { description: 'Id of the GHL user.' }),
    priority: t.float({ nullable: true, description: 'Share of round-robin bookings: 0, 0.5 or 1.', resolve: (m) => num(m.priority) }),
    isPrimary: t.boolean({ nullable: true, description: 'Whether this is the primary member.', resolve: (m) => flag(m.isPrimary) }),
  }),
});

const unit = known(DURATION_UNITS);

export const Calendar = builder.objectRef<GhlCalendar>('Calendar').implement({
  description: 'A GHL calendar: its booking rules and who takes the bookings.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's calendar id." }),
    locationId: t.exposeID('locationId', { description: 'Id of the GHL location (sub-account) that owns the calendar.' }),
    groupId: t.id({ nullable: true, description: 'Id of the calendar group it belongs to, if any.', resolve: (c) => orNull(c.groupId) }),
    name: t.exposeString('name', { description: 'Name of the calendar.' }),
    description: t.string({ nullable: true, description: 'Free-text description.', resolve: (c) => orNull(c.description) }),
    calendarType: t.field({ type: CalendarType, nullable: true, description: 'How the calendar hands out bookings; null for a type this gateway does not know.', resolve: (c) => known(CALENDAR_TYPES)(c.calendarType) }),
    slug: t.string({ nullable: true, description: 'URL slug of the booking page.', resolve: (c) => orNull(c.slug) }),
    widgetSlug: t.string({ nullable: true, description: 'URL slug of the booking widget.', resolve: (c) => orNull(c.widgetSlug) }),
    isActive: t.boolean({ description: 'Whether the calendar takes bookings (inactive ones are drafts).', resolve: (c) => c.isActive ?? true }),
    eventTitle: t.string({ nullable: true, description: 'Template of the title of booked events, e.g. `{{contact.name}}`.', resolve: (c) => orNull(c.eventTitle) }),
    eventColor: t.string({ nullable: true, description: 'Colour of booked events, as a hex string.', resolve: (c) => orNull(c.eventColor) }),
    slotDuration: t.int({ nullable: true, description: 'Length of one appointment, in `slotDurationUnit`.', resolve: (c) => num(c.slotDuration) }),
    slotDurationUnit: t.field({ type: CalendarDurationUnit, nullable: true, description: 'Unit of `slotDuration`; minutes when unset.', resolve: (c) => unit(c.slotDurationUnit) }),
    slotInterval: t.int({ nullable: true, description: 'How often a slot starts, in `slotIntervalUnit`.', resolve: (c) => num(c.slotInterval) }),
    slotIntervalUnit: t.field({ type: CalendarDurationUnit, nullable: true, description: 'Unit of `slotInterval`; minutes when unset.', resolve: (c) => unit(c.slotIntervalUnit) }),
    slotBuffer: t.int({ nullable: true, description: 'Free time kept after each appointment.', resolve: (c) => num(c.slotBuffer) }),
    preBuffer: t.int({ nullable: true, description: 'Free time kept before each appointment.', resolve: (c) => num(c.preBuffer) }),
    appointmentsPerSlot: t.int({ nullable: true, description: 'How many appointments one slot takes (GHL `appoinmentPerSlot`).', resolve: (c) => num(c.appoinmentPerSlot) }),
    appointmentsPerDay: t.int({ nullable: true, description: 'How many appointments a day takes at most (GHL `appoinmentPerDay`).', resolve: (c) => num(c.appoinmentPerDay) }),
    openHours: t.field({ type: [CalendarOpenHours], description: 'When the calendar takes bookings.', resolve: (c) => c.openHours ?? [] }),
    teamMembers: t.field({ type: [CalendarTeamMember], description: 'Users who take bookings on the calendar.', resolve: (c) => c.teamMembers ?? [] }),
    autoConfirm: t.boolean({ nullable: true, description: 'Whether bookings are confirmed without review.', resolve: (c) => flag(c.autoConfirm) }),
    allowReschedule: t.boolean({ nullable: true, description: 'Whether contacts may reschedule.', resolve: (c) => flag(c.allowReschedule) }),
    allowCancellation: t.boolean({ nullable: true, description: 'Whether contacts may cancel.', resolve: (c) => flag(c.allowCancellation) }),
    notes: t.string({ nullable: true, description: 'Notes added to every booking.', resolve: (c) => orNull(c.notes) }),
  }),
});

export const CalendarConnection = connectionType(Calendar, 'Calendar', 'calendar');
export const CalendarGroupConnection = connectionType(CalendarGroup, 'CalendarGroup', 'calendar group');

/** One local day of free slots. */
export interface FreeSlotDayShape {
  date: string;
  slots: string[];
}

export const FreeSlotDay = builder.objectRef<FreeSlotDayShape>('FreeSlotDay').implement({
  description: 'The free slots of one day of a calendar.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'The day, `YYYY-MM-DD`, in the time zone asked for.' }),
    slots: t.field({ type: ['DateTime'], description: 'Start of each free slot, in time order.', resolve: (d) => d.slots }),
    localSlots: t.stringList({ description: 'The same starts as GHL writes them: local time with its UTC offset, e.g. `2025-01-06T09:00:00-05:00`.', resolve: (d) => d.slots }),
  }),
});

export const BlockedSlot = builder.objectRef<GhlBlockedSlot>('BlockedSlot').implement({
  description: 'Time blocked on a calendar or for a user: no bookings then.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's event id of the blocked slot." }),
    locationId: t.exposeID('locationId', { description: 'Id of the GHL location (sub-account).' }),
    calendarId: t.id({ nullable: true, description: 'Id of the calendar it blocks, if any.', resolve: (b) => orNull(b.calendarId) }),
    assignedUserId: t.id({ nullable: true, description: 'Id of the user whose time it blocks, if any.', resolve: (b) => orNull(b.assignedUserId) }),
    title: t.string({ nullable: true, description: 'Title shown on the calendar.', resolve: (b) => orNull(b.title) }),
    startTime: t.field({ type: 'DateTime', description: 'When it starts.', resolve: (b) => b.startTime }),
    endTime: t.field({ type: 'DateTime', description: 'When it ends.', resolve: (b) => b.endTime }),
  }),
});

export const BlockedSlotConnection = connectionType(BlockedSlot, 'BlockedSlot', 'blocked slot');

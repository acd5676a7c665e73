import type { CalendarWriteBody } from '../../ghl/endpoints/calendars.js';
import { createCalendar, deleteCalendar, updateCalendar } from '../../ghl/endpoints/calendars.js';
import { builder, type BuilderTypes } from '../builder.js';
import { type UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, nonBlank } from '../shared/validate.js';
import { CalendarDurationUnit, CalendarType, CalendarWeekday } from './enums.js';
import { fieldError, hexColor, intRange } from './payloads.js';
import { withoutNullish } from '../../lib/objects.js';
import { Calendar } from './types.js';

/** Mutations of calendars: the settings the graph exposes, checked before anything reaches GHL. */

const CalendarOpenHoursWindowInput = builder.inputType('CalendarOpenHoursWindowInput', {
  description: 'One opening window of a day.',
  fields: (t) => ({
    openHour: t.int({ required: true, description: 'Hour it opens, 0 to 23.' }),
    openMinute: t.int({ description: 'Minute it opens, 0 to 59. Default 0.' }),
    closeHour: t.int({ required: true, description: 'Hour it closes, 0 to 24.' }),
    closeMinute: t.int({ description: 'Minute it closes, 0 to 59. Default 0.' }),
  }),
});
const CalendarOpenHoursInput = builder.inputType('CalendarOpenHoursInput', {
  description: 'Days of the week and their opening windows.',
  fields: (t) => ({
    days: t.field({ type: [CalendarWeekday], required: true, description: 'Days these windows apply to.' }),
    windows: t.field({ type: [CalendarOpenHoursWindowInput], required: true, description: 'Opening windows of each of those days.' }),
  }),
});
const CalendarTeamMemberInput = builder.inputType('CalendarTeamMemberInput', {
  description: 'A user who takes bookings on the calendar.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'Id of the GHL user.' }),
    priority: t.float({ description: 'Share of round-robin bookings: 0, 0.5 or 1. Default 0.5.' }),
    isPrimary: t.boolean({ description: 'Whether this is the primary member.' }),
  }),
});

type FieldsInput = {
  name?: string | null;
  description?: string | null;
  groupId?: string | null;
  calendarType?: string | null;
  slug?: string | null;
  widgetSlug?: string | null;
  eventTitle?: string | null;
  eventColor?: string | null;
  isActive?: boolean | null;
  slotDuration?: number | null;
  slotDurationUnit?: 'mins' | 'hours' | null;
  slotInterval?: number | null;
  slotIntervalUnit?: 'mins' | 'hours' | null;
  slotBuffer?: number | null;
  preBuffer?: number | null;
  appointmentsPerSlot?: number | null;
  appointmentsPerDay?: number | null;
  openHours?: { days: number[]; windows: { openHour: number; openMinute?: number | null; closeHour: number; closeMinute?: number | null }[] }[] | null;
  teamMembers?: { userId: string; priority?: number | null; isPrimary?: boolean | null }[] | null;
  autoConfirm?: boolean | null;
  allowReschedule?: boolean | null;
  allowCancellation?: boolean | null;
  notes?: string | null;
};

function calendarFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    description: t.string({ description: 'Free-text description.' }),
    groupId: t.id({ description: 'Id of the calendar group to put it in.' }),
    calendarType: t.field({ type: CalendarType, description: 'How it hands out bookings.' }),
    slug: t.string({ description: 'URL slug of the booking page.' }),
    widgetSlug: t.string({ description: 'URL slug of the booking widget.' }),
    eventTitle: t.string({ description: 'Template of the title of booked events, e.g. `{{contact.name}}`.' }),
    eventColor: t.string({ description: 'Colour of booked events, `#rrggbb`.' }),
    isActive: t.boolean({ description: 'Whether it takes bookings (false: a draft).' }),
    slotDuration: t.int({ description: 'Length of one appointment, 1 to 1440, in `slotDurationUnit`.' }),
    slotDurationUnit: t.field({ type: CalendarDurationUnit, description: 'Unit of `slotDuration`.' }),
    slotInterval: t.int({ description: 'How often a slot starts, 1 to 1440, in `slotIntervalUnit`.' }),
    slotIntervalUnit: t.field({ type: CalendarDurationUnit, description: 'Unit of `slotInterval`.' }),
    slotBuffer: t.int({ description: 'Free minutes kept after each appointment, 0 to 1440.' }),
    preBuffer: t.int({ description: 'Free minutes kept before each appointment, 0 to 1440.' }),
    appointmentsPerSlot: t.int({ description: 'How many appointments one slot takes, 1 to 1000.' }),
    appointmentsPerDay: t.int({ description: 'How many appointments a day takes at most, 1 to 1000.' }),
    openHours: t.field({ type: [CalendarOpenHoursInput], description: 'When it takes bookings; replaces all open hours.' }),
    teamMembers: t.field({ type: [CalendarTeamMemberInput], description: 'Users who take bookings; replaces all members.' }),
    autoConfirm: t.boolean({ description: 'Whether bookings are confirmed without review.' }),
    allowReschedule: t.boolean({ description: 'Whether contacts may reschedule.' }),
    allowCancellation: t.boolean({ description: 'Whether contacts may cancel.' }),
    notes: t.string({ description: 'Notes added to every booking.' }),
  };
}

function checks(input: FieldsInput): UserErrorShape[] {
  const at = (...p: string[]) => ['input', ...p];
  const hours = (input.openHours ?? []).flatMap((o, i) => [
    o.days.length === 0 ? fieldError(at('openHours', String(i), 'days'), 'days must name at least one day.', 'BLANK') : null,
    ...o.windows.flatMap((w, k) => {
      const path = at('openHours', String(i), 'windows', String(k));
      const bad = intRange(path, w.openHour, 0, 23) ?? intRange(path, w.closeHour, 0, 24) ?? intRange(path, w.openMinute ?? 0, 0, 59) ?? intRange(path, w.closeMinute ?? 0, 0, 59);
      const order = w.openHour * 60 + (w.openMinute ?? 0) < w.closeHour * 60 + (w.closeMinute ?? 0) ? null : fieldError(path, 'A window must open before it closes.');
      return [bad ? fieldError(path, 'Hours run 0 to 24 and minutes 0 to 59.') : order];
    }),
  ]);
  const members = (input.teamMembers ?? []).map((m, i) => (m.priority === null || m.priority === undefined || [0, 0.5, 1].includes(m.priority) ? null : fieldError(at('teamMembers', String(i), 'priority'), 'priority must be 0, 0.5 or 1.')));
  return collect(
    nonBlank(at('name'), input.name),
    hexColor(at('eventColor'), input.eventColor),
    intRange(at('slotDuration'), input.slotDuration, 1, 1440),
    intRange(at('slotInterval'), input.slotInterval, 1, 1440),
    intRange(at('slotBuffer'), input.slotBuffer, 0, 1440),
    intRange(at('preBuffer'), input.preBuffer, 0, 1440),
    intRange(at('appointmentsPerSlot'), input.appointmentsPerSlot, 1, 1000),
    intRange(at('appointmentsPerDay'), input.appointmentsPerDay, 1, 1000),
    ...hours,
    ...members,
  );
}

function toBody(input: FieldsInput): CalendarWriteBody {
  const { appointmentsPerSlot, appointmentsPerDay, openHours, teamMembers, name, ...rest } = input;
  return {
    ...withoutNullish(rest),
    ...withoutNullish({ name: name?.trim(), appoinmentPerSlot: appointmentsPerSlot, appoinmentPerDay: appointmentsPerDay }),
    ...(openHours ? { openHours: openHours.map((o) => ({ daysOfTheWeek: o.days, hours: o.windows.map((w) => ({ openHour: w.openHour, openMinute: w.openMinute ?? 0, closeHour: w.closeHour, closeMinute: w.closeMinute ?? 0 })) })) } : {}),
    ...(teamMembers ? { teamMembers: teamMembers.map((m) => ({ userId: m.userId, ...withoutNullish({ priority: m.priority, isPrimary: m.isPrimary }) })) } : {}),
  };
}

/** Input names GHL spells differently, for mapping its refusals to fields. */
const FIELD_NAMES = { appoinmentPerSlot: 'appointmentsPerSlot', appoinmentPerDay: 'appointmentsPerDay' };
const INPUT_FIELDS = ['name', 'groupId', 'slug', 'widgetSlug', 'eventColor', 'slotDuration', 'slotInterval', 'openHours', 'teamMembers', 'appointmentsPerSlot', 'appointmentsPerDay'];

const CalendarCreateInput = builder.inputType('CalendarCreateInput', {
  description: 'A new calendar. Unset settings take GHL\'s defaults (30-minute slots, auto-confirm).',
  fields: (t) => ({ name: t.string({ required: true, description: 'Name of the calendar.' }), ...calendarFields(t) }),
});
const CalendarUpdateInput = builder.inputType('CalendarUpdateInput', {
  description: 'A calendar and its changes; fields left out keep their value.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's calendar id." }), name: t.string({ description: 'Name of the calendar.' }), ...calendarFields(t) }),
});
const CalendarDeleteInput = builder.inputType('CalendarDeleteInput', {
  description: 'The calendar to delete, with its appointments.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's calendar id." }) }),
});

const CalendarCreatePayload = recordPayload('CalendarCreatePayload', 'Result of `calendarCreate`.', 'calendar', Calendar, 'The new calendar; null when nothing was created.');
const CalendarUpdatePayload = recordPayload('CalendarUpdatePayload', 'Result of `calendarUpdate`.', 'calendar', Calendar, 'The calendar after the change; null when nothing changed.');
const CalendarDeletePayload = deletedIdPayload('CalendarDeletePayload', 'Result of `calendarDelete`.', 'deletedCalendarId', 'Id of the deleted calendar; null when nothing was deleted.');

/** What a deleted calendar takes with it: its events, slots, notifications, and its place in resources. */
const CALENDAR_CASCADE = ['calendarList', 'calendarEvents', 'blockedSlots', 'calendarFreeSlots', 'appointment', 'appointmentNotes', 'contactAppointments', 'calendarNotifications', 'calendarNotification', 'calendarResources', 'calendarResource'] as const;

builder.mutationFields((t) => ({
  calendarCreate: t.field({
    ...traced('Creates a calendar in the caller\'s location.', 'POST /calendars/'),
    type: CalendarCreatePayload,
    args: { input: t.arg({ type: CalendarCreateInput, required: true, description: 'The new calendar.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: INPUT_FIELDS,
        fieldNames: FIELD_NAMES,
        call: () => createCalendar(ctx.ghl, { ...toBody(input), name: input.name.trim() }),
        stale: { lists: ['calendarList'] },
      });
      return { calendar: result, userErrors };
    },
  }),
  calendarUpdate: t.field({
    ...traced('Changes settings of a calendar.', 'PUT /calendars/{calendarId}'),
    type: CalendarUpdatePayload,
    args: { input: t.arg({ type: CalendarUpdateInput, required: true, description: 'The calendar and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, ...fields } = input;
      const { result, userErrors } = await runMutation(ctx, { checks: checks(fields), inputFields: INPUT_FIELDS, fieldNames: FIELD_NAMES, call: () => updateCalendar(ctx.ghl, id, toBody(fields)), stale: { records: { calendar: [id] }, lists: ['calendarList', 'calendarFreeSlots'] } });
      return { calendar: result, userErrors };
    },
  }),
  calendarDelete: t.field({
    ...traced('Deletes a calendar, with the appointments booked on it.', 'DELETE /calendars/{calendarId}'),
    type: CalendarDeletePayload,
    args: { input: t.arg({ type: CalendarDeleteInput, required: true, description: 'The calendar to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, { call: () => deleteCalendar(ctx.ghl, input.id).then(() => input.id), stale: { records: { calendar: [input.id] }, lists: CALENDAR_CASCADE } });
      return { deletedCalendarId: result, userErrors };
    },
  }),
}));

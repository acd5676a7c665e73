import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import type { CalendarOpenHours, CalendarRecord, Patch } from '../store.js';
import { byName, groupReference, ok, ownCalendar, param, refuse, stateOf } from './calendars-access.js';
import { calendarDto } from './calendars-present.js';
import { assertTimeZone, formatInZone, freeSlots, MAX_RANGE_MS } from './calendars-slots.js';

/** Calendars and their free slots (apps/calendars.json, `CalendarDTO`, `SlotsSchema`). */

/** Fields the simulator reads itself; every other body field is kept in `settings` as sent. */
const KNOWN = ['name', 'description', 'slug', 'widgetSlug', 'calendarType', 'isActive', 'slotDuration', 'slotDurationUnit', 'slotInterval', 'slotIntervalUnit', 'appoinmentPerSlot', 'openHours', 'teamMembers', 'autoConfirm', 'groupId'] as const;

type CalendarBody = Partial<Record<(typeof KNOWN)[number], unknown>> & Record<string, unknown>;

function checkOpenHours(openHours: CalendarOpenHours[]): void {
  for (const o of openHours) {
    if (o.daysOfTheWeek.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw refuse('openHours.daysOfTheWeek must hold days 0 (Sunday) to 6');
    for (const h of o.hours) {
      const valid = [h.openHour, h.closeHour].every((x) => Number.isInteger(x) && x >= 0 && x <= 24) && [h.openMinute, h.closeMinute].every((x) => Number.isInteger(x) && x >= 0 && x <= 59);
      if (!valid || h.openHour * 60 + h.openMinute >= h.closeHour * 60 + h.closeMinute) throw refuse('openHours.hours must open before they close, within the day');
    }
  }
}

/** Body → record patch: known fields typed and checked, the rest into `settings`. */
function calendarPatch(ctx: RequestContext, body: CalendarBody, previous?: CalendarRecord): Patch<Omit<CalendarRecord, 'id' | 'locationId'>> {
  const { locationId: _location, ...rest } = body;
  const patch: Record<string, unknown> = {};
  const settings: Record<string, unknown> = { ...previous?.settings };
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if ((KNOWN as readonly string[]).includes(k)) patch[k] = v;
    else settings[k] = v;
  }
  if (typeof patch['name'] === 'string') {
    if (!patch['name'].trim()) throw refuse('name should not be empty');
    patch['name'] = patch['name'].trim();
  }
  if ('groupId' in patch) patch['groupId'] = groupReference(ctx, patch['groupId'] as string);
  for (const k of ['slotDuration', 'slotInterval', 'appoinmentPerSlot'] as const) {
    if (k in patch && !((patch[k] as number) > 0)) throw refuse(`${k} must be a positive number`);
  }
  if (patch['openHours']) checkOpenHours(patch['openHours'] as CalendarOpenHours[]);
  if (Object.keys(settings).length > 0) patch['settings'] = settings;
  return patch as Patch<Omit<CalendarRecord, 'id' | 'locationId'>>;
}

export const calendarRoutes: RouteTable = {
  /** `showDrafted=false` hides inactive calendars (K8). */
  'GET /calendars/': (ctx) => {
    const { groupId, showDrafted } = ctx.query as { groupId?: string; showDrafted?: boolean };
    const calendars = ctx.store
      .listCalendars(locationOf(ctx))
      .filter((c) => (groupId === undefined || c.groupId === groupId) && (showDrafted !== false || c.isActive !== false))
      .sort(byName);
    return ok({ calendars: calendars.map(calendarDto) });
  },

  'GET /calendars/{calendarId}': (ctx) => ok({ calendar: calendarDto(ownCalendar(ctx, param(ctx, 'calendarId'))) }),

  'POST /calendars/': (ctx) => {
    const patch = calendarPatch(ctx, ctx.body as CalendarBody);
    const calendar = ctx.store.createCalendar(locationOf(ctx), { ...patch, name: patch.name as string });
    return ok({ calendar: calendarDto(calendar) });
  },

  'PUT /calendars/{calendarId}': (ctx) => {
    const calendar = ownCalendar(ctx, param(ctx, 'calendarId'));
    return ok({ calendar: calendarDto(ctx.store.updateCalendar(calendar.id, calendarPatch(ctx, ctx.body as CalendarBody, calendar))) });
  },

  /** Takes the calendar's appointments, blocked slots and notifications with it (K8). */
  'DELETE /calendars/{calendarId}': (ctx) => {
    const calendar = ownCalendar(ctx, param(ctx, 'calendarId'));
    const booked = ctx.store.listLocationAppointments(calendar.locationId).filter((a) => a.calendarId === calendar.id);
    ctx.store.deleteCalendar(calendar.id);
    stateOf(ctx).forgetCalendar(
      calendar.id,
      booked.map((a) => a.id),
    );
    return ok({ success: true });
  },

  /** A map of local dates to their free slots; days without a free slot are left out (K6). */
  'GET /calendars/{calendarId}/free-slots': (ctx) => {
    const calendar = ownCalendar(ctx, param(ctx, 'calendarId'));
    const q = ctx.query as { startDate: number; endDate: number; timezone?: string; userId?: string; userIds?: string[] };
    if (q.endDate < q.startDate) throw refuse('endDate must not be before startDate');
    if (q.endDate - q.startDate > MAX_RANGE_MS) throw refuse('The range between startDate and endDate must be 31 days or less');
    const timeZone = q.timezone || ctx.store.locations.get(calendar.locationId)?.timezone || 'UTC';
    assertTimeZone(timeZone);
    const userIds = [...(q.userIds ?? []), ...(q.userId ? [q.userId] : [])];
    const days: Record<string, { slots: string[] }> = {};
    for (const start of freeSlots(ctx.store, calendar, { startMs: q.startDate, endMs: q.endDate, userIds })) {
      const local = formatInZone(timeZone, start);
      (days[local.slice(0, 10)] ??= { slots: [] }).slots.push(local);
    }
    return ok(days);
  },
};

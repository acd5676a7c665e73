import type { CalendarRecord, SimulatorStore } from '../store.js';
import { refuse } from './calendars-access.js';
import { CALENDAR_DEFAULTS, DEFAULT_OPEN_HOURS } from './calendars-present.js';
import { calendarsState } from './calendars-state.js';

/**
 * Free-slot computation (ASSUMPTIONS.md K6): a calendar's weekly open hours, in its location's time
 * zone, cut into slots of `slotDuration` every `slotInterval`, minus what is taken: booked
 * appointments (up to `appoinmentPerSlot` per slot) and blocked slots of the calendar. The time
 * zone a caller asks for only changes how the slots are written and grouped into days.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
export const MAX_RANGE_MS = 31 * DAY;

/** Appointments in these states do not hold their slot. */
const RELEASED = new Set(['cancelled', 'invalid']);

export interface SlotQuery {
  startMs: number;
  endMs: number;
  /** Only these users' appointments count as taken (a round-robin member's own availability). */
  userIds?: readonly string[];
  /** An appointment being moved does not hold its own slot. */
  ignoreEventId?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch {
      throw refuse(`timezone ${timeZone} is not an IANA time zone`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(timeZone: string, ms: number): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { y: Number(parts['year']), m: Number(parts['month']), d: Number(parts['day']), h: Number(parts['hour']), mi: Number(parts['minute']), s: Number(parts['second']) };
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
function offsetMs(timeZone: string, ms: number): number {
  const w = wallClock(timeZone, ms);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time in the zone stands for (the later reading across a DST jump). */
function zonedInstant(timeZone: string, y: number, m: number, d: number, h: number, mi: number): number {
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const first = guess - offsetMs(timeZone, guess);
  const second = guess - offsetMs(timeZone, first);
  return second;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `2024-10-28T10:00:00-05:00`, the form of the spec's example. */
export function formatInZone(timeZone: string, ms: number): string {
  const w = wallClock(timeZone, ms);
  const off = Math.round(offsetMs(timeZone, ms) / MINUTE);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

const unitMs = (unit: string | undefined) => (unit === 'hours' ? 60 * MINUTE : MINUTE);

/** Length of one appointment on the calendar, in ms. */
export function slotLengthMs(c: CalendarRecord): number {
  return (c.slotDuration ?? CALENDAR_DEFAULTS.slotDuration) * unitMs(c.slotDurationUnit);
}

/** Start (epoch ms) of every free slot of the calendar within [startMs, endMs], in time order. */
export function freeSlots(store: SimulatorStore, calendar: CalendarRecord, q: SlotQuery): number[] {
  const timeZone = store.locations.get(calendar.locationId)?.timezone ?? 'UTC';
  const length = slotLengthMs(calendar);
  const step = Math.max(MINUTE, (calendar.slotInterval ?? CALENDAR_DEFAULTS.slotInterval) * unitMs(calendar.slotIntervalUnit));
  const perSlot = calendar.appoinmentPerSlot ?? CALENDAR_DEFAULTS.appoinmentPerSlot;
  const users = q.userIds && q.userIds.length > 0 ? new Set(q.userIds) : null;
  const booked = store
    .listLocationAppointments(calendar.locationId)
    .filter((a) => a.calendarId === calendar.id && a.id !== q.ignoreEventId && !RELEASED.has(a.appointmentStatus) && (!users || users.has(a.assignedUserId)))
    .map((a) => [Date.parse(a.startTime), Date.parse(a.endTime)] as const);
  const blocked = calendarsState(store)
    .blockedSlotsOf(calendar.locationId)
    .filter((b) => b.calendarId === calendar.id && b.id !== q.ignoreEventId)
    .map((b) => [Date.parse(b.startTime), Date.parse(b.endTime)] as const);
  const overlaps = (start: number, end: number) => ([s, e]: readonly [number, number]) => start < e && s < end;

  const slots = new Set<number>();
  const first = wallClock(timeZone, q.startMs);
  const last = wallClock(timeZone, q.endMs);
  const lastDay = Date.UTC(last.y, last.m - 1, last.d);
  for (let dayMs = Date.UTC(first.y, first.m - 1, first.d); dayMs <= lastDay; dayMs += DAY) {
    const date = new Date(dayMs);
    const [y, m, d, weekday] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
    for (const open of calendar.openHours ?? DEFAULT_OPEN_HOURS) {
      if (!open.daysOfTheWeek.includes(weekday)) continue;
      for (const h of open.hours) {
        const close = zonedInstant(timeZone, y, m, d, h.closeHour, h.closeMinute);
        for (let t = zonedInstant(timeZone, y, m, d, h.openHour, h.openMinute); t + length <= close; t += step) {
          if (t < q.startMs || t > q.endMs) continue;
          const taken = booked.filter(overlaps(t, t + length)).length >= perSlot || blocked.some(overlaps(t, t + length));
          if (!taken) slots.add(t);
        }
      }
    }
  }
  return [...slots].sort((a, b) => a - b);
}

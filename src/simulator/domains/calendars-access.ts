import { badRequest, forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { AppointmentRecord, CalendarRecord } from '../store.js';
import { calendarsState, type BlockedSlotRecord, type CalendarGroupRecord, type CalendarsState } from './calendars-state.js';

/**
 * Lookups of the calendars domain with the core's location rule (ASSUMPTIONS.md B2): a record of
 * another location is 403, an unknown id 404 in NestJS shape. Handler-level refusals are 400,
 * the only client error apps/calendars.json declares besides 401 (ASSUMPTIONS.md K2).
 */

export const stateOf = (ctx: RequestContext): CalendarsState => calendarsState(ctx.store);

export const ok = (body: unknown) => ({ status: 200, body });
export const created = (body: unknown) => ({ status: 201, body });

/** A refusal of the request's content: 400 `BadRequestDTO`. */
export const refuse = (message: string) => badRequest(message);

export const param = (ctx: RequestContext, name: string): string => ctx.params[name] as string;

function owned<T extends { locationId: string }>(ctx: RequestContext, record: T | undefined, missing: string): T {
  if (!record) throw notFound(missing);
  if (record.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return record;
}

export const ownCalendar = (ctx: RequestContext, id: string): CalendarRecord => owned(ctx, ctx.store.getCalendar(id), 'Calendar not found');

export const ownGroup = (ctx: RequestContext, id: string): CalendarGroupRecord => owned(ctx, stateOf(ctx).groups.get(id), 'Group not found');

export const ownAppointment = (ctx: RequestContext, id: string): AppointmentRecord => owned(ctx, ctx.store.getAppointment(id), 'Appointment not found');

export const ownBlockedSlot = (ctx: RequestContext, id: string): BlockedSlotRecord => owned(ctx, stateOf(ctx).blockedSlots.get(id), 'Event not found');

/** A group id named in a body: it must be a group of the token's location. */
export function groupReference(ctx: RequestContext, groupId: string | undefined): string | undefined {
  if (groupId === undefined || groupId === '') return undefined;
  const group = stateOf(ctx).groups.get(groupId);
  if (!group || group.locationId !== locationOf(ctx)) throw refuse(`groupId ${groupId} is no calendar group of this location`);
  return group.id;
}

/** An instant from a body (ISO 8601, any offset) → ISO UTC, as the simulator stores dates (D4). */
export function instant(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw refuse(`${name} must be a valid ISO 8601 date string`);
  return new Date(t).toISOString();
}

/** Epoch milliseconds from a query value the spec types as a string ("1680373800000"). */
export function epochMs(value: unknown, name: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < 0) throw refuse(`${name} must be epoch milliseconds`);
  return n;
}

/** A non-negative integer paging value. */
export function count(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw refuse(`${name} must be an integer between ${min} and ${max}`);
  return n;
}

export const byName = <T extends { name: string; id: string }>(a: T, b: T): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';
import { DATE_TIME_MAX_LENGTH, isRealCalendarDate } from './input-bounds.js';

/**
 * GHL writes dates three ways: ISO-8601 with an offset, ISO without one, and (appointments in the
 * contacts spec) `YYYY-MM-DD HH:mm:ss`. Offset-less values are read as UTC, the only reading
 * that does not depend on the gateway host's time zone.
 */
export function toDate(value: Date | string | number): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return new Date(value);
  const spaced = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value);
  const d = new Date(spaced ? `${spaced[1]}T${spaced[2]}Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A DateTime argument: ISO-8601 (or GHL's spaced form), on a date that exists. `Date` would read
 * `2025-02-31` as March 3rd, so the calendar parts are checked first.
 */
function parseDateTimeInput(value: string): Date | null {
  if (value.length > DATE_TIME_MAX_LENGTH) return null;
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (parts && !isRealCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) return null;
  return toDate(value);
}

builder.scalarType('DateTime', {
  description: 'An instant, serialized as ISO-8601 in UTC (e.g. `2026-01-31T09:30:00.000Z`).',
  serialize: (value) => {
    const d = toDate(value as Date | string);
    if (!d) throw new GraphQLError(`DateTime cannot represent "${String(value)}"`);
    return d.toISOString();
  },
  parseValue: (value) => {
    const d = typeof value === 'string' ? parseDateTimeInput(value) : null;
    if (!d) throw new GraphQLError('DateTime must be an ISO-8601 string of a real date', { extensions: { code: 'BAD_USER_INPUT' } });
    return d;
  },
  parseLiteral: (ast) => {
    const d = ast.kind === Kind.STRING ? parseDateTimeInput(ast.value) : null;
    if (!d) throw new GraphQLError('DateTime must be an ISO-8601 string of a real date', { extensions: { code: 'BAD_USER_INPUT' } });
    return d;
  },
});

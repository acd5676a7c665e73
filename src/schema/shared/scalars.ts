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

/**
 * GHL's text of an instant → its ISO-8601 form. Parsing and printing a date costs microseconds,
 * and a cached record brings back the same timestamps on every read, so the answers are kept: a
 * pure function's memo (it holds no request or tenant state), bounded by starting over when full.
 */
const isoOfText = new Map<string, string>();
const ISO_OF_TEXT_MAX = 4_096;

function serializeDateTime(value: unknown): string {
  const text = typeof value === 'string' ? value : null;
  const known = text === null ? undefined : isoOfText.get(text);
  if (known !== undefined) return known;
  const d = toDate(value as Date | string);
  if (!d) throw new GraphQLError(`DateTime cannot represent "${String(value)}"`);
  const iso = d.toISOString();
  if (text !== null) {
    if (isoOfText.size >= ISO_OF_TEXT_MAX) isoOfText.clear();
    isoOfText.set(text, iso);
  }
  return iso;
}

builder.scalarType('DateTime', {
  description: 'An instant, serialized as ISO-8601 in UTC (e.g. `2026-01-31T09:30:00.000Z`).',
  serialize: serializeDateTime,
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

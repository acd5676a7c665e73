/**
 * Every bound on caller input, in one place. The schema's input guard (input-guard.ts) applies them
 * to every argument and input field before a resolver runs, so an oversized or malformed value
 * never costs an upstream call. Where GHL documents a limit (its OpenAPI specs), the bound follows
 * it and says so; elsewhere GHL documents none, and the bound is ours: generous for real use,
 * small enough that one request cannot make the gateway or GHL do unbounded work.
 *
 * No GraphQL here: these are plain checks that answer a reason ("is longer than 255 characters")
 * or null.
 */

/**
 * Ids of GHL records (`ID` arguments and input fields, and the few `String`s that become a path
 * segment). GHL's ids are 20 to 24 characters (Mongo ObjectIds, nanoids); GHL documents no
 * maximum, except 50 for the contact ids of its bulk endpoints.
 */
export const ID_MAX_LENGTH = 128;

/** Bounds for text, by what the text is. */
export const TEXT_MAX_LENGTH = {
  /** Names, titles, labels, address parts, slugs, keys, colours. GHL documents none (100 for conversation subtypes we do not expose). */
  short: 255,
  /** RFC 5321: a path (address) is at most 254 characters. */
  email: 254,
  /** E.164 has at most 15 digits; room for a `+`, spaces and an extension. GHL documents none. */
  phone: 32,
  /** Browsers and most servers stop around 2 KB of URL. GHL documents none. */
  url: 2048,
  /** One tag. GHL documents none. */
  tag: 255,
  /** The longest IANA name is under 40 characters. */
  timezone: 64,
  /** Bodies, descriptions, notes, search text. GHL documents 5,000 only for appointment notes (below). */
  text: 65_536,
  /** Blog post HTML. GHL documents none; the request body limit bounds it further. */
  html: 1_000_000,
} as const;

export type TextKind = keyof typeof TEXT_MAX_LENGTH;

/** A `DateTime` argument: `2026-01-31T09:30:00.123456789+05:30` with room to spare. */
export const DATE_TIME_MAX_LENGTH = 64;

/** GHL's own documented bounds on particular input fields (`InputType.field`), which beat the kind's. */
export const DOCUMENTED_MAX_LENGTH: Readonly<Record<string, number>> = {
  // calendars spec, NotesDTO.body: maxLength 5000.
  'AppointmentNoteCreateInput.body': 5000,
  'AppointmentNoteUpdateInput.body': 5000,
};

/**
 * Items in any one list argument or input field (tags, ids, emails…). GHL documents 100 for
 * `calendarIds`, and nothing for the others; the same bound serves them all.
 */
export const LIST_MAX_ITEMS = 100;

/**
 * Which kind of text a `String` input is, by its name. Names not listed are free text. `ID`s are
 * always ids; a `String` that becomes a path segment is marked with the `pathSegment` extension
 * (see `PATH_SEGMENT`) and is checked as an id.
 */
export const TEXT_KIND_BY_NAME: Readonly<Record<string, TextKind>> = {
  firstName: 'short', lastName: 'short', name: 'short', companyName: 'short', title: 'short', eventTitle: 'short',
  fromName: 'short', imageAltText: 'short', firstObjectLabel: 'short', secondObjectLabel: 'short',
  address: 'short', address1: 'short', city: 'short', state: 'short', postalCode: 'short', country: 'short',
  slug: 'short', urlSlug: 'short', widgetSlug: 'short', key: 'short', firstObjectKey: 'short', secondObjectKey: 'short',
  color: 'short', eventColor: 'short', source: 'short', unit: 'short', type: 'short', code: 'short',
  password: 'short', scopes: 'short', selectedUsers: 'short', visitorId: 'short', query: 'short', search: 'short',
  email: 'email', emails: 'email', fromAddress: 'email', additionalEmailIds: 'email', recipients: 'email',
  phone: 'phone', fromNumber: 'phone', additionalPhoneNumbers: 'phone',
  website: 'url', imageUrl: 'url', canonicalLink: 'url',
  tags: 'tag', withoutTags: 'tag',
  timezone: 'timezone',
  rawHtml: 'html',
};

/** Extension key that marks a `String` argument as a path segment: `t.arg.string({ extensions: PATH_SEGMENT })`. */
export const PATH_SEGMENT = { pathSegment: true } as const;

// C0 and C1 control characters and DEL: never part of an id, and a header or log injection risk.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Characters that end or escape a URL path segment, or start a query or fragment. */
const PATH_BREAKING = /[/\\%?#]/;

/**
 * An id is safe as a URL path segment: non-empty, bounded, not `.` or `..` (which URL parsing
 * collapses), and free of `/`, `\`, `%`, `?`, `#` and control characters.
 */
export function idProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty';
  if (value.trim().length === 0) return 'must not be blank';
  if (value.length > ID_MAX_LENGTH) return `is longer than ${ID_MAX_LENGTH} characters`;
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  if (PATH_BREAKING.test(value)) return 'must not contain "/", "\\", "%", "?" or "#"';
  if (CONTROL.test(value)) return 'must not contain control characters';
  return null;
}

/** Length of a text value, and IANA form for time zones. */
export function textProblem(kind: TextKind, value: string, maxLength: number = TEXT_MAX_LENGTH[kind]): string | null {
  if (value.length > maxLength) return `is longer than ${maxLength} characters`;
  if (kind === 'timezone' && value !== '' && !isIanaTimeZone(value)) return 'must be an IANA time zone, e.g. "America/Chicago"';
  return null;
}

export function listProblem(length: number): string | null {
  return length > LIST_MAX_ITEMS ? `has more than ${LIST_MAX_ITEMS} items` : null;
}

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * An IANA zone name the runtime knows (`America/Chicago`, `UTC`). Offsets such as `+05:00` and
 * abbreviations the tz database lacks are refused: GHL stores names.
 */
export function isIanaTimeZone(value: string): boolean {
  if (!IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * A calendar date that exists: `2025-02-28` yes, `2025-02-31` no. JavaScript's `Date` rolls the
 * latter over to March 3rd, so the parts are checked before a `Date` is built.
 */
export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= daysInMonth;
}

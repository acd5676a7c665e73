import type { UserErrorShape } from './errors.js';

/**
 * Checks run on mutation input before anything is sent to GHL. Each returns a user error with
 * the input path, or null. GraphQL already enforces types, enums and non-null arguments; these
 * cover what the type system cannot (formats, ranges, "at least one of").
 */
type Check = UserErrorShape | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** E.164, which GHL stores; GHL also accepts national formats, but the gateway asks for one form. */
const PHONE = /^\+[1-9]\d{6,14}$/;

export function email(path: string[], value: string | null | undefined): Check {
  if (value === null || value === undefined) return null;
  return EMAIL.test(value) ? null : { code: 'INVALID', field: path, message: `"${value}" is not an email address.` };
}

export function phone(path: string[], value: string | null | undefined): Check {
  if (value === null || value === undefined) return null;
  return PHONE.test(value) ? null : { code: 'INVALID', field: path, message: 'Phone numbers must be in E.164 form, e.g. +14155550123.' };
}

export function nonBlank(path: string[], value: string | null | undefined): Check {
  if (value === null || value === undefined) return null;
  return value.trim() ? null : { code: 'BLANK', field: path, message: `${path.at(-1)} must not be blank.` };
}

export function required(path: string[], value: unknown): Check {
  return value === null || value === undefined || value === '' ? { code: 'REQUIRED', field: path, message: `${path.at(-1)} is required.` } : null;
}

export function oneOf(paths: string[][], values: unknown[]): Check {
  return values.some((v) => v !== null && v !== undefined && v !== '')
    ? null
    : { code: 'REQUIRED', field: paths[0] ?? null, message: `Give at least one of ${paths.map((p) => p.at(-1)).join(', ')}.` };
}

/** An integer from `min` to `max` (GraphQL has already made it an Int). */
export function range(path: string[], value: number | null | undefined, min: number, max: number): Check {
  if (value === null || value === undefined) return null;
  return Number.isInteger(value) && value >= min && value <= max ? null : { code: 'INVALID', field: path, message: `${path.at(-1)} must be between ${min} and ${max}.` };
}

export function before(paths: [string[], string[]], start: Date | null | undefined, end: Date | null | undefined): Check {
  if (!start || !end) return null;
  return start.getTime() < end.getTime() ? null : { code: 'INVALID', field: paths[1], message: `${paths[1].at(-1)} must be after ${paths[0].at(-1)}.` };
}

export function nonEmptyList(path: string[], value: readonly unknown[] | null | undefined): Check {
  if (value === null || value === undefined) return null;
  return value.length > 0 ? null : { code: 'BLANK', field: path, message: `${path.at(-1)} must not be empty.` };
}

/** Keeps the failures. */
export function collect(...checks: Check[]): UserErrorShape[] {
  return checks.filter((c): c is UserErrorShape => c !== null);
}

import type { UserErrorCode, UserErrorShape } from '../shared/errors.js';

/** Input checks of the calendars and appointments mutations (payloads: shared/mutation.ts). */

/** A user error at `path`. */
export const fieldError = (path: string[], message: string, code: UserErrorCode = 'INVALID'): UserErrorShape => ({ code, field: path, message });

/** Checks `#rrggbb`. */
export function hexColor(path: string[], value: string | null | undefined): UserErrorShape | null {
  if (value === null || value === undefined) return null;
  return /^#[0-9a-f]{6}$/i.test(value) ? null : fieldError(path, `${path.at(-1)} must be a colour like #039be5.`);
}

/** The range check of shared/validate.ts, under the name the calendar mutations use. */
export { range as intRange } from '../shared/validate.js';

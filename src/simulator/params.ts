import { unprocessable } from './errors.js';

/**
 * Integer query parameters, checked the way GHL's class-validator checks them; a bad one is a 422
 * naming the rule. Two wordings exist in GHL's answers, so both are here:
 * - `intParam`: one message per rule ("must be an integer number", "must not be less than …");
 * - `intInRange`: one message for the whole range ("must be an integer between … and …").
 * Without a fallback, an absent parameter is not an integer (the operation requires it).
 */
export function intParam(value: unknown, name: string, fallback: number | undefined, min: number, max: number): number {
  if (fallback !== undefined && (value === undefined || value === '')) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw unprocessable([`${name} must be an integer number`]);
  if (n < min) throw unprocessable([`${name} must not be less than ${min}`]);
  if (n > max) throw unprocessable([`${name} must not be greater than ${max}`]);
  return n;
}

export function intInRange(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw unprocessable([`${name} must be an integer between ${min} and ${max}`]);
  return n;
}

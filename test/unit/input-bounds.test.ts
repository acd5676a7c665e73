import { describe, expect, it } from 'vitest';
import { ID_MAX_LENGTH, idProblem, isIanaTimeZone, isRealCalendarDate, LIST_MAX_ITEMS, listProblem, TEXT_MAX_LENGTH, textProblem } from '../../src/schema/shared/input-bounds.js';

describe('idProblem', () => {
  it('accepts the shapes of GHL ids', () => {
    for (const id of ['yvcVXsm1DK3gzAtIXddQ', '112dd5d391e23db6ca716946', '75619556-cb61-4643-87bf-c6097fc350fa', 'custom_objects.pet', 'a.b', '...'])
      expect(idProblem(id), id).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['   ', /blank/],
    ['.', /"\." or "\.\."/],
    ['..', /"\." or "\.\."/],
    ['a/b', /"\/"/],
    ['a\\b', /"\\"/],
    ['%2e%2e', /"%"/],
    ['a?b=1', /"\?"/],
    ['a#b', /"#"/],
    ['a\nb', /control/],
    ['a\u0000b', /control/],
    ['a\u0085b', /control/],
    ['x'.repeat(ID_MAX_LENGTH + 1), /longer than 128/],
  ])('refuses %j', (value, reason) => {
    expect(idProblem(value)).toMatch(reason);
  });
});

describe('textProblem', () => {
  it('bounds each kind of text by its own length', () => {
    expect(textProblem('short', 'x'.repeat(TEXT_MAX_LENGTH.short))).toBeNull();
    expect(textProblem('short', 'x'.repeat(TEXT_MAX_LENGTH.short + 1))).toMatch(/longer than 255/);
    expect(textProblem('email', `${'x'.repeat(250)}@example.com`)).toMatch(/longer than 254/);
    expect(textProblem('text', 'x'.repeat(1_000_000))).toMatch(/longer than 65536/);
    expect(textProblem('text', 'x'.repeat(5001), 5000)).toMatch(/longer than 5000/);
  });

  it('takes IANA time zone names only', () => {
    for (const tz of ['America/Chicago', 'Europe/London', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) expect(isIanaTimeZone(tz), tz).toBe(true);
    for (const tz of ['Mars/Olympus', '+05:00', 'America/Chicago/', '../etc', '', 'x'.repeat(60)]) expect(isIanaTimeZone(tz), tz).toBe(false);
    expect(textProblem('timezone', 'Mars/Olympus')).toMatch(/IANA/);
  });
});

describe('isRealCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isRealCalendarDate(2025, 2, 28)).toBe(true);
    expect(isRealCalendarDate(2025, 2, 29)).toBe(false);
    expect(isRealCalendarDate(2024, 2, 29)).toBe(true);
    expect(isRealCalendarDate(1900, 2, 29)).toBe(false);
    expect(isRealCalendarDate(2000, 2, 29)).toBe(true);
    expect(isRealCalendarDate(2025, 2, 31)).toBe(false);
    expect(isRealCalendarDate(2025, 4, 31)).toBe(false);
    expect(isRealCalendarDate(2025, 12, 31)).toBe(true);
    expect(isRealCalendarDate(2025, 13, 1)).toBe(false);
    expect(isRealCalendarDate(2025, 1, 0)).toBe(false);
  });
});

describe('listProblem', () => {
  it('bounds every list', () => {
    expect(listProblem(LIST_MAX_ITEMS)).toBeNull();
    expect(listProblem(LIST_MAX_ITEMS + 1)).toMatch(/more than 100/);
  });
});

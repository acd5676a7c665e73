import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/ghl/errors.js';
import { toDate } from '../../src/schema/shared/scalars.js';

describe('toDate', () => {
  it("reads GHL's three date spellings, offset-less ones as UTC", () => {
    expect(toDate('2021-07-16 11:00:00')?.toISOString()).toBe('2021-07-16T11:00:00.000Z');
    expect(toDate('2021-07-16T11:00:00')?.toISOString()).toBe('2021-07-16T11:00:00.000Z');
    expect(toDate('2021-07-02T05:18:26.704Z')?.toISOString()).toBe('2021-07-02T05:18:26.704Z');
    expect(toDate('2021-07-16T11:00:00+05:30')?.toISOString()).toBe('2021-07-16T05:30:00.000Z');
    expect(toDate('Date format YYYY-MM-DD')).toBeNull();
  });
});

describe('scrubSecrets', () => {
  it('removes bearer tokens, token fields and client secrets', () => {
    const text = 'Authorization: Bearer abc.def.ghi refresh_token=r123&client_secret=s3cr3t {"access_token":"tok"} pit-1234-abcd';
    const out = scrubSecrets(text);
    for (const secret of ['abc.def.ghi', 'r123', 's3cr3t', '"tok"', 'pit-1234-abcd']) expect(out).not.toContain(secret);
  });
});

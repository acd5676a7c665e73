import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../codegen.js';

describe('schema/schema.graphql', () => {
  it('is exactly what the code prints (run `npm run codegen` after changing the schema)', () => {
    const checkedIn = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(printedSchema());
  });
});

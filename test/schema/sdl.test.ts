import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogTable, printedSchema } from '../../codegen.js';

describe('schema/schema.graphql', () => {
  it('is exactly what the code prints (run `npm run codegen` after changing the schema)', () => {
    const checkedIn = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(printedSchema());
  });

  it('keeps the README catalog table in step with the schema', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(catalogTable());
  });
});

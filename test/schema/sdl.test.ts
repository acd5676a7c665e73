import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { configTable } from '../../tools/config-table.js';
import { driftedFiles } from '../../tools/generate.js';
import { catalogTable, printedSchema } from '../../tools/schema-docs.js';

const readme = () => readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('generated files (run `npm run codegen` after changing the schema, a setting or a document)', () => {
  it('schema/schema.graphql is exactly what the code prints', () => {
    const checkedIn = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(printedSchema());
  });

  it('the README catalog table is in step with the schema', () => {
    expect(readme()).toContain(catalogTable());
  });

  it('the README configuration table is in step with src/config/env.ts', () => {
    const table = configTable();
    expect(readme()).toContain(table);
    // Every variable the config schema reads has its row, with its doc comment.
    expect(table).toContain('| `PORT` | `4000` | Port the gateway listens on. |');
    expect(table).toContain('| `GHL_OAUTH_REDIRECT_URI` | `http://HOST:PORT/oauth/callback` |');
  });

  it('nothing generated differs from the checked-in files, the typed documents of src/gql included', async () => {
    expect(await driftedFiles(config)).toEqual([]);
  }, 60_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withFragments } from '../../src/dashboard/client/fragments.js';
import { schema } from '../../src/schema/index.js';

/** The dashboard's documents are valid against the schema, each with exactly the fragments it uses. */
const dir = new URL('../../src/dashboard/documents/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const operations = readdirSync(dir).filter((f) => f.endsWith('.graphql') && f !== 'Fragments.graphql');

describe('dashboard documents', () => {
  it('has its query, subscriptions and mutation', () => {
    expect(operations.sort()).toEqual(['CalendarEventsChanged.graphql', 'ContactCreate.graphql', 'ContactTasksChanged.graphql', 'ContactsChanged.graphql', 'Dashboard.graphql', 'OpportunitiesChanged.graphql', 'RateBudget.graphql']);
  });

  it.each(operations)('%s validates against the schema', (file) => {
    const document = parse(withFragments(read(file), read('Fragments.graphql')));
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});

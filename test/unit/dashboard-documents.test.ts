import { readdirSync, readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
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

/** The operation with the fragments it spreads (and theirs): a document may hold no unused fragment. */
function withFragments(operation: string, fragments: string): string {
  const defs = new Map<string, string>();
  for (const part of fragments.split(/(?=^fragment\s)/m)) {
    const name = /^fragment\s+(\w+)/.exec(part)?.[1];
    if (name) defs.set(name, part.trim());
  }
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.\s*(\w+)/g)) {
      if (!name || used.has(name) || !defs.has(name)) continue;
      used.add(name);
      visit(defs.get(name)!);
    }
  };
  visit(operation);
  return [operation.trim(), ...[...used].map((n) => defs.get(n)!)].join('\n\n');
}


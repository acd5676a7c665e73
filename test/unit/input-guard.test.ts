import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { guardInputs } from '../../src/schema/shared/input-guard.js';

/**
 * The guard follows the schema's own types: nested and recursive input objects, lists, and
 * subscriptions, without a list of fields to keep up to date.
 */
function guarded() {
  const schema = buildSchema(`
    input Filter { id: ID, name: String, and: [Filter!], key: String }
    type Query { find(filter: Filter, ids: [ID!], email: String): String, plain(n: Int): String }
  `);
  let calls = 0;
  schema.getQueryType()!.getFields()['find']!.resolve = () => {
    calls++;
    return 'found';
  };
  schema.getQueryType()!.getFields()['plain']!.resolve = () => 'plain';
  return { schema: guardInputs(schema), calls: () => calls };
}

describe('guardInputs', () => {
  it('checks ids inside recursive input objects and names the whole path', async () => {
    const { schema, calls } = guarded();
    const res = await graphql({ schema, source: '{ find(filter: { and: [{ id: "ok" }, { and: [{ id: ".." }] }] }) }' });
    expect(res.errors?.[0]?.message).toBe('filter.and[1].and[0].id must not be "." or "..".');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'and', '1', 'and', '0', 'id'] });
    expect(calls()).toBe(0);
  });

  it('bounds strings by their name, lists by their length, and leaves good input and other fields alone', async () => {
    const { schema, calls } = guarded();
    const long = await graphql({ schema, source: 'query($e: String) { find(email: $e) }', variableValues: { e: `${'a'.repeat(260)}@x.io` } });
    expect(long.errors?.[0]?.message).toMatch(/^email is longer than 254/);
    const many = await graphql({ schema, source: 'query($ids: [ID!]) { find(ids: $ids) }', variableValues: { ids: Array.from({ length: 101 }, (_, i) => `id${i}`) } });
    expect(many.errors?.[0]?.message).toMatch(/^ids has more than 100 items/);
    expect(calls()).toBe(0);
    const good = await graphql({ schema, source: '{ find(filter: { id: "abc", name: "Ada", and: [{ key: "k" }] }, ids: ["a", "b"]) plain(n: 3) }' });
    expect(good).toEqual({ data: { find: 'found', plain: 'plain' } });
    expect(calls()).toBe(1);
  });
});

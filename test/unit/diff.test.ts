import { describe, expect, it } from 'vitest';
import { changedFields, diffListing, diffOne } from '../../src/subscriptions/diff.js';

type Rec = Record<string, unknown> & { id: string };
const idOf = (r: Rec) => r.id;
const AT = '2026-01-01T00:00:00.000Z';

describe('diff', () => {
  it('finds created, updated and deleted records, with the fields that changed', () => {
    const before = new Map<string, Rec>([
      ['a', { id: 'a', name: 'A', tags: ['x'] }],
      ['b', { id: 'b', name: 'B' }],
      ['c', { id: 'c', name: 'C' }],
    ]);
    const { changes, next } = diffListing(before, [{ id: 'a', name: 'A', tags: ['x', 'y'] }, { id: 'c', name: 'C' }, { id: 'd', name: 'D' }], idOf, AT);
    expect(changes.map((c) => [c.kind, c.id, c.changedFields])).toEqual([
      ['UPDATED', 'a', ['tags']],
      ['CREATED', 'd', ['id', 'name']],
      ['DELETED', 'b', []],
    ]);
    expect(changes.find((c) => c.kind === 'DELETED')?.node).toEqual({ id: 'b', name: 'B' });
    expect([...next.keys()]).toEqual(['a', 'c', 'd']);
  });

  it('reports nothing when nothing changed, whatever the key order or paging artefacts', () => {
    const before = new Map<string, Rec>([['a', { id: 'a', name: 'A', meta: { x: 1, y: 2 }, searchAfter: [1, 'a'] }]]);
    const { changes } = diffListing(before, [{ id: 'a', meta: { y: 2, x: 1 }, name: 'A', searchAfter: [9, 'a'] }], idOf, AT);
    expect(changes).toEqual([]);
  });

  it('ignores a record repeated across a page boundary', () => {
    const { changes, next } = diffListing(new Map(), [{ id: 'a' }, { id: 'a' }], idOf, AT);
    expect(changes).toHaveLength(1);
    expect(next.size).toBe(1);
  });

  it('produces plain JSON events', () => {
    const change = diffOne(undefined, { id: 'a', when: '2026-01-01' }, 'a', AT, 'WEBHOOK');
    expect(JSON.parse(JSON.stringify(change))).toEqual(change);
    expect(changedFields({ a: 1, b: [1] }, { a: 1, b: [1, 2], c: null })).toEqual(['b', 'c']);
  });
});

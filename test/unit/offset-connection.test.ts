import { describe, expect, it } from 'vitest';
import { offsetConnection, sliceConnection } from '../../src/schema/shared/offset-connection.js';

const items = Array.from({ length: 5 }, (_, i) => ({ id: `r${i + 1}` }));
const opts = { defaultSize: 2, maxSize: 10, idOf: (r: { id: string }) => r.id };

describe('offsetConnection', () => {
  it('asks for one extra item to know about the next page, and continues from the cursor', async () => {
    const asked: { offset: number; limit: number }[] = [];
    const fetch = async (page: { offset: number; limit: number }) => {
      asked.push(page);
      return { items: items.slice(page.offset, page.offset + page.limit), total: null };
    };
    const first = await offsetConnection({ first: 2 }, { ...opts, fetch });
    const second = await offsetConnection({ first: 2, after: first.pageInfo.endCursor }, { ...opts, fetch });
    const third = await offsetConnection({ first: 2, after: second.pageInfo.endCursor }, { ...opts, fetch });
    expect([first, second, third].map((c) => c.edges.map((e) => e.node.id))).toEqual([['r1', 'r2'], ['r3', 'r4'], ['r5']]);
    expect([first, second, third].map((c) => c.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(asked).toEqual([{ offset: 0, limit: 3 }, { offset: 2, limit: 3 }, { offset: 4, limit: 3 }]);
  });

  it('ends the list when GHL ignores the offset and repeats the previous page', async () => {
    const stuck = async () => ({ items: items.slice(0, 3), total: null });
    const first = await offsetConnection({ first: 2 }, { ...opts, fetch: stuck });
    const again = await offsetConnection({ first: 2, after: first.pageInfo.endCursor }, { ...opts, fetch: stuck });
    expect(again.edges).toEqual([]);
    expect(again.pageInfo.hasNextPage).toBe(false);
  });

  it('pages a list already in hand, with its length as the total', async () => {
    const page = await sliceConnection(items, { first: 3 }, opts);
    expect(page.edges.map((e) => e.node.id)).toEqual(['r1', 'r2', 'r3']);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

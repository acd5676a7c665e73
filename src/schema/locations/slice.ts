import { decodeCursor, encodeCursor, pageSize, type ConnectionShape } from '../shared/pagination.js';

/**
 * Paging over what GHL sends whole (custom fields, snapshots, the deprecated users list): one
 * upstream list, cut into pages here. The cursor is an offset into that list.
 */
export function sliceConnection<T>(all: readonly T[], args: { first?: number | null; after?: string | null }, sizes: { defaultSize: number; maxSize: number }): ConnectionShape<T> {
  const limit = pageSize(args.first, sizes);
  const position = args.after ? decodeCursor(args.after) : null;
  const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
  const edges = all.slice(offset, offset + limit).map((node, i) => ({ node, cursor: encodeCursor({ o: offset + i + 1 }) }));
  return {
    edges,
    totalCount: all.length,
    pageInfo: {
      hasNextPage: offset + edges.length < all.length,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Paging over a skip/limit endpoint. The cursor carries the offset of the next item and the id of
 * the last one seen: a page that ends on that same id again (GHL ignoring `skip`) ends the list
 * instead of looping.
 */
export async function offsetConnection<T>(
  args: { first?: number | null; after?: string | null },
  sizes: { defaultSize: number; maxSize: number },
  idOf: (node: T) => string,
  fetchPage: (page: { skip: number; limit: number }) => Promise<{ nodes: T[]; total: number | null }>,
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first, sizes);
  const position = args.after ? decodeCursor(args.after) : null;
  const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
  const previousLast = typeof position?.['l'] === 'string' ? position['l'] : null;
  const { nodes, total } = await fetchPage({ skip: offset, limit });
  const page = nodes.slice(0, limit);
  const repeated = previousLast !== null && page.length > 0 && idOf(page.at(-1) as T) === previousLast;
  const edges = repeated ? [] : page.map((node, i) => ({ node, cursor: encodeCursor({ o: offset + i + 1, l: idOf(node) }) }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      // Without a total, a full page may be followed by an empty one.
      hasNextPage: !repeated && (total !== null ? offset + edges.length < total : page.length === limit),
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

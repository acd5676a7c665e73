import { decodeCursor, encodeCursor, pageSize, type ConnectionShape } from './pagination.js';

/**
 * A Relay connection over an offset-paged GHL list (skip/limit or limit/offset: the same thing).
 * The cursor holds the offset after an edge and that edge's id; one extra item is asked for, so
 * `hasNextPage` is known without a trailing empty call. If GHL ignores the offset and repeats the
 * previous page (its last id equals the cursor's), the list ends instead of looping.
 */

export interface OffsetPage<T> {
  items: T[];
  /** The count of all matches, when GHL reports it. */
  total: number | null;
}

export interface OffsetConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export async function offsetConnection<T>(
  args: OffsetConnectionArgs,
  opts: { defaultSize: number; maxSize: number; idOf: (item: T) => string; fetch: (page: { offset: number; limit: number }) => Promise<OffsetPage<T>> },
): Promise<ConnectionShape<T>> {
  const size = pageSize(args.first, opts);
  const position = args.after ? decodeCursor(args.after) : null;
  const offset = typeof position?.['o'] === 'number' && position['o'] >= 0 ? position['o'] : 0;
  const previousLastId = typeof position?.['l'] === 'string' ? position['l'] : null;

  const page = await opts.fetch({ offset, limit: size + 1 });
  const items = page.items.slice(0, size);
  const last = items.at(-1);
  if (previousLastId !== null && last !== undefined && opts.idOf(last) === previousLastId) {
    return { edges: [], totalCount: page.total, pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0, startCursor: null, endCursor: null } };
  }
  const edges = items.map((node, i) => ({ node, cursor: encodeCursor({ o: offset + i + 1, l: opts.idOf(node) }) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: page.items.length > size,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The same connection over a list already in hand (an endpoint that is not paginated). */
export function sliceConnection<T>(all: readonly T[], args: OffsetConnectionArgs, opts: { defaultSize: number; maxSize: number; idOf: (item: T) => string }): Promise<ConnectionShape<T>> {
  return offsetConnection(args, { ...opts, fetch: async ({ offset, limit }) => ({ items: all.slice(offset, offset + limit), total: all.length }) });
}

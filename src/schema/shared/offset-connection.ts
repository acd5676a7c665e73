import { badUserInput } from './errors.js';
import { decodeCursor, pageOf, pageSize, type ConnectionShape } from './pagination.js';

/**
 * Relay connections over GHL's offset paging (skip/limit, limit/offset) and over lists GHL sends
 * whole. The cursor holds the offset after its edge, that edge's id, and optionally a fingerprint
 * of the list's arguments (so a cursor cannot continue a different list). If GHL ignores the
 * offset and repeats the previous page (its last id equals the cursor's), the list ends there
 * instead of looping. Every domain's offset connections go through `offsetPageToConnection`.
 */

export interface OffsetConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export interface OffsetPage<T> {
  items: T[];
  /** The count of all matches, when GHL reports it. */
  total: number | null;
  /** Whether more follow, when GHL says so without a total. */
  hasMore?: boolean;
}

/** Where an `after` cursor points: the offset to fetch from, and the cursor it came from. */
export function offsetPosition(after: string | null | undefined, fingerprint?: string): { offset: number; position: Record<string, unknown> | null } {
  if (!after) return { offset: 0, position: null };
  const position = decodeCursor(after);
  if (fingerprint !== undefined && position['k'] !== fingerprint) {
    throw badUserInput('The `after` cursor belongs to a different list or different arguments.', { argument: 'after' });
  }
  const offset = position['o'];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badUserInput('The `after` cursor is not one this gateway issued.', { argument: 'after' });
  return { offset, position };
}

/**
 * Builds the connection from one fetched page. `page.items` may hold one item more than `limit`
 * (a look-ahead): then `hasNextPage` needs neither a total nor a trailing empty call.
 */
export function offsetPageToConnection<T>(
  page: OffsetPage<T>,
  at: { offset: number; position: Record<string, unknown> | null; limit: number },
  idOf: (item: T) => string,
  fingerprint?: string,
): ConnectionShape<T> {
  const { offset, position, limit } = at;
  const items = page.items.slice(0, limit);
  const last = items.at(-1);
  const repeated = position !== null && last !== undefined && idOf(last) === position['l'];
  const nodes = repeated ? [] : items;
  let hasNextPage: boolean;
  if (nodes.length === 0) hasNextPage = false;
  else if (page.items.length > limit) hasNextPage = true;
  else if (page.total !== null) hasNextPage = offset + nodes.length < page.total;
  else hasNextPage = (page.hasMore ?? true) && nodes.length === limit;
  const positionOf = (node: T, i: number) => ({ o: offset + i + 1, l: idOf(node), ...(fingerprint === undefined ? {} : { k: fingerprint }) });
  return pageOf(nodes, positionOf, { hasNextPage, hasPreviousPage: offset > 0, totalCount: page.total });
}

/** An offset-paged GHL list, fetched with one item of look-ahead. */
export async function offsetConnection<T>(
  args: OffsetConnectionArgs,
  opts: { defaultSize: number; maxSize: number; idOf: (item: T) => string; fingerprint?: string; fetch: (page: { offset: number; limit: number }) => Promise<OffsetPage<T>> },
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first, opts);
  const at = offsetPosition(args.after, opts.fingerprint);
  const page = await opts.fetch({ offset: at.offset, limit: limit + 1 });
  // The look-ahead item answers "is there more?" when GHL gives no total.
  return offsetPageToConnection({ ...page, hasMore: page.hasMore ?? page.items.length > limit }, { ...at, limit }, opts.idOf, opts.fingerprint);
}

/** The same connection over a list already in hand (an endpoint that is not paginated). */
export function sliceConnection<T>(all: readonly T[], args: OffsetConnectionArgs, opts: { defaultSize: number; maxSize: number; idOf: (item: T) => string; fingerprint?: string }): ConnectionShape<T> {
  const limit = pageSize(args.first, opts);
  const at = offsetPosition(args.after, opts.fingerprint);
  return offsetPageToConnection({ items: all.slice(at.offset, at.offset + limit), total: all.length }, { ...at, limit }, opts.idOf, opts.fingerprint);
}

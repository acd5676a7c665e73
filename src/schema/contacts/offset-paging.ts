import { createHash } from 'node:crypto';
import { stableKey } from '../../loaders/keys.js';
import { badUserInput } from '../shared/errors.js';
import { type ConnectionShape, decodeCursor, encodeCursor, pageSize } from '../shared/pagination.js';

/**
 * Relay connections over offset paging (GHL's skip/limit, or a whole list GHL does not page). The
 * cursor holds the offset after its edge, the last id of its page (a page that ends on the same
 * id again means GHL ignored the offset: the list ends there instead of looping) and a short
 * fingerprint of the arguments, so a cursor cannot continue a different list.
 */

export interface OffsetPage<T> {
  items: T[];
  /** Matches in all, when GHL reports it. */
  total: number | null;
  /** Whether more follow, when `total` is unknown. */
  hasMore?: boolean;
}

export interface OffsetArgs {
  first?: number | null;
  after?: string | null;
}

/** A short, stable digest of the arguments that define a list. */
export function listFingerprint(args: unknown): string {
  return createHash('sha256').update(stableKey(args)).digest('base64url').slice(0, 10);
}

/** The position an `after` cursor names, checked against the list it must belong to. */
export function cursorPosition(after: string | null | undefined, fingerprint: string): Record<string, unknown> | null {
  if (!after) return null;
  const position = decodeCursor(after);
  if (position['k'] !== fingerprint) throw badUserInput('The `after` cursor belongs to a different list or different arguments.', { argument: 'after' });
  return position;
}

export async function offsetConnection<T extends { id: string }>(
  args: OffsetArgs,
  opts: { defaultSize: number; maxSize: number; fingerprint: string },
  fetchPage: (skip: number, limit: number) => Promise<OffsetPage<T>>,
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first, opts);
  const position = cursorPosition(args.after, opts.fingerprint);
  const offset = position?.['o'];
  if (position && (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)) {
    throw badUserInput('The `after` cursor is not one this gateway issued.', { argument: 'after' });
  }
  const skip = typeof offset === 'number' ? offset : 0;
  const page = await fetchPage(skip, limit);
  let items = page.items.slice(0, limit);
  const last = items.at(-1)?.id;
  const repeated = position !== null && last !== undefined && last === position['l'];
  if (repeated) items = [];
  const edges = items.map((node, i) => ({ node, cursor: encodeCursor({ o: skip + i + 1, l: last, k: opts.fingerprint }) }));
  const hasMore = page.total !== null ? skip + items.length < page.total : (page.hasMore ?? items.length === limit);
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: !repeated && edges.length > 0 && hasMore,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection over a list GHL returns whole: the gateway pages it. */
export function sliceConnection<T extends { id: string }>(all: readonly T[], args: OffsetArgs, opts: { defaultSize: number; maxSize: number; fingerprint: string }): Promise<ConnectionShape<T>> {
  return offsetConnection(args, opts, async (skip, limit) => ({ items: all.slice(skip, skip + limit), total: all.length }));
}

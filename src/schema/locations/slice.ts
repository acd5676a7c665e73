import { offsetPageToConnection, offsetPosition, type OffsetConnectionArgs } from '../shared/offset-connection.js';
import { pageSize, type ConnectionShape } from '../shared/pagination.js';

/**
 * Paging over what GHL sends whole (custom fields, snapshots, the deprecated users list) and over
 * skip/limit endpoints, on the shared core (src/schema/shared/offset-connection.ts).
 */
export function sliceConnection<T>(all: readonly T[], args: OffsetConnectionArgs, sizes: { defaultSize: number; maxSize: number }, idOf: (node: T) => string = (n) => String((n as { id?: unknown }).id)): ConnectionShape<T> {
  const limit = pageSize(args.first, sizes);
  const at = offsetPosition(args.after);
  return offsetPageToConnection({ items: all.slice(at.offset, at.offset + limit), total: all.length }, { ...at, limit }, idOf);
}

export async function offsetConnection<T>(
  args: OffsetConnectionArgs,
  sizes: { defaultSize: number; maxSize: number },
  idOf: (node: T) => string,
  fetchPage: (page: { skip: number; limit: number }) => Promise<{ nodes: T[]; total: number | null }>,
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first, sizes);
  const at = offsetPosition(args.after);
  const { nodes, total } = await fetchPage({ skip: at.offset, limit });
  return offsetPageToConnection({ items: nodes, total }, { ...at, limit }, idOf);
}

import { createHash } from 'node:crypto';
import { stableKey } from '../../loaders/keys.js';
import { offsetPageToConnection, offsetPosition, type OffsetConnectionArgs, type OffsetPage } from '../shared/offset-connection.js';
import { badUserInput } from '../shared/errors.js';
import { decodeCursor, pageSize, type ConnectionShape } from '../shared/pagination.js';

/**
 * Contacts-domain connections over offset paging, on the shared core
 * (src/schema/shared/offset-connection.ts): their cursors carry a fingerprint of the list's
 * arguments, so a cursor cannot continue a different list.
 */

export type { OffsetPage };
export type OffsetArgs = OffsetConnectionArgs;

/** A short, stable digest of the arguments that define a list. */
export function listFingerprint(args: unknown): string {
  return createHash('sha256').update(stableKey(args)).digest('base64url').slice(0, 10);
}

/** The position an `after` cursor names (any paging style), checked against the list it must belong to. */
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
  const at = offsetPosition(args.after, opts.fingerprint);
  const page = await fetchPage(at.offset, limit);
  return offsetPageToConnection(page, { ...at, limit }, (t) => t.id, opts.fingerprint);
}

/** A connection over a list GHL returns whole: the gateway pages it. */
export async function sliceConnection<T extends { id: string }>(all: readonly T[], args: OffsetArgs, opts: { defaultSize: number; maxSize: number; fingerprint: string }): Promise<ConnectionShape<T>> {
  return offsetConnection(args, opts, async (skip, limit) => ({ items: all.slice(skip, skip + limit), total: all.length }));
}

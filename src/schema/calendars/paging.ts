import type { EventWindow } from '../../ghl/endpoints/calendars.js';
import { badUserInput } from '../shared/errors.js';
import { offsetPageToConnection, offsetPosition } from '../shared/offset-connection.js';
import { decodeCursor, pageOf, pageSize, type ConnectionShape } from '../shared/pagination.js';

/**
 * Relay connections over the calendar endpoints' paging styles. Cursors stay opaque: an offset for
 * skip/limit and limit/offset lists, a (start time, id) position for time windows. A page whose
 * last id equals the cursor's own id ends the list, so an upstream that ignores the position can
 * never make a client loop.
 */

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

function positionOf(after: string | null | undefined): Record<string, unknown> | null {
  return after ? decodeCursor(after) : null;
}

/**
 * An offset-paged list, on the shared core (src/schema/shared/offset-connection.ts). `fetch` gets
 * the offset and the page size and answers the items and whether more follow.
 */
export async function offsetConnection<T>(
  args: PageArgs,
  size: { defaultSize: number; maxSize: number },
  idOf: (node: T) => string,
  fetch: (offset: number, limit: number) => Promise<{ items: T[]; hasMore: boolean; total?: number }>,
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first, size);
  const at = offsetPosition(args.after);
  const { items, hasMore, total } = await fetch(at.offset, limit);
  return offsetPageToConnection({ items, hasMore, total: total ?? null }, { ...at, limit }, idOf);
}

/** A list GHL sends whole (calendars, groups): paged here, so the client sees one connection style. */
export function listConnection<T>(args: PageArgs, size: { defaultSize: number; maxSize: number }, idOf: (node: T) => string, all: T[]): Promise<ConnectionShape<T>> {
  return offsetConnection(args, size, idOf, async (offset, limit) => ({ items: all.slice(offset, offset + limit), hasMore: offset + limit < all.length, total: all.length }));
}

/** Page sizes of the time-window lists. */
export const WINDOW_PAGE = { defaultSize: 50, maxSize: 200 };

export interface WindowArgs extends PageArgs {
  startTime: Date;
  endTime: Date;
  calendarId?: string | null;
  userId?: string | null;
  groupId?: string | null;
}

/** Checks a window query's arguments; a bad window is BAD_USER_INPUT before any call. */
export function checkWindow(args: WindowArgs): void {
  if (args.startTime.getTime() >= args.endTime.getTime()) throw badUserInput('`endTime` must be after `startTime`.', { argument: 'endTime' });
  if (!args.calendarId && !args.userId && !args.groupId) throw badUserInput('Give one of `calendarId`, `userId` or `groupId`.', { argument: 'calendarId' });
}

/**
 * Events of a time window, in start order. GHL sends a whole window unpaged; the cursor keeps the
 * start time and id of the last edge, and the next page asks GHL for the window from that start
 * on, skipping what was already served.
 */
export async function windowConnection<T extends { id: string; startTime?: string }>(args: WindowArgs, load: (window: EventWindow) => Promise<T[]>): Promise<ConnectionShape<T>> {
  checkWindow(args);
  const limit = pageSize(args.first, WINDOW_PAGE);
  const at = positionOf(args.after);
  const fromMs = typeof at?.['s'] === 'number' ? at['s'] : args.startTime.getTime();
  const lastId = typeof at?.['i'] === 'string' ? at['i'] : null;
  const window: EventWindow = {
    startTime: fromMs,
    endTime: args.endTime.getTime(),
    ...(args.calendarId ? { calendarId: args.calendarId } : {}),
    ...(args.userId ? { userId: args.userId } : {}),
    ...(args.groupId ? { groupId: args.groupId } : {}),
  };
  const startOf = (e: T) => (e.startTime ? Date.parse(e.startTime) : 0);
  const remaining = (await load(window))
    .filter((e) => lastId === null || startOf(e) > fromMs || (startOf(e) === fromMs && e.id > lastId))
    .sort((a, b) => startOf(a) - startOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = remaining.slice(0, limit);
  const repeated = lastId !== null && page.at(-1)?.id === lastId;
  return pageOf(repeated ? [] : page, (node) => ({ s: startOf(node), i: node.id }), {
    hasNextPage: !repeated && remaining.length > page.length,
    hasPreviousPage: at !== null,
    totalCount: at ? null : remaining.length,
  });
}

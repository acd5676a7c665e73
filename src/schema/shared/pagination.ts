import type { ObjectRef } from '@pothos/core';
import type { BuilderTypes } from '../builder.js';
import { builder } from '../builder.js';
import { badUserInput } from './errors.js';

/**
 * Relay connections over GHL's many paging styles. The cursor is opaque to clients; inside it is
 * whatever the endpoint needs to continue (searchAfter values, an offset, a last id), versioned
 * so a cursor from an older gateway is refused clearly instead of misread.
 */

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoShape;
  totalCount: number | null;
}

export const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: 'Where a page of a connection sits in the whole list.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether another page follows this one.' }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Whether a page precedes this one.' }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first edge in this page.' }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: 'Cursor of the last edge; pass it as `after` to get the next page.',
    }),
  }),
});

/** Defines `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionType<T>(nodeRef: ObjectRef<BuilderTypes, T>, name: string, noun: string) {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    description: `One ${noun} in a page of results, with its cursor.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Opaque position of this edge; pass it as `after`.' }),
      node: t.field({ type: nodeRef, description: `The ${noun}.`, // T is generic here, so Pothos cannot prove it matches the ref's shape; callers pass matching refs.
      resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<ConnectionShape<T>>(`${name}Connection`).implement({
    description: `A page of ${noun}s (Relay connection).`,
    fields: (t) => ({
      edges: t.field({ type: [Edge], description: 'The edges in this page.', resolve: (c) => c.edges }),
      nodes: t.field({ type: [nodeRef], description: `The ${noun}s in this page, without cursors.`, resolve: (c) => c.edges.map((e) => e.node) as never }),
      pageInfo: t.field({ type: PageInfo, description: 'Paging information.', resolve: (c) => c.pageInfo }),
      totalCount: t.int({
        nullable: true,
        description: `How many ${noun}s match in all, when GHL reports it.`,
        resolve: (c) => c.totalCount,
      }),
    }),
  });
}

const CURSOR_VERSION = 1;

export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, ...position })).toString('base64url');
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (parsed && typeof parsed === 'object' && parsed['v'] === CURSOR_VERSION) return parsed;
  } catch {
    // fall through to the error below
  }
  throw badUserInput('The `after` cursor is not one this gateway issued.', { argument: 'after' });
}

/** Validates `first` against the endpoint's page size limit. */
export function pageSize(first: number | null | undefined, opts: { defaultSize: number; maxSize: number }): number {
  if (first === null || first === undefined) return opts.defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > opts.maxSize) {
    throw badUserInput(`\`first\` must be between 1 and ${opts.maxSize}.`, { argument: 'first' });
  }
  return first;
}

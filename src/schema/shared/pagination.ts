import type { ArgBuilder, ObjectRef } from '@pothos/core';
import type { PageInfoShape } from '@pothos/plugin-relay';
import type { BuilderTypes } from '../builder.js';
import { builder } from '../builder.js';
import { badUserInput } from './errors.js';

/**
 * Relay connections over GHL's many paging styles. The cursor is opaque to clients; inside it is
 * whatever the endpoint needs to continue (searchAfter values, an offset, a last id), versioned
 * so a cursor from an older gateway is refused clearly instead of misread.
 */

/** A page as resolvers build it: edges with their cursors, pageInfo, GHL's total. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoShape;
  totalCount: number | null;
}

/**
 * Defines `<Name>Connection` and `<Name>Edge` for a node type, with the Relay plugin (which also
 * brings `PageInfo` and `nodes`); only the descriptions and `totalCount` are ours.
 */
export function connectionType<T>(nodeRef: ObjectRef<BuilderTypes, T>, name: string, noun: string) {
  return builder.connectionObject(
    {
      type: nodeRef,
      name: `${name}Connection`,
      description: `A page of ${noun}s (Relay connection).`,
      edgesField: { description: 'The edges in this page.' },
      fields: (t) => ({
        totalCount: t.exposeInt('totalCount', { nullable: true, description: `How many ${noun}s match in all, when GHL reports it.` }),
      }),
    },
    { name: `${name}Edge`, description: `One ${noun} in a page of results, with its cursor.`, nodeField: { description: `The ${noun}.` } },
  );
}

/**
 * The connection of one fetched page, whatever GHL's paging style: `positionOf` says what the
 * cursor after each node holds, `at` what the paging style knows of the pages around it.
 */
export function pageOf<T>(
  nodes: readonly T[],
  positionOf: (node: T, index: number) => Record<string, unknown>,
  at: { hasNextPage: boolean; hasPreviousPage: boolean; totalCount: number | null },
): ConnectionShape<T> {
  const edges = nodes.map((node, i) => ({ node, cursor: encodeCursor(positionOf(node, i)) }));
  return {
    edges,
    totalCount: at.totalCount,
    pageInfo: { hasNextPage: at.hasNextPage, hasPreviousPage: at.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** What `first` defaults to and may not exceed, for one connection field. */
export interface PageSizes {
  defaultSize: number;
  maxSize: number;
}

/** The `first` and `after` arguments of a connection field, documented with the sizes its resolver enforces. */
export function pageArgs(arg: ArgBuilder<BuilderTypes>, sizes: PageSizes, afterNote = '') {
  return {
    first: arg.int({ description: `Page size, 1 to ${sizes.maxSize}. Default ${sizes.defaultSize}.` }),
    after: arg.string({ description: `Cursor from \`pageInfo.endCursor\` of the previous page${afterNote}.` }),
  };
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
export function pageSize(first: number | null | undefined, opts: PageSizes): number {
  if (first === null || first === undefined) return opts.defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > opts.maxSize) {
    throw badUserInput(`\`first\` must be between 1 and ${opts.maxSize}.`, { argument: 'first' });
  }
  return first;
}

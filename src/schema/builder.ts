import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { GraphQLContext } from '../context.js';

/**
 * The one schema builder. It defines no types: domains under src/schema/<domain>/ add them, and
 * src/schema/index.ts imports every domain and builds the schema.
 *
 * Plugins, weighed against what the gateway writes itself:
 * - relay: adopted for the connection types (`<Name>Connection`, `<Name>Edge`, `PageInfo`, the
 *   `nodes` shortcut), through `connectionType` in shared/pagination.ts. Not adopted: `t.connection`
 *   and its `resolve*Connection` helpers. `t.connection` adds `last`/`before` to every list, and
 *   most GHL lists only page forward (searchAfter, startAfterId, lastMessageId); the helpers'
 *   cursors are bare offsets, fetch one item of look-ahead (GHL refuses `pageLimit: 101`), clamp an
 *   oversized `first` instead of refusing it, and fail with a code-less error. GHL's cursors need a
 *   version, the arguments' fingerprint and the repeated-page guard, so pages are built by
 *   shared/pagination.ts and shared/offset-connection.ts.
 * - dataloader: not adopted. Its loaders hang off object refs and are made per request on first
 *   use, which src/loaders/index.ts (LazyLoaders) already does; ours also read through the
 *   tenant-keyed TTL cache tier, are started ahead of their fields by shared/prefetch.ts, primed
 *   across domains (a search primes `contact`), invalidated after writes and webhooks, and renewed
 *   per subscription event (`ctx.refreshLoaders`). The plugin would add a second place for loaders
 *   without removing the first.
 * - validation (standard schema, zod 4) / zod: not adopted. Argument bounds apply to every field
 *   from the schema's own types (shared/input-guard.ts, `BAD_USER_INPUT` naming the argument path)
 *   with nothing to declare per field, and mutation checks (shared/validate.ts) answer as the
 *   payload's `userErrors`, not as a thrown error, so per-field zod schemas would repeat the
 *   guard's rules and change how mutations report bad input.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Every connection also carries GHL's count of all matches, when GHL reports one. */
  Connection: { totalCount: number | null };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: { description: 'The nodes of `edges`, without their cursors.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.' },
    pageInfoFieldOptions: { description: 'Paging information.' },
    hasNextPageFieldOptions: { description: 'Whether another page follows this one.' },
    hasPreviousPageFieldOptions: { description: 'Whether a page precedes this one.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge in this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge; pass it as `after` to get the next page.' },
    cursorFieldOptions: { description: 'Opaque position of this edge; pass it as `after`.' },
  },
});

builder.queryType({ description: 'Reads from GoHighLevel, for the location of the authenticated caller.' });
builder.mutationType({ description: 'Writes to GoHighLevel. Each takes one `input` and answers a payload with `userErrors`.' });
builder.subscriptionType({
  description:
    'Changes in GoHighLevel as they happen: webhooks deliver them at once, and one shared poller per tenant and topic reconciles what webhooks miss. Over graphql-ws (WebSocket) or SSE on `/graphql`.',
});

/** The schema types of this builder, for helpers that take refs generically. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

import { GraphQLError, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { ObjectRef } from '@pothos/core';
import type { GraphQLContext } from '../../context.js';
import type { Change } from '../../subscriptions/diff.js';
import type { PollSource } from '../../subscriptions/poller.js';
import { builder, type BuilderTypes } from '../builder.js';
import { describedEnum } from './enums.js';

export const ChangeKindEnum = describedEnum('ChangeKind', 'What happened to a record.', {
  CREATED: ['CREATED', 'The record is new.'],
  UPDATED: ['UPDATED', 'Fields of the record changed; see `changedFields`.'],
  DELETED: ['DELETED', 'The record is gone; `node` is its last known state.'],
});

export const ChangeSourceEnum = describedEnum('ChangeSource', 'How the gateway learnt of a change.', {
  WEBHOOK: ['WEBHOOK', 'A GHL webhook delivered it, as it happened.'],
  POLL: ['POLL', 'A poll found it (GHL loses some webhooks; polling reconciles).'],
  MUTATION: ['MUTATION', 'A mutation through this gateway made it; published as soon as GHL confirmed the write.'],
});

/**
 * GHL field names as the GraphQL fields of `typeName` call them: a GHL field with a GraphQL field
 * of the same name (or of its alias) is kept, renamed; GHL internals (`emailLowerCase`,
 * `searchAfter`…) are dropped. Sorted, without repeats.
 */
export function graphqlChangedFields(ghlFields: readonly string[], typeName: string, info: GraphQLResolveInfo, aliases: Readonly<Record<string, string>> = {}): string[] {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return [];
  const fields = type.getFields();
  const names = new Set<string>();
  for (const f of ghlFields) {
    const name = aliases[f] ?? f;
    if (name in fields) names.add(name);
  }
  return [...names].sort();
}

/**
 * Defines `<Name>ChangeEvent`: one change to a record of `nodeRef`'s type. `aliases` maps GHL
 * field names to the GraphQL field that shows them, where the two differ.
 */
export function changeEventType<T>(
  name: string,
  nodeRef: ObjectRef<BuilderTypes, T>,
  noun: string,
  toNode: (raw: Record<string, unknown>) => unknown = (raw) => raw,
  aliases: Readonly<Record<string, string>> = {},
) {
  return builder.objectRef<Change>(`${name}ChangeEvent`).implement({
    description: `A change to a ${noun}.`,
    fields: (t) => ({
      kind: t.field({ type: ChangeKindEnum, description: 'Created, updated or deleted.', resolve: (c) => c.kind }),
      id: t.id({ description: `GHL's id of the ${noun}.`, resolve: (c) => c.id }),
      // The node is resolved from the event's own data, never from a cache older than the event.
      node: t.field({ type: nodeRef, description: `The ${noun} after the change (for DELETED, as last known).`, resolve: (c) => toNode(c.node) as never }),
      changedFields: t.stringList({
        description: `Names of the fields of \`node\` (this ${noun}'s GraphQL fields) whose value changed; for CREATED, those the ${noun} was created with.`,
        resolve: (c, _args, _ctx, info) => graphqlChangedFields(c.changedFields, nodeRef.name, info, aliases),
      }),
      occurredAt: t.field({ type: 'DateTime', description: 'When the gateway saw the change.', resolve: (c) => c.occurredAt }),
      source: t.field({ type: ChangeSourceEnum, description: 'Whether a webhook or a poll delivered it.', resolve: (c) => c.source }),
    }),
  });
}

/**
 * Subscribes the caller to the shared poller of (tenant, source, args). The poller starts with the
 * first subscriber; this subscription releases it the moment it ends for any reason (client
 * unsubscribes, socket closes, error). A Repeater, not an async generator: a generator waiting
 * for its next message cannot run its `finally` until a message comes, so a quiet topic would
 * keep its poller alive after everyone left.
 */
export function changesOf<A>(ctx: GraphQLContext, source: PollSource<A>, args: A, intervalSeconds: number | null | undefined): Repeater<Change> {
  return new Repeater<Change>(async (push, stop) => {
    const { poller, release } = ctx.pollers.acquire({ credential: ctx.credential, source, args, intervalMs: intervalSeconds ? intervalSeconds * 1000 : null });
    const messages = ctx.pollers.pubsub.subscribe(poller.topic)[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([messages.next(), stopped]);
        if (next.done) break;
        const message = next.value;
        if ('end' in message) {
          // Delivered as a last event whose resolution fails with the code, so every transport
          // shows the client why (graphql-ws then closes the socket with a matching close code).
          await push({ ended: message.end } as unknown as Change);
          stop();
          break;
        }
        ctx.refreshLoaders();
        await push(message.change);
      }
    } finally {
      release();
      await messages.return?.();
    }
  });
}

/** Description of the `intervalSeconds` argument every change subscription takes. */
export const INTERVAL_ARG_DESCRIPTION = 'How often to poll, in seconds, within the bounds the gateway allows. Webhooks arrive at once regardless.';

/** The `resolve` of every change subscription: the change itself, or the reason the stream ended. */
export function resolveChange(change: Change): Change {
  const ended = (change as unknown as { ended?: { code: string; message: string } }).ended;
  if (ended) throw new GraphQLError(ended.message, { extensions: { code: ended.code } });
  return change;
}

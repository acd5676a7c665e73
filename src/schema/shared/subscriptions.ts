import { GraphQLError, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { ArgBuilder, ObjectRef } from '@pothos/core';
import type { GraphQLContext } from '../../context.js';
import type { Change } from '../../subscriptions/diff.js';
import type { PollSource } from '../../subscriptions/poller.js';
import { eventIdAfter, isEventId, type TopicMessage } from '../../subscriptions/pubsub.js';
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
      eventId: t.string({
        nullable: true,
        description: "This event's place in the stream: pass the last one received as `after` when subscribing again (e.g. after a reconnect, to any replica) to get what followed, each event once. Null when the gateway runs without Redis.",
        resolve: (c) => (c as DeliveredChange).eventId ?? null,
      }),
    }),
  });
}

/** A change as a subscriber receives it: with its place in the topic's history when it has one. */
type DeliveredChange = Change & { eventId?: string };

/** The arguments every change subscription takes besides its own filters. */
export interface StreamArgs {
  intervalSeconds?: number | null;
  after?: string | null;
}

/**
 * Subscribes the caller to the shared poller of (tenant, source, args). The poller starts with the
 * first subscriber; this subscription releases it the moment it ends for any reason (client
 * unsubscribes, socket closes, error). A Repeater, not an async generator: a generator waiting
 * for its next message cannot run its `finally` until a message comes, so a quiet topic would
 * keep its poller alive after everyone left.
 *
 * With `after` (an `eventId` the client received), the changes published since are replayed from
 * the topic's shared history first. The live stream is listened to before the history is read, so
 * nothing falls between the two; what both deliver is passed once, by event id.
 */
export function changesOf<A>(ctx: GraphQLContext, source: PollSource<A>, args: A, stream: StreamArgs): Repeater<DeliveredChange> {
  const after = stream.after ?? null;
  if (after !== null && !isEventId(after)) {
    throw new GraphQLError('`after` must be an `eventId` received from this subscription.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new Repeater<DeliveredChange>(async (push, stop) => {
    const intervalMs = stream.intervalSeconds ? stream.intervalSeconds * 1000 : null;
    const { poller, release } = ctx.pollers.acquire({ credential: ctx.credential, source, args, intervalMs });
    const messages = ctx.pollers.pubsub.subscribe(poller.topic)[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    // Asking for the first message is what starts listening (the subscription is lazy).
    let next = messages.next();
    let last = after;
    /** Pushes one message; false once the stream ended. */
    const deliver = async (message: TopicMessage): Promise<boolean> => {
      if ('end' in message) {
        // Delivered as a last event whose resolution fails with the code, so every transport
        // shows the client why (graphql-ws then closes the socket with a matching close code).
        await push({ ended: message.end } as unknown as DeliveredChange);
        stop();
        return false;
      }
      if (message.eventId !== undefined) {
        if (last !== null && !eventIdAfter(message.eventId, last)) return true; // seen already
        last = message.eventId;
      }
      ctx.refreshLoaders();
      await push(message.eventId === undefined ? message.change : { ...message.change, eventId: message.eventId });
      return true;
    };
    try {
      for (const message of after === null ? [] : await ctx.pollers.replay(poller.topic, after)) {
        if (!(await deliver(message))) return;
      }
      for (;;) {
        const result = await Promise.race([next, stopped]);
        if (result.done) break;
        next = messages.next();
        if (!(await deliver(result.value))) break;
      }
    } finally {
      release();
      await messages.return?.();
    }
  });
}

/** The `intervalSeconds` and `after` arguments, for a change subscription's `args`. */
export function streamArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    intervalSeconds: arg.int({ description: INTERVAL_ARG_DESCRIPTION }),
    after: arg.string({
      description: 'Resume after this `eventId` (the last event received, e.g. before a reconnect): changes published since are delivered first, none twice. Changes older than the recent history kept per topic are not replayed.',
    }),
  };
}

/** Description of the `intervalSeconds` argument every change subscription takes. */
export const INTERVAL_ARG_DESCRIPTION = 'How often to poll, in seconds, within the bounds the gateway allows. Webhooks arrive at once regardless.';

/** The `resolve` of every change subscription: the change itself, or the reason the stream ended. */
export function resolveChange(change: Change): Change {
  const ended = (change as unknown as { ended?: { code: string; message: string } }).ended;
  if (ended) throw new GraphQLError(ended.message, { extensions: { code: ended.code } });
  return change;
}

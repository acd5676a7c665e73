import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import type { Change } from './diff.js';

/**
 * What travels on a change topic: a change, or the news that the stream cannot go on (the
 * credential lost access), after which the poller is gone. Plain JSON either way. A change
 * published through Redis carries `eventId`, its place in the topic's recent history, so a client
 * that reconnects (to any replica) can resume after the last one it saw.
 */
export type TopicMessage = { change: Change; eventId?: string } | { end: { code: string; message: string } };

/** Topics are `changes:<tenant>:<resource>:<args>`; one per shared poller. */
export type ChangePubSub = ReturnType<typeof createChangePubSub>;

/**
 * The recent changes of each topic, kept where every replica can read them (src/redis/event-history.ts).
 * `after` returns those published after `eventId`, oldest first, each with its `eventId`.
 */
export interface EventHistory {
  after(topic: string, eventId: string): Promise<TopicMessage[]>;
}

/** In-process pub/sub (Yoga's, an EventTarget underneath; a Redis event target can replace it). */
export function createChangePubSub() {
  // Every subscriber of a topic is a listener on it; a thousand on one topic is the point, not a leak.
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createPubSub<Record<string, [TopicMessage]>>({ eventTarget });
}

/**
 * Event ids are Redis stream ids (`<ms>-<n>`): they only grow, on every replica, even after a
 * topic's history expired and started again.
 */
const EVENT_ID = /^(\d{1,16})-(\d{1,16})$/;

export function isEventId(value: string): boolean {
  return EVENT_ID.test(value);
}

/** Whether event `a` was published after event `b`. */
export function eventIdAfter(a: string, b: string): boolean {
  const [, am = '0', as = '0'] = EVENT_ID.exec(a) ?? [];
  const [, bm = '0', bs = '0'] = EVENT_ID.exec(b) ?? [];
  const ms = BigInt(am) - BigInt(bm);
  return ms !== 0n ? ms > 0n : BigInt(as) > BigInt(bs);
}

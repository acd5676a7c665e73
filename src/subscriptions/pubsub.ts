import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import type { Change } from './diff.js';

/**
 * What travels on a change topic: a change, or the news that the stream cannot go on (the
 * credential lost access), after which the poller is gone. Plain JSON either way.
 */
export type TopicMessage = { change: Change } | { end: { code: string; message: string } };

/** Topics are `changes:<tenant>:<resource>:<args>`; one per shared poller. */
export type ChangePubSub = ReturnType<typeof createChangePubSub>;

/** In-process pub/sub (Yoga's, an EventTarget underneath; a Redis event target can replace it). */
export function createChangePubSub() {
  // Every subscriber of a topic is a listener on it; a thousand on one topic is the point, not a leak.
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createPubSub<Record<string, [TopicMessage]>>({ eventTarget });
}

import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { ChangePubSub, TopicMessage } from '../subscriptions/pubsub.js';
import type { RedisLink } from './connection.js';

/**
 * Change topics across replicas, through `@graphql-yoga/redis-event-target`: an event published
 * on any replica (a webhook, a poll) reaches the subscribers of every replica. Channels are the
 * topic under the link's prefix: `<prefix>changes:<tenant>:<resource>:<args>`.
 *
 * While Redis is away, events are dispatched in-process instead (subscribers of this replica
 * still get what this replica sees), and Redis delivery resumes by itself with the connection:
 * subscribers listen on both, and each event goes through exactly one of them.
 */
export function createRedisChangePubSub(link: RedisLink): ChangePubSub {
  const local = new EventTarget();
  // Every subscriber of a topic is a listener on it; a thousand on one topic is the point, not a leak.
  setMaxListeners(0, local);
  const channelOf = (topic: string) => redisChannel(link, topic);
  // The library publishes without waiting; a failed publish falls back to this replica alone.
  const publisher = {
    publish(channel: string, message: string) {
      return link.command.publish(channel, message).catch(() => {
        const topic = channel.slice(link.prefix.length);
        local.dispatchEvent(new CustomEvent(topic, { detail: message === '' ? null : JSON.parse(message) }));
        return 0;
      });
    },
  } as unknown as Redis;
  const remote = createRedisEventTarget<CustomEvent<TopicMessage>>({ publishClient: publisher, subscribeClient: link.subscriber });
  type Listener = Parameters<EventTarget['addEventListener']>[1];
  const eventTarget = {
    addEventListener(topic: string, listener: Listener) {
      local.addEventListener(topic, listener);
      remote.addEventListener(channelOf(topic), listener as never);
    },
    removeEventListener(topic: string, listener: Listener) {
      local.removeEventListener(topic, listener);
      remote.removeEventListener(channelOf(topic), listener as never);
    },
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent<TopicMessage>).detail;
      if (link.up) return remote.dispatchEvent(new CustomEvent(channelOf(event.type), { detail }));
      return local.dispatchEvent(new CustomEvent(event.type, { detail }));
    },
  };
  return createPubSub<Record<string, [TopicMessage]>>({ eventTarget: eventTarget as never });
}

/** The Redis channel of a change topic (pollers publish there directly, inside their lease commits). */
export function redisChannel(link: Pick<RedisLink, 'prefix'>, topic: string): string {
  return link.prefix + topic;
}

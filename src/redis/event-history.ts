import type { EventHistory, TopicMessage } from '../subscriptions/pubsub.js';
import type { RedisLink } from './connection.js';

/**
 * The recent changes of each topic, as a Redis stream (`history:<topic>`): the lease holder's
 * commit (poll-lease.ts) appends every change it publishes there, in the same atomic step, and
 * the stream id it gets is the change's `eventId`. A subscription that resumes `after` an id
 * replays what followed from here, on whichever replica it reconnected to.
 *
 * Bounded twice: the newest {@link HISTORY_MAX_EVENTS} per topic (trimmed approximately, so a few
 * more may stay), and the stream expires with the topic's poll state when nothing is published.
 */
export const HISTORY_MAX_EVENTS = 200;

export function historyKey(link: Pick<RedisLink, 'prefix'>, topic: string): string {
  return `${link.prefix}history:${topic}`;
}

export function redisEventHistory(link: RedisLink): EventHistory {
  return {
    async after(topic, eventId) {
      if (!link.up) return [];
      // Commands run in order on a connection: once this PING answers, the SUBSCRIBE the caller
      // queued before it is in effect, so any change missing from the read below arrives live.
      await link.subscriber.ping();
      const entries = await link.command.xrange(historyKey(link, topic), `(${eventId}`, '+');
      return entries.flatMap(([id, fields]): TopicMessage[] => {
        const raw = fields[fields.indexOf('m') + 1];
        if (fields.indexOf('m') < 0 || raw === undefined) return [];
        const message = JSON.parse(raw) as TopicMessage;
        return 'change' in message ? [{ change: message.change, eventId: id }] : [];
      });
    },
  };
}

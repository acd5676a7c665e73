import type { PollerRegistry } from '../subscriptions/poller.js';
import type { RedisLink } from './connection.js';

type Ingest = PollerRegistry['ingest'];

/**
 * Webhook changes reach the pollers of every replica: a webhook lands on one replica, but the
 * poller that owns the topic (and its snapshot) may run on another. The receiving replica applies
 * the change to its own pollers and broadcasts it on `<prefix>ingest`; the others apply it as it
 * arrives. A poller publishes only what its snapshot does not already hold, so the replica that
 * sees it twice (poll and webhook) publishes it once.
 */
export function shareIngest(link: RedisLink, pollers: Pick<PollerRegistry, 'ingest'>): { ingest: Ingest } {
  const channel = `${link.prefix}ingest`;
  link.subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    try {
      const m = JSON.parse(raw) as { from: string; args: Parameters<Ingest> };
      if (m.from !== link.replicaId) pollers.ingest(...m.args);
    } catch {
      // A malformed message is ignored; polling reconciles.
    }
  });
  void link.subscriber.subscribe(channel).catch(() => undefined);
  return {
    ingest(...args) {
      if (link.up) link.command.publish(channel, JSON.stringify({ from: link.replicaId, args })).catch(() => undefined);
      return pollers.ingest(...args);
    },
  };
}

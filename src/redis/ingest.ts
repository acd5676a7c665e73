import type { IngestArgs, PollerRegistry } from '../subscriptions/poller.js';
import type { RedisLink } from './connection.js';

/**
 * Pushed changes (webhooks, and the answers of writes made through the gateway) reach the pollers
 * of every replica: a webhook or a write lands on one replica, but the poller that holds the
 * topic's lease (its snapshot, and the right to publish) may run on another. The registry applies
 * each change to its own pollers and relays it on `<prefix>ingest`; the other replicas apply it
 * as it arrives. Only the lease holder publishes, and only what its snapshot does not hold yet, so
 * the change reaches every subscriber once, and the holder's next poll finds nothing new in it.
 */
export function shareIngest(link: RedisLink, pollers: Pick<PollerRegistry, 'ingestHere' | 'relayIngest'>): void {
  const channel = `${link.prefix}ingest`;
  link.subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    try {
      const m = JSON.parse(raw) as { from: string; args: IngestArgs };
      if (m.from !== link.replicaId) pollers.ingestHere(...m.args);
    } catch {
      // A malformed message is ignored; polling reconciles.
    }
  });
  void link.subscriber.subscribe(channel).catch((err: Error) => link.logger.warn({ err, channel }, 'redis: could not subscribe to the ingest channel'));
  pollers.relayIngest((args) => {
    if (link.up) link.command.publish(channel, JSON.stringify({ from: link.replicaId, args })).catch(() => undefined);
  });
}

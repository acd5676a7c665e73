import type { Clock } from '../lib/clock.js';
import { ReplayGuard } from '../webhooks/replay-guard.js';
import type { RedisLink } from './connection.js';

/**
 * GHL's replay guard shared by the replicas: a `webhookId` admitted by any replica is refused by
 * every other one. The timestamp window and a local memory come from {@link ReplayGuard}; the
 * shared memory is one Redis key per id (`webhook:<id>`), set only if absent, expiring after twice
 * the window, like the local one. Redis away: the local guard alone decides.
 */
export class SharedReplayGuard {
  private readonly local: ReplayGuard;

  constructor(private readonly link: RedisLink, private readonly opts: { clock: Clock; windowMs: number }) {
    this.local = new ReplayGuard(opts);
  }

  async admit(webhookId: unknown, timestamp: unknown): Promise<string | null> {
    const refusal = this.local.admit(webhookId, timestamp);
    if (refusal || !this.link.up) return refusal;
    try {
      const fresh = await this.link.command.set(`${this.link.prefix}webhook:${String(webhookId)}`, '1', 'PX', 2 * this.opts.windowMs, 'NX');
      return fresh === 'OK' ? null : 'replayed webhookId';
    } catch {
      return null;
    }
  }
}

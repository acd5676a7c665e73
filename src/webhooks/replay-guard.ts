import type { Clock } from '../lib/clock.js';

/**
 * GHL's replay advice (docs/oauth/WebhookAuthentication.md): refuse a `timestamp` outside a
 * window, and refuse a `webhookId` seen before. Ids are remembered for twice the window, which
 * covers every delivery whose timestamp could still pass the window check.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly opts: { clock: Clock; windowMs: number; maxIds?: number }) {}

  /** Returns null when the delivery is fresh (and remembers it), or why it is refused. */
  admit(webhookId: unknown, timestamp: unknown): string | null {
    if (typeof webhookId !== 'string' || webhookId === '') return 'missing webhookId';
    if (typeof timestamp !== 'string') return 'missing timestamp';
    const at = Date.parse(timestamp);
    if (Number.isNaN(at)) return 'unreadable timestamp';
    const now = this.opts.clock.now();
    if (Math.abs(now - at) > this.opts.windowMs) return 'stale timestamp';
    this.evict(now);
    if (this.seen.has(webhookId)) return 'replayed webhookId';
    this.seen.set(webhookId, now);
    return null;
  }

  private evict(now: number): void {
    const horizon = now - 2 * this.opts.windowMs;
    for (const [id, at] of this.seen) {
      // Map iteration is in insertion order, i.e. oldest first.
      if (at >= horizon && this.seen.size <= (this.opts.maxIds ?? 100_000)) break;
      this.seen.delete(id);
    }
  }
}

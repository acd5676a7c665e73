import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../lib/clock.js';

export type StateVerdict = 'ok' | 'missing' | 'malformed' | 'forged' | 'expired' | 'unknown';

/**
 * The OAuth `state` parameter: proof that a callback answers an install this gateway started,
 * so nobody can make it store an installation of their choosing (login CSRF).
 *
 * A state is `<nonce>.<expiresAt>.<mac>`: signed (HMAC over nonce and expiry), expiring, and
 * single-use (the nonce is held until used or expired). Pending nonces are bounded, oldest
 * dropped first; they live in memory, so an install started before a restart must start again.
 *
 * With several replicas (`usedNonces`, in Redis) a callback may land on any of them: the
 * signature proves this app issued the state, and the shared record of used nonces makes it
 * single-use everywhere. When that record cannot be reached, the local rule above decides.
 */
export interface UsedNonces {
  /** Records `nonce` as used for `ttlMs`: true if it was not yet, false if it was, null when unreachable. */
  markUsed(nonce: string, ttlMs: number): Promise<boolean | null>;
}

export class OAuthStates {
  private readonly pending = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxPending: number;

  constructor(private readonly opts: { secret: string; clock: Clock; ttlMs?: number; maxPending?: number; usedNonces?: UsedNonces }) {
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.maxPending = opts.maxPending ?? 1_000;
  }

  issue(): string {
    const nonce = randomBytes(16).toString('base64url');
    const expiresAt = this.opts.clock.now() + this.ttlMs;
    this.pending.set(nonce, expiresAt);
    while (this.pending.size > this.maxPending) this.pending.delete(this.pending.keys().next().value!);
    return `${nonce}.${expiresAt}.${this.mac(nonce, expiresAt)}`;
  }

  /** Checks a state from a callback and uses it up. Only `ok` may proceed. */
  async consume(state: string | null): Promise<StateVerdict> {
    if (!state) return 'missing';
    const parts = state.split('.');
    if (parts.length !== 3) return 'malformed';
    const [nonce, expiresText, mac] = parts as [string, string, string];
    const expiresAt = Number(expiresText);
    if (!Number.isSafeInteger(expiresAt)) return 'malformed';
    const expected = Buffer.from(this.mac(nonce, expiresAt));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
    const held = this.pending.get(nonce);
    this.pending.delete(nonce);
    const left = expiresAt - this.opts.clock.now();
    if (left <= 0) return 'expired';
    const fresh = (await this.opts.usedNonces?.markUsed(nonce, left)) ?? null;
    if (fresh !== null) return fresh ? 'ok' : 'unknown';
    // Signed but not pending: used before, or issued by an earlier process.
    return held === expiresAt ? 'ok' : 'unknown';
  }

  private mac(nonce: string, expiresAt: number): string {
    return createHmac('sha256', this.opts.secret).update(`oauth-state:${nonce}.${expiresAt}`).digest('base64url');
  }
}

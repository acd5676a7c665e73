import type { Clock } from '../lib/clock.js';
import type { GhlCredential } from './credentials.js';
import { GhlReauthRequiredError } from './errors.js';
import { GrantRefusedError, type OAuthApp } from './oauth.js';
import type { Installation, TokenStore } from './token-store.js';

export interface OAuthCredentialDeps {
  app: OAuthApp;
  store: TokenStore;
  clock: Clock;
  /**
   * Refresh in the background once a token has less than this left, while still using it.
   * @default 300_000
   */
  refreshAheadMs?: number;
  /**
   * Refresh before use (the caller waits) once less than this is left, so a token never expires
   * in flight. @default 30_000
   */
  refreshBeforeUseMs?: number;
  /** For location tokens minted from an agency install: the agency's credential, to mint anew. */
  companyCredential?: (companyId: string) => GhlCredential | undefined;
  /** Told when the installation is marked disconnected (so the registry can react). */
  onDisconnected?: (installation: Installation) => void;
  /** Serializes refreshes of one installation across processes (src/redis/token-store.ts). */
  refreshLock?: { runExclusive<T>(id: string, fn: () => Promise<T>): Promise<T> };
  /** Told after every refresh attempt (metrics, logs): `refused` disconnects, `failed` will be tried again. */
  onRefresh?: (outcome: 'ok' | 'refused' | 'failed', error?: unknown) => void;
}

/**
 * The token lifecycle of one OAuth installation.
 * - Refresh is single-flight: any number of concurrent callers share one `POST /oauth/token`.
 * - The rotated refresh token is stored before the new access token is handed to anyone, because
 *   GHL kills the old refresh token on use: losing the new one would mean re-installing.
 * - A refused refresh marks the installation disconnected; from then on every call fails with
 *   REAUTH_REQUIRED carrying the install URL, without calling GHL.
 */
export class OAuthCredential implements GhlCredential {
  readonly tenantKey: string;
  readonly locationId: string;
  private scopes: ReadonlySet<string>;
  private refreshing: Promise<void> | null = null;

  constructor(private installation: Installation, private readonly deps: OAuthCredentialDeps) {
    this.locationId = installation.locationId ?? installation.id;
    // Held by the gateway, so keyed by the resource it acts for (see credentials.ts).
    this.tenantKey = installation.userType === 'Location' ? `loc:${this.locationId}` : `co:${installation.id}`;
    this.scopes = new Set(installation.scopes);
  }

  get grantedScopes(): ReadonlySet<string> {
    return this.scopes;
  }

  get current(): Readonly<Installation> {
    return this.installation;
  }

  get connected(): boolean {
    return this.installation.status === 'connected';
  }

  async accessToken(): Promise<string> {
    this.assertConnected();
    const { expiresAt, updatedAt } = this.installation;
    const left = expiresAt - this.deps.clock.now();
    // Short-lived tokens (tests, some GHL setups) would otherwise always look "about to expire".
    const lifetime = Math.max(0, expiresAt - updatedAt);
    if (left <= Math.min(this.deps.refreshBeforeUseMs ?? 30_000, lifetime / 4)) {
      await this.refreshOnce();
    } else if (left <= Math.min(this.deps.refreshAheadMs ?? 300_000, lifetime / 2)) {
      // Still valid: use it, and have a fresh one ready before it runs out. A failure was
      // reported through onRefresh; the next use tries again.
      this.refreshOnce().catch(() => undefined);
    }
    this.assertConnected();
    return this.installation.accessToken;
  }

  async handleUnauthorized(rejectedToken: string): Promise<boolean> {
    if (!this.connected) return false;
    // Someone already replaced the token GHL rejected: just try again with the new one.
    if (this.installation.accessToken !== rejectedToken) return true;
    await this.refreshOnce();
    return this.connected;
  }

  /** Resolves once no refresh is in flight (for shutdown and tests; never rejects). */
  async whenIdle(): Promise<void> {
    await this.refreshing?.catch(() => undefined);
  }

  /** Takes over what another process stored for this installation (its refresh, a disconnection). */
  adopt(stored: Installation): void {
    if (stored.id !== this.installation.id) return;
    this.installation = stored;
    this.scopes = new Set(stored.scopes);
    if (stored.status !== 'connected') this.deps.onDisconnected?.(stored);
  }

  /** Marks the installation disconnected (e.g. an UNINSTALL event) and stores that. */
  async disconnect(reason: string): Promise<void> {
    this.installation = { ...this.installation, status: 'disconnected', disconnectedReason: reason, updatedAt: this.deps.clock.now() };
    await this.deps.store.put(this.installation);
    this.deps.onDisconnected?.(this.installation);
  }

  private refreshOnce(): Promise<void> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<void> {
    const lock = this.deps.refreshLock;
    if (!lock) return this.refreshNow();
    // The token this refresh is meant to replace: if it changed by the time the lock is ours,
    // another process refreshed meanwhile, and its token is the one to use.
    const replacing = this.installation.accessToken;
    await lock.runExclusive(this.installation.id, async () => {
      const stored = await this.deps.store.get(this.installation.id);
      if (stored && stored.accessToken !== replacing) return this.adopt(stored);
      await this.refreshNow();
    });
  }

  private async refreshNow(): Promise<void> {
    const now = this.deps.clock.now();
    try {
      const next = await this.renew(now);
      await this.deps.store.put(next);
      this.installation = next;
      this.scopes = new Set(next.scopes);
      this.deps.onRefresh?.('ok');
    } catch (err) {
      if (err instanceof GrantRefusedError) {
        this.deps.onRefresh?.('refused', err);
        await this.disconnect(err.reason);
        return;
      }
      this.deps.onRefresh?.('failed', err);
      throw err;
    }
  }

  private async renew(now: number): Promise<Installation> {
    const inst = this.installation;
    if (inst.source === 'location-token' && inst.companyId) {
      const company = this.deps.companyCredential?.(inst.companyId);
      if (!company) throw new GrantRefusedError('agency installation missing');
      return this.deps.app.mintLocationToken(company, inst.companyId, this.locationId, now);
    }
    return this.deps.app.refresh(inst, now);
  }

  private assertConnected(): void {
    if (this.installation.status === 'connected') return;
    throw new GhlReauthRequiredError(
      `The GHL installation for ${this.installation.userType === 'Location' ? 'location' : 'company'} ${this.installation.id} is disconnected (${this.installation.disconnectedReason ?? 'unknown reason'}); reinstall the app to reconnect.`,
      'oauth',
      this.deps.app.installUrl(),
    );
  }
}

import type { GhlCredential } from '../ghl/credentials.js';
import type { InstallationRegistry } from '../ghl/installations.js';
import { OAuthCredential, type OAuthCredentialDeps } from '../ghl/oauth-credential.js';
import type { OAuthApp } from '../ghl/oauth.js';
import type { Installation, TokenStore } from '../ghl/token-store.js';
import type { Clock } from '../lib/clock.js';

/**
 * Keeps OAuth installations: reads them back from the token store at start, adds new ones from
 * the OAuth callback, and follows GHL's INSTALL / UNINSTALL events. Each connected or
 * disconnected installation is registered, so a query for a disconnected one fails with
 * REAUTH_REQUIRED instead of falling through to another credential.
 */
export class InstallationManager {
  private readonly credentials = new Map<string, OAuthCredential>();

  constructor(
    private readonly deps: {
      app: OAuthApp;
      store: TokenStore;
      registry: InstallationRegistry;
      clock: Clock;
      refreshAheadMs?: number;
      refreshBeforeUseMs?: number;
      /** Told when an installation is disconnected, with its tenant key: drop its cache, stop its pollers. */
      onDisconnected?: (tenantKey: string) => void;
      log?: (message: string, fields?: Record<string, unknown>) => void;
      refreshLock?: OAuthCredentialDeps['refreshLock'];
      /** New installations are refused past this many held (GATEWAY_MAX_INSTALLATIONS). */
      maxInstallations?: number;
      onRefresh?: OAuthCredentialDeps['onRefresh'];
    },
  ) {}

  /**
   * INSTALL and UNINSTALL events name the app they are for. Another app's event (GHL signs every
   * app's deliveries with the same key) must not touch our installations.
   */
  private isForeign(event: { type?: unknown; appId?: unknown }): boolean {
    if (event.appId === this.deps.app.appId) return false;
    this.deps.log?.('webhook for another app ignored', { type: event.type, appId: typeof event.appId === 'string' ? event.appId : null });
    return true;
  }

  /** Loads every stored installation (a restart keeps them). */
  async load(): Promise<number> {
    const all = await this.deps.store.list();
    for (const inst of all) this.register(inst);
    return all.length;
  }

  /** Completes an install: exchange the code, store the tokens, register the credential. */
  async completeInstall(code: string): Promise<Installation> {
    const inst = await this.deps.app.exchangeCode(code, this.deps.clock.now());
    this.admit(inst.id);
    await this.deps.store.put(inst);
    this.register(inst);
    return inst;
  }

  /**
   * An INSTALL event. A location install needs no action when the callback already stored it.
   * A location installed through an agency-level (company) install gets a token minted from the
   * agency's token.
   */
  async onInstallEvent(event: { companyId?: string; locationId?: string; appId?: unknown }): Promise<'stored' | 'known' | 'ignored' | 'foreign-app'> {
    if (this.isForeign({ type: 'INSTALL', appId: event.appId })) return 'foreign-app';
    const { companyId, locationId } = event;
    if (!locationId) return 'ignored';
    const existing = this.credentials.get(locationId);
    if (existing?.connected) return 'known';
    const company = companyId ? this.credentials.get(companyId) : undefined;
    if (!company?.connected || !companyId) return 'ignored';
    if (this.atCapacity(locationId)) {
      this.deps.log?.('installation refused: the gateway holds its maximum', { locationId, max: this.deps.maxInstallations });
      return 'ignored';
    }
    const inst = await this.deps.app.mintLocationToken(company, companyId, locationId, this.deps.clock.now());
    await this.deps.store.put(inst);
    this.register(inst);
    return 'stored';
  }

  /** An UNINSTALL event: the grant is gone; keep a disconnected record so callers learn why. */
  async onUninstallEvent(event: { companyId?: string; locationId?: string; appId?: unknown }): Promise<boolean | 'foreign-app'> {
    if (this.isForeign({ type: 'UNINSTALL', appId: event.appId })) return 'foreign-app';
    const id = event.locationId ?? event.companyId;
    const credential = id ? this.credentials.get(id) : undefined;
    if (!credential) return false;
    await credential.disconnect('uninstalled');
    return true;
  }

  /** Picks up an installation another replica stored (src/redis/token-store.ts tells which). */
  async reload(id: string): Promise<void> {
    const inst = await this.deps.store.get(id);
    if (!inst) return;
    const known = this.credentials.get(id);
    if (known) known.adopt(inst);
    else this.register(inst);
  }

  get(id: string): OAuthCredential | undefined {
    return this.credentials.get(id);
  }

  /** Installations held in memory (all of them: each is a live tenant, so none is evicted). */
  get size(): number {
    return this.credentials.size;
  }

  /**
   * The bound on installations held (GATEWAY_MAX_INSTALLATIONS). A held installation is a tenant
   * being served, so the rule at the bound is to refuse new ones, never to drop one that works;
   * installations already stored are always loaded, and re-installs of known ones always pass.
   */
  private atCapacity(id: string): boolean {
    const max = this.deps.maxInstallations;
    return max !== undefined && !this.credentials.has(id) && this.credentials.size >= max;
  }

  private admit(id: string): void {
    if (!this.atCapacity(id)) return;
    this.deps.log?.('installation refused: the gateway holds its maximum', { installationId: id, max: this.deps.maxInstallations });
    throw new InstallationLimitError(this.deps.maxInstallations!);
  }

  private register(inst: Installation): void {
    const deps: OAuthCredentialDeps = {
      app: this.deps.app,
      store: this.deps.store,
      clock: this.deps.clock,
      ...(this.deps.refreshAheadMs !== undefined ? { refreshAheadMs: this.deps.refreshAheadMs } : {}),
      ...(this.deps.refreshBeforeUseMs !== undefined ? { refreshBeforeUseMs: this.deps.refreshBeforeUseMs } : {}),
      ...(this.deps.refreshLock ? { refreshLock: this.deps.refreshLock } : {}),
      companyCredential: (companyId): GhlCredential | undefined => this.credentials.get(companyId),
      onDisconnected: () => this.deps.onDisconnected?.(credential.tenantKey),
      ...(this.deps.onRefresh ? { onRefresh: this.deps.onRefresh } : {}),
    };
    const credential: OAuthCredential = new OAuthCredential(inst, deps);
    this.credentials.set(inst.id, credential);
    if (inst.userType === 'Location') this.deps.registry.add(credential);
  }
}

/** A new install past GATEWAY_MAX_INSTALLATIONS: nothing was stored. */
export class InstallationLimitError extends Error {
  override name = 'InstallationLimitError';
  constructor(readonly max: number) {
    super(`The gateway already holds its maximum of ${max} installations.`);
  }
}

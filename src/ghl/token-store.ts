/**
 * Where the gateway keeps its GHL marketplace installations (one per location or agency that
 * installed the app). GHL rotates the refresh token on every refresh, so the store is the only
 * copy of a live grant: a token lost between a refresh and a restart means a person has to
 * re-install the app. Hence `put` must be durable by the time it resolves.
 *
 * Two implementations: {@link MemoryTokenStore} here (tests, demo mode) and `SqliteTokenStore`
 * in token-store-sqlite.ts (a local file, tokens encrypted at rest).
 */

export interface Installation {
  /** locationId for a location installation, companyId for an agency (company) installation. */
  id: string;
  userType: 'Location' | 'Company';
  locationId: string | null;
  companyId: string | null;
  accessToken: string;
  refreshToken: string | null;     // location tokens minted from an agency token have none
  /** Absolute expiry, ms since epoch. */
  expiresAt: number;
  scopes: string[];
  status: 'connected' | 'disconnected';
  /** Why it was disconnected (e.g. 'invalid_grant', 'uninstalled'); never contains a token. */
  disconnectedReason: string | null;
  /** How the tokens were obtained. */
  source: 'oauth' | 'location-token';
  updatedAt: number;
}

export interface TokenStore {
  get(id: string): Promise<Installation | undefined>;
  /** Inserts or replaces by `id`; the write is durable when the promise resolves. */
  put(installation: Installation): Promise<void>;
  /** Removes the installation; deleting an unknown id is not an error. */
  delete(id: string): Promise<void>;
  /** Every stored installation, connected or not, ordered by id. */
  list(): Promise<Installation[]>;
  close(): Promise<void>;
}

/** An installation was rejected by a store, or a stored one could not be read back. */
export class TokenStoreError extends Error {
  override name = 'TokenStoreError';
}

const USER_TYPES: ReadonlySet<string> = new Set<Installation['userType']>(['Location', 'Company']);
const STATUSES: ReadonlySet<string> = new Set<Installation['status']>(['connected', 'disconnected']);
const SOURCES: ReadonlySet<string> = new Set<Installation['source']>(['oauth', 'location-token']);

/**
 * Checks an installation before it is stored and returns the copy to store. Types already say
 * most of this; the check is for values that slipped past them (JSON, casts) so that a bad
 * record fails at `put`, where the caller can see it, rather than at the next start.
 *
 * `disconnectedReason` is promised never to hold a token, but it is built from GHL error
 * messages; any occurrence of the installation's own tokens is replaced with `[redacted]`
 * rather than rejected, so that recording a disconnection cannot itself fail.
 */
export function normalizeInstallation(inst: Installation): Installation {
  const fail = (what: string): never => {
    // Name the field only: the value might be a token.
    throw new TokenStoreError(`Invalid installation: ${what}.`);
  };
  if (typeof inst !== 'object' || inst === null) fail('not an object');
  if (typeof inst.id !== 'string' || inst.id === '') fail('id must be a non-empty string');
  if (!USER_TYPES.has(inst.userType)) fail('userType must be Location or Company');
  if (inst.locationId !== null && typeof inst.locationId !== 'string') fail('locationId must be a string or null');
  if (inst.companyId !== null && typeof inst.companyId !== 'string') fail('companyId must be a string or null');
  if (typeof inst.accessToken !== 'string' || inst.accessToken === '') fail('accessToken must be a non-empty string');
  if (inst.refreshToken !== null && (typeof inst.refreshToken !== 'string' || inst.refreshToken === '')) {
    fail('refreshToken must be a non-empty string or null');
  }
  if (!Number.isFinite(inst.expiresAt)) fail('expiresAt must be a finite number');
  if (!Array.isArray(inst.scopes) || !inst.scopes.every((s) => typeof s === 'string')) fail('scopes must be an array of strings');
  if (!STATUSES.has(inst.status)) fail('status must be connected or disconnected');
  if (inst.disconnectedReason !== null && typeof inst.disconnectedReason !== 'string') fail('disconnectedReason must be a string or null');
  if (!SOURCES.has(inst.source)) fail('source must be oauth or location-token');
  if (!Number.isFinite(inst.updatedAt)) fail('updatedAt must be a finite number');

  let reason = inst.disconnectedReason;
  if (reason !== null) {
    for (const token of [inst.accessToken, inst.refreshToken]) {
      if (token) reason = reason.split(token).join('[redacted]');
    }
  }
  return {
    id: inst.id,
    userType: inst.userType,
    locationId: inst.locationId,
    companyId: inst.companyId,
    accessToken: inst.accessToken,
    refreshToken: inst.refreshToken,
    expiresAt: inst.expiresAt,
    scopes: [...inst.scopes],
    status: inst.status,
    disconnectedReason: reason,
    source: inst.source,
    updatedAt: inst.updatedAt,
  };
}

function copyOf(inst: Installation): Installation {
  return { ...inst, scopes: [...inst.scopes] };
}

/**
 * A store that forgets everything on restart: for tests and demo mode. It keeps its own copies
 * and hands out fresh ones, so a caller mutating an installation it got (or put) cannot change
 * what is stored behind the store's back, the same as with the sqlite store.
 */
export class MemoryTokenStore implements TokenStore {
  private readonly byId = new Map<string, Installation>();
  private closed = false;

  async get(id: string): Promise<Installation | undefined> {
    this.assertOpen();
    const inst = this.byId.get(id);
    return inst ? copyOf(inst) : undefined;
  }

  async put(installation: Installation): Promise<void> {
    this.assertOpen();
    const inst = normalizeInstallation(installation);
    this.byId.set(inst.id, inst);
  }

  async delete(id: string): Promise<void> {
    this.assertOpen();
    this.byId.delete(id);
  }

  async list(): Promise<Installation[]> {
    this.assertOpen();
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(copyOf);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new TokenStoreError('The token store is closed.');
  }
}

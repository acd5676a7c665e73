import { HttpError, badRequest, forbiddenCompany, forbiddenLocation, invalidGrant, unprocessable } from './errors.js';
import type { Random } from './random.js';
import type { RequestContext, RouteTable } from './routes/types.js';
import { agencyScopes, grantableScopes, locationScopes } from './scopes.js';
import type { GrantRecord, InstallRecord, LocationRecord, OAuthAppRecord, SimulatorStore, TokenRecord, UserType } from './store.js';
import { DEFAULT_TOKEN_LIFETIMES } from './store.js';
import { intInRange } from './params.js';

/**
 * GHL's OAuth 2.0 as a Marketplace app sees it (docs/oauth/Authorization.md, apps/oauth.json):
 * - consent: `authorize()` / `createAuthorizationCode()` (programmatic) or the choose-location page
 *   (`chooseLocation`, served by the server outside the API paths) install the app and hand out a
 *   one-time code;
 * - `POST /oauth/token`: `authorization_code` and `refresh_token` for Location and Company grants;
 *   refresh tokens rotate; `client_credentials` is refused;
 * - `POST /oauth/locationToken`: a Location token from an agency (Company) token;
 * - `GET /oauth/installedLocations`: the agency's locations with the app's install state;
 * - revocation, uninstall and forced expiry for tests (`createOAuthControl`).
 * Every choice GHL does not document is in ASSUMPTIONS.md, section H.
 */

/** GHL's lifetimes, the defaults of `SimulatorOptions.oauth` (the store holds the effective ones). */
export const ACCESS_TOKEN_TTL_S = DEFAULT_TOKEN_LIFETIMES.accessTokenTtlMs / 1000;
export const REFRESH_TOKEN_TTL_MS = DEFAULT_TOKEN_LIFETIMES.refreshTokenTtlMs;
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;

export interface AuthorizationCodeOptions {
  /** Defaults to 'Location'. */
  userType?: UserType;
  /** The location of a Location grant; defaults to the first seeded location. */
  locationId?: string;
  /** The agency of a Company grant; defaults to the location's company, else the first seeded one. */
  companyId?: string;
  /** Defaults to the only (seeded) Marketplace app. */
  clientId?: string;
  /** Defaults to every scope a grant of the user type can hold (Company: Sub-Account scopes plus `oauth.*`). */
  scopes?: readonly string[];
  /** When set, the token request must send the same `redirect_uri`. */
  redirectUri?: string;
}

/** What `sim.oauth.authorize()` takes. */
export interface AuthorizeOptions {
  locationId?: string;
  companyId?: string;
  userType: UserType;
  scopes?: string[];
  redirectUri?: string;
}

/** Whose credentials: a location's (its Location tokens only), or a whole agency's (Company and Location tokens). */
export interface InstallTarget {
  locationId?: string;
  companyId?: string;
}

export interface RevocationResult {
  /** Access tokens removed (they answer 401 "Invalid token" from now on). */
  accessTokens: number;
  /** Refresh tokens removed (they answer 400 invalid_grant from now on). */
  refreshTokens: number;
  /** Unused authorization codes removed. */
  authorizationCodes: number;
}

/** Passed to `onUninstall` listeners; the later UNINSTALL webhook is built from it. */
export interface UninstallEvent {
  appId: string;
  clientId: string;
  companyId: string;
  /** Absent for an agency-level uninstall. */
  locationId?: string;
  /** ISO time of the uninstall, by the simulator clock. */
  at: string;
}

export interface SimulatorOAuth {
  /** Consent without a browser: installs the app (location, or agency with all its locations) and returns a one-time code. */
  authorize(opts: AuthorizeOptions): string;
  /** Kills every access token, refresh token and pending code of the target; the install stays. */
  revoke(target: InstallTarget): RevocationResult;
  /** `revoke` plus removing the install, then calls the `onUninstall` listeners. */
  uninstall(target: InstallTarget): RevocationResult;
  /** Makes the target's live OAuth access tokens (all of them without a target) expired as of now; returns how many. */
  expireAccessTokens(target?: InstallTarget): number;
  /** Adds a listener for uninstalls; returns its remover. */
  onUninstall(listener: (event: UninstallEvent) => void): () => void;
}

/** A grant without its code/refresh-token value, expiry or redirect URI. */
export type GrantFields = Omit<GrantRecord, 'value' | 'expiresAt' | 'redirectUri'>;

/** What an install hands the app: a one-time code for `grant_type=authorization_code`. Consent installs the app. */
export function createAuthorizationCode(store: SimulatorStore, opts: AuthorizationCodeOptions): string {
  const userType = opts.userType ?? 'Location';
  const app = appOf(store, opts.clientId);
  let grant: GrantFields;
  if (userType === 'Location') {
    const location = opts.locationId ? store.locations.get(opts.locationId) : store.locations.values().next().value;
    if (!location) throw new Error(`Unknown location ${opts.locationId ?? '(none seeded)'}`);
    if (opts.companyId && opts.companyId !== location.companyId) throw new Error(`Location ${location.id} is not part of company ${opts.companyId}`);
    grant = { clientId: app.clientId, userType, locationId: location.id, companyId: location.companyId, userId: location.userIds[0] as string, scopes: [] };
    installLocation(store, app, location);
  } else {
    const companyId = opts.companyId ?? (opts.locationId ? store.locations.get(opts.locationId)?.companyId : store.companies.keys().next().value);
    const company = companyId ? store.companies.get(companyId) : undefined;
    if (!company) throw new Error(`Unknown company ${companyId ?? opts.locationId ?? '(none seeded)'}`);
    grant = { clientId: app.clientId, userType, locationId: null, companyId: company.id, userId: company.adminUserId, scopes: [] };
    store.install({ clientId: app.clientId, companyId: company.id, locationId: null, installedAt: store.clock.now(), versionId: app.versionId });
    for (const location of store.companyLocations(company.id)) installLocation(store, app, location);
  }
  const grantable = grantableScopes(userType);
  const scopes = opts.scopes ?? (userType === 'Location' ? locationScopes() : agencyScopes());
  const refused = scopes.filter((s) => !grantable.has(s));
  if (refused.length) throw new Error(`A ${userType} grant cannot hold ${refused.join(', ')}`);

  const code = store.random.hex(40);
  store.authorizationCodes.set(code, {
    ...grant,
    value: code,
    scopes: [...new Set(scopes)],
    expiresAt: store.clock.now() + AUTHORIZATION_CODE_TTL_MS,
    ...(opts.redirectUri ? { redirectUri: opts.redirectUri } : {}),
  });
  return code;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds, as `expires_in` says it. */
  expiresIn: number;
}

/** Mints an access token and a refresh token for a grant, with the store's lifetimes. */
export function issueTokens(store: SimulatorStore, grant: GrantFields, rng: Random = store.random): IssuedTokens {
  const now = store.clock.now();
  const { accessTokenTtlMs, refreshTokenTtlMs } = store.tokenLifetimes;
  const accessToken = `sim-at-${rng.hex(48)}`;
  const refreshToken = `sim-rt-${rng.hex(48)}`;
  store.addToken({
    token: accessToken,
    kind: 'oauth',
    userType: grant.userType,
    locationId: grant.locationId,
    companyId: grant.companyId,
    userId: grant.userId,
    scopes: grant.scopes,
    expiresAt: now + accessTokenTtlMs,
    clientId: grant.clientId,
  });
  store.refreshTokens.set(refreshToken, {
    clientId: grant.clientId,
    userType: grant.userType,
    locationId: grant.locationId,
    companyId: grant.companyId,
    userId: grant.userId,
    scopes: grant.scopes,
    value: refreshToken,
    expiresAt: now + refreshTokenTtlMs,
  });
  return { accessToken, refreshToken, expiresIn: expiresInSeconds(store) };
}

interface TokenRequest {
  client_id: string;
  client_secret: string;
  grant_type: 'authorization_code' | 'refresh_token' | 'client_credentials';
  code?: string;
  refresh_token?: string;
  user_type?: UserType;
  redirect_uri?: string;
}

interface LocationTokenRequest {
  companyId: string;
  locationId: string;
}

const invalidClient = (): HttpError => new HttpError(401, { statusCode: 401, message: 'Invalid client: client_id or client_secret is wrong', error: 'Unauthorized' });

const MAX_INSTALLED_LOCATIONS_LIMIT = 100;

export const oauthRoutes: RouteTable = {
  'POST /oauth/token': (ctx) => {
    const req = ctx.body as TokenRequest;
    const store = ctx.store;
    const app = store.oauthApps.get(req.client_id);
    if (!app || app.clientSecret !== req.client_secret) throw invalidClient();

    let grant: GrantRecord | undefined;
    if (req.grant_type === 'authorization_code') {
      if (!req.code) throw unprocessable(['code should not be empty']);
      grant = store.authorizationCodes.get(req.code);
      store.authorizationCodes.delete(req.code); // one use, even when the rest of the request is wrong
      if (!grant || grant.clientId !== app.clientId) throw invalidGrant('authorization code is invalid');
      if (grant.expiresAt <= store.clock.now()) throw invalidGrant('authorization code expired');
      if (grant.redirectUri && grant.redirectUri !== req.redirect_uri) throw invalidGrant('redirect_uri does not match');
    } else if (req.grant_type === 'refresh_token') {
      if (!req.refresh_token) throw unprocessable(['refresh_token should not be empty']);
      grant = store.refreshTokens.get(req.refresh_token);
      if (!grant || grant.clientId !== app.clientId) {
        const dead = store.deadRefreshTokens.get(req.refresh_token);
        throw invalidGrant(dead === 'used' ? 'refresh token has already been used' : dead === 'revoked' ? 'refresh token was revoked' : 'refresh token is invalid');
      }
      if (grant.expiresAt <= store.clock.now()) throw invalidGrant('refresh token expired');
      // Rotation: the refresh token is dead once presented with the right client, even if the rest fails.
      store.refreshTokens.delete(req.refresh_token);
      store.deadRefreshTokens.set(req.refresh_token, 'used');
    } else {
      throw badRequest('unsupported_grant_type: client_credentials is not available to Marketplace apps; install the app and use authorization_code');
    }
    if (req.user_type && req.user_type !== grant.userType) throw invalidGrant(`user_type ${req.user_type} does not match the grant (${grant.userType})`);

    const tokens = issueTokens(store, grant);
    return { status: 200, body: tokenResponse(store, grant, tokens) };
  },

  'POST /oauth/locationToken': (ctx) => {
    const { companyId, locationId } = ctx.body as LocationTokenRequest;
    const store = ctx.store;
    const token = companyToken(ctx);
    if (companyId !== token.companyId) throw forbiddenCompany();
    const location = store.locations.get(locationId);
    if (!location) throw badRequest('Location not found');
    if (location.companyId !== companyId) throw forbiddenLocation();
    const app = appOf(store, token.clientId);
    const install = store.getInstall(app.clientId, companyId, locationId);
    if (!install) throw badRequest('The app is not installed on this location');

    const grantable = grantableScopes('Location');
    const scopes = token.scopes.filter((s) => grantable.has(s));
    const accessToken = `sim-at-${store.random.hex(48)}`;
    store.addToken({
      token: accessToken,
      kind: 'oauth',
      userType: 'Location',
      locationId,
      companyId,
      userId: token.userId,
      scopes,
      expiresAt: store.clock.now() + store.tokenLifetimes.accessTokenTtlMs,
      clientId: app.clientId,
    });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: expiresInSeconds(store),
        scope: scopes.join(' '),
        locationId,
        userId: token.userId,
        appId: app.appId,
        versionId: install.versionId,
      },
    };
  },

  /** The company's locations sorted by name, then id, so skip/limit pages are stable. */
  'GET /oauth/installedLocations': (ctx) => {
    const store = ctx.store;
    const token = companyToken(ctx);
    const q = ctx.query;
    if (q['companyId'] !== token.companyId) throw forbiddenCompany();
    const app = appOf(store, token.clientId);
    if (q['appId'] !== app.appId) throw badRequest('appId does not match the app of the token');
    const skip = intInRange(q['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = intInRange(q['limit'], 'limit', 20, 1, MAX_INSTALLED_LOCATIONS_LIMIT);

    const text = typeof q['query'] === 'string' ? q['query'].toLowerCase() : '';
    const rows = store
      .companyLocations(token.companyId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((location) => ({ location, install: store.getInstall(app.clientId, token.companyId, location.id) }))
      .filter(({ location, install }) => {
        if (text && !location.name.toLowerCase().includes(text)) return false;
        if (typeof q['locationId'] === 'string' && q['locationId'] !== location.id) return false;
        if (typeof q['isInstalled'] === 'boolean' && q['isInstalled'] !== (install !== undefined)) return false;
        if (typeof q['versionId'] === 'string' && install?.versionId !== q['versionId']) return false;
        // The simulator has no trials and no paid plans.
        if (q['onTrial'] === true) return false;
        if (typeof q['planId'] === 'string' && q['planId'] !== '') return false;
        return true;
      });
    return {
      status: 200,
      body: {
        locations: rows.slice(skip, skip + limit).map(({ location, install }) => installedLocationDto(location, install)),
        count: rows.length,
        installToFutureLocations: false,
      },
    };
  },
};

/** `sim.oauth`: consent, revocation, uninstall and forced expiry, for tests. */
export function createOAuthControl(store: SimulatorStore): SimulatorOAuth {
  const listeners = new Set<(event: UninstallEvent) => void>();

  const revoke = (target: InstallTarget): RevocationResult => {
    const matches = targetMatcher(store, target);
    const result: RevocationResult = { accessTokens: 0, refreshTokens: 0, authorizationCodes: 0 };
    for (const [value, t] of store.tokens) {
      if (t.kind === 'oauth' && matches(t)) {
        store.tokens.delete(value);
        result.accessTokens++;
      }
    }
    for (const [value, g] of store.refreshTokens) {
      if (matches(g)) {
        store.refreshTokens.delete(value);
        store.deadRefreshTokens.set(value, 'revoked');
        result.refreshTokens++;
      }
    }
    for (const [value, g] of store.authorizationCodes) {
      if (matches(g)) {
        store.authorizationCodes.delete(value);
        result.authorizationCodes++;
      }
    }
    return result;
  };

  return {
    authorize(opts) {
      return createAuthorizationCode(store, {
        userType: opts.userType,
        ...(opts.locationId ? { locationId: opts.locationId } : {}),
        ...(opts.companyId ? { companyId: opts.companyId } : {}),
        ...(opts.scopes ? { scopes: opts.scopes } : {}),
        ...(opts.redirectUri ? { redirectUri: opts.redirectUri } : {}),
      });
    },

    revoke,

    uninstall(target) {
      const result = revoke(target);
      const at = new Date(store.clock.now()).toISOString();
      const events: UninstallEvent[] = [];
      const removed = [...store.installs.values()].filter((i) => (target.locationId ? i.locationId === target.locationId : i.companyId === target.companyId));
      for (const install of removed) store.removeInstall(install.clientId, install.companyId, install.locationId);
      // One event per app: per location for a location uninstall, per agency otherwise.
      for (const clientId of new Set(removed.map((i) => i.clientId))) {
        const app = appOf(store, clientId);
        const companyId = (removed.find((i) => i.clientId === clientId) as InstallRecord).companyId;
        events.push({ appId: app.appId, clientId, companyId, ...(target.locationId ? { locationId: target.locationId } : {}), at });
      }
      const errors: unknown[] = [];
      for (const event of events) {
        for (const listener of [...listeners]) {
          try {
            listener(event);
          } catch (err) {
            errors.push(err);
          }
        }
      }
      if (errors.length) throw errors[0];
      return result;
    },

    expireAccessTokens(target) {
      const matches = target ? targetMatcher(store, target) : () => true;
      const now = store.clock.now();
      let expired = 0;
      for (const t of store.tokens.values()) {
        if (t.kind === 'oauth' && t.expiresAt !== null && t.expiresAt > now && matches(t)) {
          t.expiresAt = now;
          expired++;
        }
      }
      return expired;
    },

    onUninstall(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export interface ChooseLocationResult {
  status: 302 | 400;
  /** The redirect target on 302. */
  location?: string;
  /** Why a 400 was refused (shown on the page); never holds a code. */
  message: string;
}

/**
 * `GET /v2/oauth/chooselocation`: the marketplace consent page, decided at once. A valid request
 * installs the app and redirects to `redirect_uri?code=…` (plus `state` when sent). Simulator
 * extensions: `locationId` picks the location (default: the first seeded one) and
 * `user_type=Company` makes an agency-level install for the location's company.
 */
export function chooseLocation(store: SimulatorStore, query: URLSearchParams): ChooseLocationResult {
  const refuse = (message: string): ChooseLocationResult => ({ status: 400, message });
  if (query.get('response_type') !== 'code') return refuse('response_type must be "code"');
  const clientId = query.get('client_id');
  if (!clientId) return refuse('client_id is required');
  if (!store.oauthApps.has(clientId)) return refuse('No app with this client_id');
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri) return refuse('redirect_uri is required');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return refuse('redirect_uri must be an absolute URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return refuse('redirect_uri must be an http(s) URL');
  const userType = query.get('user_type') ?? 'Location';
  if (userType !== 'Location' && userType !== 'Company') return refuse('user_type must be Location or Company');
  const locationId = query.get('locationId');
  const location = locationId ? store.locations.get(locationId) : store.locations.values().next().value;
  if (!location) return refuse(locationId ? 'No location with this locationId' : 'No location to choose');

  const grantable = grantableScopes(userType);
  const requested = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const scopes = requested.length ? [...new Set(requested.filter((s) => grantable.has(s)))] : userType === 'Location' ? [...locationScopes()] : [...agencyScopes()];
  const code = createAuthorizationCode(store, { userType, clientId, locationId: location.id, companyId: location.companyId, scopes, redirectUri });
  target.searchParams.set('code', code);
  const state = query.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return { status: 302, location: target.toString(), message: 'Found' };
}

function tokenResponse(store: SimulatorStore, grant: GrantFields, tokens: IssuedTokens): Record<string, unknown> {
  const base = {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    scope: grant.scopes.join(' '),
    userType: grant.userType,
  };
  if (grant.userType === 'Location') {
    return { ...base, locationId: grant.locationId, companyId: grant.companyId, userId: grant.userId, isBulkInstallation: false };
  }
  const all = store.companyLocations(grant.companyId);
  const approved = all.filter((l) => store.getInstall(grant.clientId, grant.companyId, l.id)).map((l) => l.id);
  return {
    ...base,
    companyId: grant.companyId,
    approvedLocations: approved,
    userId: grant.userId,
    isBulkInstallation: true,
    installToFutureLocations: false,
    approveAllLocations: approved.length === all.length,
  };
}

function installedLocationDto(location: LocationRecord, install: InstallRecord | undefined): Record<string, unknown> {
  return {
    _id: location.id,
    name: location.name,
    address: location.address ?? '',
    isInstalled: install !== undefined,
    ...(install ? { versionId: install.versionId, installedAt: new Date(install.installedAt).toISOString() } : {}),
  };
}

function installLocation(store: SimulatorStore, app: OAuthAppRecord, location: LocationRecord): void {
  store.install({ clientId: app.clientId, companyId: location.companyId, locationId: location.id, installedAt: store.clock.now(), versionId: app.versionId });
}

function appOf(store: SimulatorStore, clientId: string | undefined): OAuthAppRecord {
  const app = clientId ? store.oauthApps.get(clientId) : store.oauthApps.values().next().value;
  if (!app) throw new Error(`No OAuth app ${clientId ?? '(none seeded)'}`);
  return app;
}

/** The Company OAuth token the pipeline admitted (Agency-Access-Only). */
function companyToken(ctx: RequestContext): TokenRecord & { clientId: string } {
  const token = ctx.token;
  if (!token || token.userType !== 'Company' || !token.clientId) throw new Error(`${ctx.op.key} ran without a Company OAuth token`);
  return token as TokenRecord & { clientId: string };
}

function expiresInSeconds(store: SimulatorStore): number {
  return Math.floor(store.tokenLifetimes.accessTokenTtlMs / 1000);
}

/** Which credentials a target covers: a location's Location credentials, or all of a company's. */
function targetMatcher(store: SimulatorStore, target: InstallTarget): (c: { locationId: string | null; companyId: string }) => boolean {
  if (target.locationId) {
    const location = store.locations.get(target.locationId);
    if (!location) throw new Error(`Unknown location ${target.locationId}`);
    if (target.companyId && target.companyId !== location.companyId) throw new Error(`Location ${location.id} is not part of company ${target.companyId}`);
    return (c) => c.locationId === location.id;
  }
  if (target.companyId) {
    if (!store.companies.has(target.companyId)) throw new Error(`Unknown company ${target.companyId}`);
    return (c) => c.companyId === target.companyId;
  }
  throw new Error('Name a locationId or a companyId');
}


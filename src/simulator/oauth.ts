import { HttpError, badRequest, unprocessable } from './errors.js';
import type { RouteTable } from './routes/types.js';
import { locationScopes } from './scopes.js';
import type { GrantRecord, SimulatorStore } from './store.js';

/**
 * `POST /oauth/token` for grants the simulator itself issued (docs/oauth/Authorization.md):
 * `authorization_code` and `refresh_token`, Sub-Account (Location) tokens only. Lifetimes follow
 * the docs: access token one day (`expires_in` 86399 as in the spec example), refresh token one
 * year, and a refresh token is single-use (each refresh returns a new one).
 *
 * There is no consent screen: `createAuthorizationCode` stands in for the browser coming back
 * from `chooselocation` with `?code=…`. Later work adds client_credentials, Company tokens,
 * `/oauth/locationToken` and `/oauth/installedLocations`.
 */

export const ACCESS_TOKEN_TTL_S = 86_399;
export const REFRESH_TOKEN_TTL_MS = 365 * 86_400_000;
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;

export interface AuthorizationCodeOptions {
  locationId: string;
  /** Defaults to the only (seeded) Marketplace app. */
  clientId?: string;
  /** Defaults to every Sub-Account scope. */
  scopes?: readonly string[];
  /** When set, the token request must send the same `redirect_uri`. */
  redirectUri?: string;
}

/** What an install hands the app: a one-time code for `grant_type=authorization_code`. */
export function createAuthorizationCode(store: SimulatorStore, opts: AuthorizationCodeOptions): string {
  const location = store.locations.get(opts.locationId);
  if (!location) throw new Error(`Unknown location ${opts.locationId}`);
  const clientId = opts.clientId ?? [...store.oauthApps.keys()][0];
  if (!clientId || !store.oauthApps.has(clientId)) throw new Error('No such OAuth app');
  const code = store.random.hex(40);
  store.authorizationCodes.set(code, {
    value: code,
    clientId,
    locationId: location.id,
    companyId: location.companyId,
    userId: location.userIds[0] as string,
    scopes: opts.scopes ?? locationScopes(),
    expiresAt: store.clock.now() + AUTHORIZATION_CODE_TTL_MS,
    ...(opts.redirectUri ? { redirectUri: opts.redirectUri } : {}),
  });
  return code;
}

interface TokenRequest {
  client_id: string;
  client_secret: string;
  grant_type: 'authorization_code' | 'refresh_token' | 'client_credentials';
  code?: string;
  refresh_token?: string;
  user_type?: 'Company' | 'Location';
  redirect_uri?: string;
}

const invalidClient = (): HttpError => new HttpError(401, { statusCode: 401, message: 'Invalid client: client_id or client_secret is wrong', error: 'Unauthorized' });

export const oauthRoutes: RouteTable = {
  'POST /oauth/token': (ctx) => {
    const req = ctx.body as TokenRequest;
    const store = ctx.store;
    const app = store.oauthApps.get(req.client_id);
    if (!app || app.clientSecret !== req.client_secret) throw invalidClient();
    if (req.user_type === 'Company') throw badRequest('The simulator issues Location tokens only');

    let grant: GrantRecord | undefined;
    if (req.grant_type === 'authorization_code') {
      if (!req.code) throw unprocessable(['code should not be empty']);
      grant = store.authorizationCodes.get(req.code);
      store.authorizationCodes.delete(req.code); // one use, even when the rest of the request is wrong
      if (!grant || grant.clientId !== app.clientId || grant.expiresAt <= store.clock.now()) throw badRequest('Invalid grant: authorization code is invalid');
      if (grant.redirectUri && grant.redirectUri !== req.redirect_uri) throw badRequest('Invalid grant: redirect_uri does not match');
    } else if (req.grant_type === 'refresh_token') {
      if (!req.refresh_token) throw unprocessable(['refresh_token should not be empty']);
      grant = store.refreshTokens.get(req.refresh_token);
      if (!grant || grant.clientId !== app.clientId || grant.expiresAt <= store.clock.now()) throw badRequest('Invalid grant: refresh token is invalid');
      store.refreshTokens.delete(req.refresh_token);
    } else {
      throw badRequest(`grant_type ${req.grant_type} is not supported by the simulator`);
    }

    const now = store.clock.now();
    const accessToken = `sim-at-${store.random.hex(48)}`;
    const refreshToken = `sim-rt-${store.random.hex(48)}`;
    store.addToken({ token: accessToken, kind: 'oauth', locationId: grant.locationId, companyId: grant.companyId, userId: grant.userId, scopes: grant.scopes, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000 });
    store.refreshTokens.set(refreshToken, { ...grant, value: refreshToken, expiresAt: now + REFRESH_TOKEN_TTL_MS });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_TTL_S,
        refresh_token: refreshToken,
        scope: grant.scopes.join(' '),
        userType: 'Location',
        locationId: grant.locationId,
        companyId: grant.companyId,
        userId: grant.userId,
        isBulkInstallation: false,
      },
    };
  },
};

import type { GhlClient } from './client.js';
import type { GhlCredential } from './credentials.js';
import { GhlAuthError, GhlBadRequestError, GhlError } from './errors.js';
import { operation } from './operations.js';
import type { Installation } from './token-store.js';

/**
 * GHL's OAuth 2.0 endpoints as a marketplace app uses them (docs/oauth/Authorization.md):
 * the choose-location URL, the code exchange, refresh (which rotates the refresh token), and
 * minting a location token from an agency token. No token lifecycle here: see oauth-credential.ts.
 */

export interface OAuthAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Scopes the app asks for at install. */
  scopes: readonly string[];
  /** Where people choose a location, e.g. `https://marketplace.gohighlevel.com`. */
  marketplaceUrl: string;
}

/** The 200 body of `POST /oauth/token` (`GetAccessCodeSuccessfulResponseDto`). */
interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  userType?: 'Location' | 'Company';
  locationId?: string;
  companyId?: string;
  userId: string;
}

/** The 200 body of `POST /oauth/locationToken`: no refresh token. */
interface LocationTokenResponse {
  access_token: string;
  expires_in?: number;
  scope?: string;
  locationId?: string;
  userId: string;
}

/** GHL refused a grant: the installation cannot recover without a person re-installing. */
export class GrantRefusedError extends Error {
  override name = 'GrantRefusedError';
  constructor(readonly reason: string) {
    super(`GHL refused the grant (${reason})`);
  }
}

const ops = {
  token: operation('POST /oauth/token'),
  locationToken: operation('POST /oauth/locationToken'),
};

/** GHL's documented access token lifetime is one day; used when a response leaves it out. */
const DEFAULT_LIFETIME_S = 86_399;

export class OAuthApp {
  constructor(private readonly config: OAuthAppConfig, private readonly client: GhlClient) {}

  /** The marketplace app id: the client id's part before the first dash (as GHL's webhooks name it). */
  get appId(): string {
    return this.config.clientId.split('-')[0]!;
  }

  /** The URL that starts an installation (the white-label host works the same way). */
  installUrl(state?: string): string {
    const url = new URL('/v2/oauth/chooselocation', this.config.marketplaceUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', this.config.redirectUri);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('scope', this.config.scopes.join(' '));
    if (state) url.searchParams.set('state', state);
    return url.toString();
  }

  /** Trades an authorization code for the installation's first tokens. */
  async exchangeCode(code: string, now: number): Promise<Installation> {
    const res = await this.tokenCall({ grant_type: 'authorization_code', code, redirect_uri: this.config.redirectUri });
    return toInstallation(res, now, 'oauth');
  }

  /**
   * Uses the refresh token once. GHL rotates it: the old one is dead from now on, so the caller
   * must store the returned installation before anything uses it again.
   */
  async refresh(installation: Installation, now: number): Promise<Installation> {
    if (!installation.refreshToken) throw new GrantRefusedError('no_refresh_token');
    const res = await this.tokenCall({
      grant_type: 'refresh_token',
      refresh_token: installation.refreshToken,
      user_type: installation.userType,
    });
    return { ...toInstallation(res, now, installation.source), id: installation.id };
  }

  /** Mints a location token from an agency (company) installation. */
  async mintLocationToken(company: GhlCredential, companyId: string, locationId: string, now: number): Promise<Installation> {
    try {
      const res = await this.client.call<LocationTokenResponse>(ops.locationToken, company, { form: { companyId, locationId } });
      const data = res.data;
      return {
        id: locationId,
        userType: 'Location',
        locationId: data.locationId ?? locationId,
        companyId,
        accessToken: data.access_token,
        refreshToken: null,
        expiresAt: now + (data.expires_in ?? DEFAULT_LIFETIME_S) * 1000,
        scopes: splitScopes(data.scope),
        status: 'connected',
        disconnectedReason: null,
        source: 'location-token',
        updatedAt: now,
      };
    } catch (err) {
      throw refusalOf(err) ?? err;
    }
  }

  private async tokenCall(form: Record<string, string>): Promise<TokenResponse> {
    try {
      const res = await this.client.call<TokenResponse>(ops.token, null, {
        form: { client_id: this.config.clientId, client_secret: this.config.clientSecret, ...form },
      });
      return res.data;
    } catch (err) {
      throw refusalOf(err) ?? err;
    }
  }
}

/**
 * A 400/401/422 from the token endpoint means the grant is dead (invalid_grant, revoked app,
 * uninstalled): retrying cannot help. Anything else (5xx, network) is a passing fault.
 */
function refusalOf(err: unknown): GrantRefusedError | null {
  if (err instanceof GhlBadRequestError) return new GrantRefusedError(err.messages.join('; ') || 'invalid_grant');
  if (err instanceof GhlAuthError) return new GrantRefusedError('unauthorized');
  if (err instanceof GhlError && err.status !== null && err.status >= 400 && err.status < 500 && err.status !== 429) {
    return new GrantRefusedError(`status ${err.status}`);
  }
  return null;
}

function splitScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

function toInstallation(res: TokenResponse, now: number, source: Installation['source']): Installation {
  const userType = res.userType ?? (res.locationId ? 'Location' : 'Company');
  const id = userType === 'Location' ? res.locationId : res.companyId;
  if (!id) throw new GrantRefusedError('token response names no location or company');
  return {
    id,
    userType,
    locationId: res.locationId ?? null,
    companyId: res.companyId ?? null,
    accessToken: res.access_token,
    refreshToken: res.refresh_token ?? null,
    expiresAt: now + (res.expires_in ?? DEFAULT_LIFETIME_S) * 1000,
    scopes: splitScopes(res.scope),
    status: 'connected',
    disconnectedReason: null,
    source,
    updatedAt: now,
  };
}

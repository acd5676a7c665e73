import { createHmac } from 'node:crypto';

/**
 * Who a GHL call is made as. The tenant key is the security boundary of every cache and budget:
 * - a credential the gateway holds (private integration token, OAuth installation) is keyed by
 *   its location, because the gateway itself decides who may use it;
 * - a token a caller passes through is keyed by a keyed hash of the token itself, so data fetched
 *   with one caller's token is never served to another caller, even for the same location.
 */
export interface GhlCredential {
  readonly tenantKey: string;
  readonly locationId: string;
  /** Set on agency (Company) credentials: the company they act for. */
  readonly companyId?: string;
  /**
   * Whose rate budget this credential's calls spend. Unset for held credentials: GHL counts per
   * app and location, so they budget per location (`locationId`). A pass-through token sets its
   * own tenant key, so it can never spend or correct a held installation's budget.
   */
  readonly budgetKey?: string;
  /**
   * Set on pass-through tokens, which only GHL can vouch for: the client remembers GHL's 401 for
   * the tenant (token and location), so a bogus token costs one upstream call per time window
   * however often it is sent.
   */
  readonly passThrough?: boolean;
  /** Scopes the grant is known to hold; `null` when unknown (pass-through): GHL then decides. */
  readonly grantedScopes: ReadonlySet<string> | null;
  /** A currently valid access token. May refresh first. Never log the result. */
  accessToken(): Promise<string>;
  /**
   * Called once after GHL answered 401 to `rejectedToken`. Resolves true when a different token
   * is now available and the call may be repeated; false when nothing can be done.
   */
  handleUnauthorized?(rejectedToken: string): Promise<boolean>;
}

/** A static token the gateway holds: a private integration token from the configuration. */
export function staticCredential(opts: {
  locationId: string;
  token: string;
  scopes: readonly string[] | null;
}): GhlCredential {
  const { token } = opts;
  return {
    tenantKey: `loc:${opts.locationId}`,
    locationId: opts.locationId,
    grantedScopes: opts.scopes ? new Set(opts.scopes) : null,
    accessToken: async () => token,
  };
}

/**
 * An agency (Company) token the gateway holds, for the operations GHL only allows agencies
 * (create a location, companies, snapshots, filter users by email). Its budget key is the company.
 */
export function companyCredential(opts: { companyId: string; token: string; scopes: readonly string[] }): GhlCredential {
  const { token } = opts;
  return {
    tenantKey: `co:${opts.companyId}`,
    // GHL budgets agency calls per company: the company id stands where a location id would.
    locationId: opts.companyId,
    companyId: opts.companyId,
    grantedScopes: new Set(opts.scopes),
    accessToken: async () => token,
  };
}

/** A caller's own GHL token, used for this request only. */
export function passThroughCredential(opts: { locationId: string; token: string; secret: string }): GhlCredential {
  const { token } = opts;
  const digest = createHmac('sha256', opts.secret).update(token).digest('base64url').slice(0, 22);
  const tenantKey = `pt:${digest}:${opts.locationId}`;
  return {
    tenantKey,
    budgetKey: tenantKey,
    passThrough: true,
    locationId: opts.locationId,
    grantedScopes: null,
    accessToken: async () => token,
  };
}

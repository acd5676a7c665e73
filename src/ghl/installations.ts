import type { GhlCredential } from './credentials.js';

/**
 * Credentials the gateway itself holds, by location: private integration tokens from the
 * configuration (and, with OAuth, marketplace installations). Only these may be served to callers
 * who do not bring their own GHL token.
 */
export class InstallationRegistry {
  private readonly byLocation = new Map<string, GhlCredential>();
  private readonly byCompany = new Map<string, GhlCredential>();

  /** Holds an agency credential, for agency-only operations. */
  addCompany(companyId: string, credential: GhlCredential): void {
    this.byCompany.set(companyId, credential);
  }

  /**
   * The agency credential to use alongside a location's: the one for `companyId` when known,
   * else the only one held (the usual case: a gateway serves one agency).
   */
  company(companyId?: string | null): GhlCredential | undefined {
    if (companyId) return this.byCompany.get(companyId);
    return this.byCompany.size === 1 ? this.byCompany.values().next().value : undefined;
  }

  add(credential: GhlCredential): void {
    this.byLocation.set(credential.locationId, credential);
  }

  remove(locationId: string): void {
    this.byLocation.delete(locationId);
  }

  get(locationId: string): GhlCredential | undefined {
    return this.byLocation.get(locationId);
  }

  /** The first installation added: what an anonymous caller gets in demo mode. */
  first(): GhlCredential | undefined {
    return this.byLocation.values().next().value;
  }

  locationIds(): string[] {
    return [...this.byLocation.keys()];
  }
}

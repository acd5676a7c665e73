import type { GhlCredential } from './credentials.js';

/**
 * Credentials the gateway itself holds, by location: private integration tokens from the
 * configuration (and, with OAuth, marketplace installations). Only these may be served to callers
 * who do not bring their own GHL token.
 */
export class InstallationRegistry {
  private readonly byLocation = new Map<string, GhlCredential>();

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

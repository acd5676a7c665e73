import type { LocationRecord, SimulatorStore } from '../store.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * A location's profile beyond the core `LocationRecord` (id, company, name, one-line address,
 * time zone, users): what `GET /locations/{id}` describes. Kept here, keyed by location id, so the
 * core record stays what the OAuth and contacts routes need.
 */
export interface LocationProfile {
  /** Street part of the address; the core record's `address` stays the one-line form. */
  street?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  phone?: string;
  email?: string;
  website?: string;
  logoUrl?: string;
  domain?: string;
  /** The sub-account's owner (the prospect it was created for). */
  firstName?: string;
  lastName?: string;
  settings: { allowDuplicateContact: boolean; allowDuplicateOpportunity: boolean; allowFacebookNameMerge: boolean; disableContactTimezone: boolean };
  social: Record<string, string>;
  dateAdded: string;
}

export const SOCIAL_KEYS = ['facebookUrl', 'googlePlus', 'linkedIn', 'foursquare', 'twitter', 'yelp', 'instagram', 'youtube', 'pinterest', 'blogRss', 'googlePlacesId'] as const;

export const DEFAULT_SETTINGS: LocationProfile['settings'] = { allowDuplicateContact: false, allowDuplicateOpportunity: false, allowFacebookNameMerge: false, disableContactTimezone: false };

export class LocationsState {
  private readonly profiles = new Map<string, LocationProfile>();

  constructor(private readonly store: SimulatorStore) {}

  set(locationId: string, profile: LocationProfile): void {
    this.profiles.set(locationId, profile);
  }

  /** A location created outside this domain (e.g. by a test through the store) gets an empty profile. */
  profile(locationId: string): LocationProfile {
    let profile = this.profiles.get(locationId);
    if (!profile) {
      profile = { settings: { ...DEFAULT_SETTINGS }, social: {}, dateAdded: this.store.nowIso() };
      this.profiles.set(locationId, profile);
    }
    return profile;
  }
}

export const locationsState = (store: SimulatorStore): LocationsState => store.domainState('locations', () => new LocationsState(store));

/** The one-line address `InstalledLocationSchema` shows, from the parts. */
export function oneLineAddress(p: Pick<LocationProfile, 'street' | 'city' | 'state' | 'postalCode' | 'country'>): string | undefined {
  const cityLine = [p.city, [p.state, p.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [p.street, cityLine, p.country].filter(Boolean).join(', ') || undefined;
}

/** `GetLocationSchema`: the items of `GET /locations/search`. */
export function locationSummaryDto(l: LocationRecord, p: LocationProfile): Record<string, unknown> {
  return withoutUndefined({
    id: l.id,
    name: l.name,
    phone: p.phone,
    email: p.email,
    address: p.street ?? l.address,
    city: p.city,
    state: p.state,
    country: p.country,
    postalCode: p.postalCode,
    website: p.website,
    timezone: l.timezone,
    settings: { ...p.settings },
    social: { ...p.social },
  });
}

/** `CreateLocationSuccessfulResponseDto`: what `POST /locations/` answers (bare). */
export function createdLocationDto(l: LocationRecord, p: LocationProfile): Record<string, unknown> {
  return withoutUndefined({ ...locationSummaryDto(l, p), companyId: l.companyId, domain: p.domain });
}

/** `GetLocationByIdSchema`, inside `{location}`. */
export function locationDto(l: LocationRecord, p: LocationProfile): Record<string, unknown> {
  // Everything the search item shows, and the owner's details besides.
  return withoutUndefined({
    ...locationSummaryDto(l, p),
    companyId: l.companyId,
    domain: p.domain,
    logoUrl: p.logoUrl,
    firstName: p.firstName,
    lastName: p.lastName,
    business: withoutUndefined({ name: l.name, address: p.street, city: p.city, state: p.state, country: p.country, postalCode: p.postalCode, website: p.website, timezone: l.timezone, logoUrl: p.logoUrl }),
  });
}

import type { GhlLocation, LocationSearchParams } from '../ghl/endpoints/locations.js';
import { getLocation, searchLocations } from '../ghl/endpoints/locations.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** A location's profile changes rarely; it also supplies the companyId user calls need. */
export const TTL_MS = {
  location: 300_000,
  locationSearch: 60_000,
};

export function createLocationLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  return {
    location: kit.byId<GhlLocation>('location', TTL_MS.location, (id) => getLocation(ghl, id)),
    /** Search pages hold only part of a location (`GetLocationSchema`), so they are not primed into `location`. */
    locationSearch: kit.byArgs<LocationSearchParams, GhlLocation[]>('locationSearch', TTL_MS.locationSearch, (p) => searchLocations(ghl, p)),
  };
}

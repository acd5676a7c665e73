import type { GhlUser, UserSearchParams, UserSearchResult, UsersByEmailParams } from '../ghl/endpoints/users.js';
import { filterUsersByEmail, getLocationUsers, getUser, searchUsers } from '../ghl/endpoints/users.js';
import { agencyOf } from './companies.js';
import { loaderKit, primingList, type LoaderDeps } from './kit.js';

/** Users change rarely and are referenced by many contacts, tasks and notes. */
export const TTL_MS = {
  user: 60_000,
  userSearch: 30_000,
  userByEmail: 30_000,
  locationUsers: 60_000,
};

export function createUserLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const user = kit.byId<GhlUser>('user', TTL_MS.user, (id) => getUser(ghl, id));
  const userSearch = kit.byArgs<UserSearchParams, UserSearchResult>('userSearch', TTL_MS.userSearch, (p) => searchUsers(ghl, p));
  return {
    /** One `GET /users/{userId}` per distinct id: what the `assignedUser`-style links resolve through. */
    user,
    /** A search page; its users are primed into `user`, so following them costs nothing more. */
    userSearch: primingList(userSearch, user, (r) => r.users),
    /** Agency-only (`POST /users/search/filter-by-email`): resolvers check for the agency credential first. */
    userByEmail: kit.byArgs<UsersByEmailParams, UserSearchResult>('userByEmail', TTL_MS.userByEmail, (p) => filterUsersByEmail(agencyOf(deps), p)),
    /** The deprecated per-location list, keyed by location id. */
    locationUsers: kit.byId<GhlUser[]>('locationUsers', TTL_MS.locationUsers, (locationId) => getLocationUsers(ghl, locationId)),
  };
}

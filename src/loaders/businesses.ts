import type { GhlBusiness } from '../ghl/endpoints/businesses.js';
import { getBusiness, listBusinesses } from '../ghl/endpoints/businesses.js';
import { loaderKit, primingList, type LoaderDeps } from './kit.js';

/** Businesses change rarely and are shared by many contacts: a longer TTL pays off. */
export const TTL_MS = { business: 300_000, businessList: 60_000 };

export function createBusinessLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const business = kit.byId<GhlBusiness>('business', TTL_MS.business, (id) => getBusiness(deps.ghl, id));
  const businessList = kit.byArgs<{ skip: number; limit: number }, GhlBusiness[]>('businessList', TTL_MS.businessList, (page) => listBusinesses(deps.ghl, page));
  return {
    business,
    /** A skip/limit page of the location's businesses; each is primed into `business`. */
    businessList: primingList(businessList, business, (list) => list),
  };
}

import type { GhlBusiness } from '../ghl/endpoints/businesses.js';
import { getBusiness } from '../ghl/endpoints/businesses.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** Businesses change rarely and are shared by many contacts: a longer TTL pays off. */
export const TTL_MS = { business: 300_000 };

export function createBusinessLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    business: kit.byId<GhlBusiness>('business', TTL_MS.business, (id) => getBusiness(deps.ghl, id)),
  };
}

import type { SimulatorDomain } from './types.js';

/** apps/locations.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const locationsDomain: SimulatorDomain = {
  name: 'locations',
  routes: {},
};

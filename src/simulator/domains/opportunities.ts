import type { SimulatorDomain } from './types.js';

/** apps/opportunities.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const opportunitiesDomain: SimulatorDomain = {
  name: 'opportunities',
  routes: {},
};

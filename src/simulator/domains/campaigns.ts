import type { SimulatorDomain } from './types.js';

/** apps/campaigns.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const campaignsDomain: SimulatorDomain = {
  name: 'campaigns',
  routes: {},
};

import type { SimulatorDomain } from './types.js';

/** apps/companies.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const companiesDomain: SimulatorDomain = {
  name: 'companies',
  routes: {},
};

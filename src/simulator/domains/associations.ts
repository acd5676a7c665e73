import type { SimulatorDomain } from './types.js';

/** apps/associations.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const associationsDomain: SimulatorDomain = {
  name: 'associations',
  routes: {},
};

import type { SimulatorDomain } from './types.js';

/** apps/custom-fields.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const customFieldsDomain: SimulatorDomain = {
  name: 'custom-fields',
  routes: {},
};

import type { SimulatorDomain } from './types.js';

/** apps/users.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const usersDomain: SimulatorDomain = {
  name: 'users',
  routes: {},
};

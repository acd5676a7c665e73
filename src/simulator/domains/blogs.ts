import type { SimulatorDomain } from './types.js';

/** apps/blogs.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const blogsDomain: SimulatorDomain = {
  name: 'blogs',
  routes: {},
};

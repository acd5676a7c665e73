import type { SimulatorDomain } from './types.js';

/** apps/workflows.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const workflowsDomain: SimulatorDomain = {
  name: 'workflows',
  routes: {},
};

import type { SimulatorDomain } from './types.js';

/** apps/snapshots.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const snapshotsDomain: SimulatorDomain = {
  name: 'snapshots',
  routes: {},
};

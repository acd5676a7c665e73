import type { SimulatorDomain } from './types.js';

/** apps/conversations.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const conversationsDomain: SimulatorDomain = {
  name: 'conversations',
  routes: {},
};

import type { SimulatorDomain } from './types.js';

/** apps/calendars.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const calendarsDomain: SimulatorDomain = {
  name: 'calendars',
  routes: {},
};

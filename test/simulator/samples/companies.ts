import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the companies operations (Agency-Access only: the seeded agency token). */
export const companiesSamples: DomainSamples = (env) => ({
  'GET /companies/{companyId}': () => call(env().sim, 'GET', `/companies/${env().sim.agency.companyId}`, { token: env().sim.agency.accessToken }),
});

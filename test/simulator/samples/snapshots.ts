import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the snapshots operations (Agency-Access only: the seeded agency token). */
export const snapshotsSamples: DomainSamples = (env) => ({
  'GET /snapshots/': () => call(env().sim, 'GET', '/snapshots/', { token: env().sim.agency.accessToken, query: { companyId: env().sim.agency.companyId } }),
});

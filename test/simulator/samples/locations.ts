import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the locations operations: search and get with the location token, create with the agency's. */
export const locationsSamples: DomainSamples = (env) => ({
  'GET /locations/search': () => call(env().sim, 'GET', '/locations/search', { token: env().sim.agency.accessToken, query: { companyId: env().loc.companyId, limit: '5', order: 'desc' } }),
  'GET /locations/{locationId}': () => call(env().sim, 'GET', `/locations/${env().loc.id}`),
  'POST /locations/': () =>
    call(env().sim, 'POST', '/locations/', {
      token: env().sim.agency.accessToken,
      body: { name: 'Sample Sub-Account', companyId: env().loc.companyId, phone: '+14155550199', address: '1 Sample Way', city: 'Austin', state: 'TX', country: 'US', postalCode: '73301', timezone: 'America/Chicago', prospectInfo: { firstName: 'Pat', lastName: 'Prospect', email: 'pat@example.com' }, settings: { allowDuplicateContact: true } },
    }),
});

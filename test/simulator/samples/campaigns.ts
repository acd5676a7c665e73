import { campaignsState } from '../../../src/simulator/domains/campaigns-state.js';
import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the campaigns operations the simulator serves (listing and enrolment). */
export const campaignsSamples: DomainSamples = (env) => {
  const campaignId = () => campaignsState(env().sim.store).list(env().loc.id)[0]!.id;
  const contactId = () => env().sim.store.listContacts(env().loc.id)[11]!.id;
  return {
    'GET /campaigns/': () => call(env().sim, 'GET', '/campaigns/', { query: { locationId: env().loc.id, status: 'published' } }),
    'POST /contacts/{contactId}/campaigns/{campaignId}': () => call(env().sim, 'POST', `/contacts/${contactId()}/campaigns/${campaignId()}`, { body: {} }),
    'DELETE /contacts/{contactId}/campaigns/{campaignId}': () => call(env().sim, 'DELETE', `/contacts/${contactId()}/campaigns/${campaignId()}`),
    'DELETE /contacts/{contactId}/campaigns/removeAll': () => call(env().sim, 'DELETE', `/contacts/${contactId()}/campaigns/removeAll`),
  };
};

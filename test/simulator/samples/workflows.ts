import { workflowsState } from '../../../src/simulator/domains/workflows-state.js';
import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the workflows operations the simulator serves (listing and enrolment). */
export const workflowsSamples: DomainSamples = (env) => {
  const workflowId = () => workflowsState(env().sim.store).list(env().loc.id)[0]!.id;
  const contactId = () => env().sim.store.listContacts(env().loc.id)[10]!.id;
  return {
    'GET /workflows/': () => call(env().sim, 'GET', '/workflows/', { query: { locationId: env().loc.id } }),
    'POST /contacts/{contactId}/workflow/{workflowId}': () =>
      call(env().sim, 'POST', `/contacts/${contactId()}/workflow/${workflowId()}`, { body: { eventStartTime: '2025-03-01T09:00:00Z' } }),
    'DELETE /contacts/{contactId}/workflow/{workflowId}': () => call(env().sim, 'DELETE', `/contacts/${contactId()}/workflow/${workflowId()}`, { body: {} }),
  };
};

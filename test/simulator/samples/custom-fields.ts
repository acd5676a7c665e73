import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the custom field definitions read (`GET /locations/{locationId}/customFields`). */
export const customFieldsSamples: DomainSamples = (env) => ({
  'GET /locations/{locationId}/customFields': () => call(env().sim, 'GET', `/locations/${env().loc.id}/customFields`, { query: { model: 'contact' } }),
});

import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for a location's tag list. Each makes its own tag over HTTP, so samples never share one. */
export const locationTagsSamples: DomainSamples = (env) => {
  let n = 0;
  const tags = () => `/locations/${env().loc.id}/tags`;
  const made = async (): Promise<string> => (await call(env().sim, 'POST', tags(), { body: { name: `sample tag ${++n}` } })).body.tag.id;
  return {
    'GET /locations/{locationId}/tags': () => call(env().sim, 'GET', tags()),
    'POST /locations/{locationId}/tags': () => call(env().sim, 'POST', tags(), { body: { name: `created tag ${++n}` } }),
    'GET /locations/{locationId}/tags/{tagId}': async () => call(env().sim, 'GET', `${tags()}/${await made()}`),
    'PUT /locations/{locationId}/tags/{tagId}': async () => call(env().sim, 'PUT', `${tags()}/${await made()}`, { body: { name: `renamed tag ${++n}` } }),
    'DELETE /locations/{locationId}/tags/{tagId}': async () => call(env().sim, 'DELETE', `${tags()}/${await made()}`),
  };
};

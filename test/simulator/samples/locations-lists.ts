import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for a location's tags and custom values. Each makes its own record over HTTP, so samples never share one. */
export const locationListsSamples: DomainSamples = (env) => {
  let n = 0;
  const tags = () => `/locations/${env().loc.id}/tags`;
  const values = () => `/locations/${env().loc.id}/customValues`;
  const madeValue = async (): Promise<string> => (await call(env().sim, 'POST', values(), { body: { name: `Sample Value ${++n}`, value: 'v' } })).body.customValue.id;
  const made = async (): Promise<string> => (await call(env().sim, 'POST', tags(), { body: { name: `sample tag ${++n}` } })).body.tag.id;
  return {
    'GET /locations/{locationId}/tags': () => call(env().sim, 'GET', tags()),
    'POST /locations/{locationId}/tags': () => call(env().sim, 'POST', tags(), { body: { name: `created tag ${++n}` } }),
    'GET /locations/{locationId}/tags/{tagId}': async () => call(env().sim, 'GET', `${tags()}/${await made()}`),
    'PUT /locations/{locationId}/tags/{tagId}': async () => call(env().sim, 'PUT', `${tags()}/${await made()}`, { body: { name: `renamed tag ${++n}` } }),
    'DELETE /locations/{locationId}/tags/{tagId}': async () => call(env().sim, 'DELETE', `${tags()}/${await made()}`),
    'GET /locations/{locationId}/customValues': () => call(env().sim, 'GET', values()),
    'POST /locations/{locationId}/customValues': () => call(env().sim, 'POST', values(), { body: { name: `Created Value ${++n}`, value: 'x' } }),
    'GET /locations/{locationId}/customValues/{id}': async () => call(env().sim, 'GET', `${values()}/${await madeValue()}`),
    'PUT /locations/{locationId}/customValues/{id}': async () => call(env().sim, 'PUT', `${values()}/${await madeValue()}`, { body: { name: `Renamed Value ${++n}`, value: 'y' } }),
    'DELETE /locations/{locationId}/customValues/{id}': async () => call(env().sim, 'DELETE', `${values()}/${await madeValue()}`),
  };
};

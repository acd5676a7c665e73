import { usersState } from '../../../src/simulator/domains/users-state.js';
import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the users operations: reads and writes with the location token, filter-by-email with the agency's. */
export const usersSamples: DomainSamples = (env) => {
  const companyId = () => env().loc.companyId;
  const userOf = (k: number) => env().sim.store.locations.get(env().loc.id)!.userIds[k]!;
  let made = 0;
  const create = (firstName: string) =>
    call(env().sim, 'POST', '/users/', {
      body: { companyId: companyId(), firstName, lastName: 'Sample', email: `sample${++made}@example.com`, password: 'correct-horse-battery', type: 'account', role: 'user', locationIds: [env().loc.id], permissions: { contactsEnabled: true } },
    });
  return {
    'GET /users/search': () => call(env().sim, 'GET', '/users/search', { query: { companyId: companyId(), limit: '2', skip: '1', sort: 'firstName', sortDirection: 'desc' } }),
    'POST /users/search/filter-by-email': () => {
      const email = usersState(env().sim.store).get(userOf(1))!.email;
      return call(env().sim, 'POST', '/users/search/filter-by-email', { token: env().sim.agency.accessToken, body: { companyId: companyId(), emails: `${email}, nobody@example.com` } });
    },
    'GET /users/{userId}': () => call(env().sim, 'GET', `/users/${userOf(0)}`),
    'GET /users/': () => call(env().sim, 'GET', '/users/', { query: { locationId: env().loc.id } }),
    'POST /users/': () => create('Created'),
    'PUT /users/{userId}': () => call(env().sim, 'PUT', `/users/${userOf(2)}`, { body: { firstName: 'Renamed', role: 'admin', permissions: { invoiceEnabled: false }, platformLanguage: 'de' } }),
    'DELETE /users/{userId}': async () => {
      const res = await create('Doomed');
      return call(env().sim, 'DELETE', `/users/${res.body.id}`);
    },
  };
};

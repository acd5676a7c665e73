import { expect } from 'vitest';
import { createAuthorizationCode } from '../../../src/simulator/oauth.js';
import type { ContactRecord } from '../../../src/simulator/store.js';
import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the core operations: contacts, businesses and OAuth. */
export const coreSamples: DomainSamples = (env) => {
  const sim = () => env().sim;
  const loc = () => env().loc;
  const contacts = (): ContactRecord[] => sim().store.listContacts(loc().id);
  const contactWith = (has: (c: ContactRecord) => boolean): ContactRecord => {
    const found = contacts().find(has);
    if (!found) throw new Error('seed has no such contact');
    return found;
  };
  const withTasks = () => contactWith((c) => sim().store.listTasks(c.id).length > 0);
  const withNotes = () => contactWith((c) => sim().store.listNotes(c.id).length > 0);
  const withBusiness = () => contactWith((c) => c.businessId !== undefined);
  let fresh = 0;
  const newContact = async (): Promise<string> => {
    const res = await call(sim(), 'POST', '/contacts/', { body: { locationId: loc().id, firstName: 'Fresh', lastName: `Contact${++fresh}`, email: `fresh${fresh}@example.com` } });
    expect(res.status).toBe(201);
    return res.body.contact.id;
  };

  return {
    'GET /contacts/{contactId}': () => call(sim(), 'GET', `/contacts/${contacts()[0]!.id}`),
    'POST /contacts/search': () => call(sim(), 'POST', '/contacts/search', { body: { locationId: loc().id, pageLimit: 5, filters: [{ field: 'tags', operator: 'exists' }], sort: [{ field: 'dateUpdated', direction: 'asc' }] } }),
    'GET /contacts/business/{businessId}': () => call(sim(), 'GET', `/contacts/business/${withBusiness().businessId}`, { query: { locationId: loc().id, limit: '10' } }),
    'GET /contacts/search/duplicate': () => call(sim(), 'GET', '/contacts/search/duplicate', { query: { locationId: loc().id, email: contactWith((c) => !!c.email).email! } }),
    'GET /contacts/{contactId}/appointments': () => call(sim(), 'GET', `/contacts/${contactWith((c) => sim().store.listAppointments(c.id).length > 0).id}/appointments`),
    'GET /contacts/{contactId}/tasks': () => call(sim(), 'GET', `/contacts/${withTasks().id}/tasks`),
    'GET /contacts/{contactId}/tasks/{taskId}': () => {
      const c = withTasks();
      return call(sim(), 'GET', `/contacts/${c.id}/tasks/${sim().store.listTasks(c.id)[0]!.id}`);
    },
    'POST /contacts/{contactId}/tasks': () => call(sim(), 'POST', `/contacts/${withTasks().id}/tasks`, { body: { title: 'Call back', dueDate: '2025-02-01T10:00:00.000Z', completed: false } }),
    'PUT /contacts/{contactId}/tasks/{taskId}': () => {
      const c = withTasks();
      return call(sim(), 'PUT', `/contacts/${c.id}/tasks/${sim().store.listTasks(c.id)[0]!.id}`, { body: { title: 'Renamed' } });
    },
    'PUT /contacts/{contactId}/tasks/{taskId}/completed': () => {
      const c = withTasks();
      return call(sim(), 'PUT', `/contacts/${c.id}/tasks/${sim().store.listTasks(c.id)[0]!.id}/completed`, { body: { completed: true } });
    },
    'DELETE /contacts/{contactId}/tasks/{taskId}': async () => {
      const c = withTasks();
      const made = await call(sim(), 'POST', `/contacts/${c.id}/tasks`, { body: { title: 'Temp', dueDate: '2025-02-01', completed: false } });
      return call(sim(), 'DELETE', `/contacts/${c.id}/tasks/${made.body.task.id}`);
    },
    'GET /contacts/{contactId}/notes': () => call(sim(), 'GET', `/contacts/${withNotes().id}/notes`),
    'GET /contacts/{contactId}/notes/{id}': () => {
      const c = withNotes();
      return call(sim(), 'GET', `/contacts/${c.id}/notes/${sim().store.listNotes(c.id)[0]!.id}`);
    },
    'POST /contacts/{contactId}/notes': () => call(sim(), 'POST', `/contacts/${withNotes().id}/notes`, { body: { body: 'Spoke on the phone.', title: 'Call', pinned: true } }),
    'PUT /contacts/{contactId}/notes/{id}': () => {
      const c = withNotes();
      return call(sim(), 'PUT', `/contacts/${c.id}/notes/${sim().store.listNotes(c.id)[0]!.id}`, { body: { body: 'Edited.' } });
    },
    'DELETE /contacts/{contactId}/notes/{id}': async () => {
      const c = withNotes();
      const made = await call(sim(), 'POST', `/contacts/${c.id}/notes`, { body: { body: 'Temp' } });
      return call(sim(), 'DELETE', `/contacts/${c.id}/notes/${made.body.note.id}`);
    },
    'GET /contacts/': () => call(sim(), 'GET', '/contacts/', { query: { locationId: loc().id, limit: 5 } }),
    'POST /contacts/': () =>
      call(sim(), 'POST', '/contacts/', {
        body: { locationId: loc().id, name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 555 010 9999', tags: ['vip'], dateOfBirth: '1815-12-10', customFields: [{ id: 'cf1', field_value: 'x' }], dndSettings: { SMS: { status: 'active' } } },
      }),
    'PUT /contacts/{contactId}': () => call(sim(), 'PUT', `/contacts/${contacts()[1]!.id}`, { body: { firstName: 'Renamed', city: null, tags: ['a', 'b'] } }),
    'DELETE /contacts/{contactId}': async () => call(sim(), 'DELETE', `/contacts/${await newContact()}`),
    'POST /contacts/upsert': () => call(sim(), 'POST', '/contacts/upsert', { body: { locationId: loc().id, email: contacts()[2]!.email ?? 'upsert@example.com', firstName: 'Upserted' } }),
    'POST /contacts/{contactId}/tags': () => call(sim(), 'POST', `/contacts/${contacts()[3]!.id}/tags`, { body: { tags: ['new-tag'] } }),
    'DELETE /contacts/{contactId}/tags': () => call(sim(), 'DELETE', `/contacts/${contacts()[3]!.id}/tags`, { body: { tags: ['new-tag'] } }),
    'POST /contacts/bulk/tags/update/{type}': () => call(sim(), 'POST', '/contacts/bulk/tags/update/add', { body: { locationId: loc().id, contacts: [contacts()[4]!.id, contacts()[5]!.id], tags: ['bulk'] } }),
    'POST /contacts/bulk/business': () => call(sim(), 'POST', '/contacts/bulk/business', { body: { locationId: loc().id, ids: [contacts()[6]!.id], businessId: withBusiness().businessId } }),
    'POST /contacts/{contactId}/followers': () => call(sim(), 'POST', `/contacts/${contacts()[9]!.id}/followers`, { body: { followers: ['user0000000000000001'] } }),
    'DELETE /contacts/{contactId}/followers': () => call(sim(), 'DELETE', `/contacts/${contacts()[9]!.id}/followers`, { body: { followers: ['user0000000000000001'] } }),
    'GET /businesses/{businessId}': () => call(sim(), 'GET', `/businesses/${withBusiness().businessId}`),
    'GET /businesses/': () => call(sim(), 'GET', '/businesses/', { query: { locationId: loc().id, limit: '2', skip: '1' } }),
    'POST /businesses/': () => call(sim(), 'POST', '/businesses/', { body: { name: 'Contoso', locationId: loc().id, city: 'Springfield' } }),
    'PUT /businesses/{businessId}': () => call(sim(), 'PUT', `/businesses/${withBusiness().businessId}`, { body: { phone: '+15550100000' } }),
    'DELETE /businesses/{businessId}': async () => {
      const made = await call(sim(), 'POST', '/businesses/', { body: { name: 'Doomed', locationId: loc().id } });
      return call(sim(), 'DELETE', `/businesses/${made.body.buiseness.id}`);
    },
    'POST /oauth/token': () =>
      call(sim(), 'POST', '/oauth/token', {
        token: null,
        version: null,
        form: { client_id: sim().oauthApp.clientId, client_secret: sim().oauthApp.clientSecret, grant_type: 'authorization_code', code: createAuthorizationCode(sim().store, { locationId: loc().id }) },
      }),
    'POST /oauth/locationToken': () => call(sim(), 'POST', '/oauth/locationToken', { token: sim().agency.accessToken, form: { companyId: sim().agency.companyId, locationId: loc().id } }),
    'GET /oauth/installedLocations': () =>
      call(sim(), 'GET', '/oauth/installedLocations', { token: sim().agency.accessToken, query: { companyId: sim().agency.companyId, appId: sim().oauthApp.appId, skip: '0', limit: '10' } }),
  };
};

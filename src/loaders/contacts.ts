import type { ContactPage, LegacyContactsArgs } from '../ghl/endpoints/contacts-lists.js';
import { findDuplicateContact, getContactsByBusiness, listContactsLegacy } from '../ghl/endpoints/contacts-lists.js';
import type { ContactSearchBody, ContactSearchResult, GhlContact } from '../ghl/endpoints/contacts.js';
import { getContact, searchContacts } from '../ghl/endpoints/contacts.js';
import { loaderKit, primingList, type LoaderDeps } from './kit.js';

/** How long each contacts resource may be served from the cross-request cache. */
export const TTL_MS = {
  contact: 30_000,
  contactSearch: 15_000,
  contactsByBusiness: 15_000,
  contactListLegacy: 15_000,
  /** A duplicate check guards a create: serve it fresh-ish, a stale "no duplicate" costs a 400 later. */
  contactDuplicate: 5_000,
  contactFollowers: 30_000,
};

/**
 * Key of a child record read through its contact (`GET /contacts/{contactId}/tasks/{taskId}`):
 * the task and note loaders (tasks.ts, notes.ts) are keyed by it.
 */
export const childKey = (contactId: string, id: string): string => `${contactId}/${id}`;
export const splitChildKey = (key: string): [string, string] => {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
};

export interface ContactsByBusinessArgs {
  businessId: string;
  skip: number;
  limit: number;
  query?: string;
}

export function createContactLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const contact = kit.byId<GhlContact>('contact', TTL_MS.contact, (id) => getContact(ghl, id));
  const contactSearch = kit.byArgs<ContactSearchBody, ContactSearchResult>('contactSearch', TTL_MS.contactSearch, (body) => searchContacts(ghl, body));
  const contactsByBusiness = kit.byArgs<ContactsByBusinessArgs, ContactPage>('contactsByBusiness', TTL_MS.contactsByBusiness, ({ businessId, ...page }) =>
    getContactsByBusiness(ghl, businessId, page),
  );
  const contactListLegacy = kit.byArgs<LegacyContactsArgs, ContactPage>('contactListLegacy', TTL_MS.contactListLegacy, (args) => listContactsLegacy(ghl, args));
  return {
    contact,
    // Whole contacts that arrive in a list are primed into `contact`, so `contact(id)` is free afterwards.
    contactSearch: primingList(contactSearch, contact, (r) => r.contacts),
    contactsByBusiness: primingList(contactsByBusiness, contact, (r) => r.contacts),
    contactListLegacy: primingList(contactListLegacy, contact, (r) => r.contacts),
    contactDuplicate: kit.byArgs<{ email?: string; phone?: string }, GhlContact | null>('contactDuplicate', TTL_MS.contactDuplicate, (by) => findDuplicateContact(ghl, by)),
    /**
     * Follower ids of a contact. `GET /contacts/{id}` does not carry them (`GetContectByIdSchema`
     * has no `followers`); search results do, so this is a one-contact search by id.
     */
    contactFollowers: kit.byId<string[]>('contactFollowers', TTL_MS.contactFollowers, async (id) => {
      const { contacts } = await searchContacts(ghl, { locationId: ghl.credential.locationId, pageLimit: 1, filters: [{ field: 'id', operator: 'eq', value: id }] });
      return contacts[0]?.followers ?? [];
    }),
  };
}

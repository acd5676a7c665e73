import type { ContactPage, LegacyContactsArgs } from '../ghl/endpoints/contact-lists.js';
import { findDuplicateContact, getContactsByBusiness, listContactsLegacy } from '../ghl/endpoints/contact-lists.js';
import type { ContactSearchBody, ContactSearchResult, GhlContact, GhlEvent, GhlNote, GhlTask } from '../ghl/endpoints/contacts.js';
import { getContact, getContactAppointments, getContactNotes, getContactTasks, searchContacts } from '../ghl/endpoints/contacts.js';
import { getNote } from '../ghl/endpoints/notes.js';
import { getTask } from '../ghl/endpoints/tasks.js';
import { loaderKit, primingList, type LoaderDeps } from './kit.js';

/** How long each contacts resource may be served from the cross-request cache. */
export const TTL_MS = {
  contact: 30_000,
  contactSearch: 15_000,
  contactTasks: 30_000,
  contactNotes: 30_000,
  contactAppointments: 30_000,
  contactTask: 30_000,
  contactNote: 30_000,
  contactsByBusiness: 15_000,
  contactListLegacy: 15_000,
  /** A duplicate check guards a create: serve it fresh-ish, a stale "no duplicate" costs a 400 later. */
  contactDuplicate: 5_000,
  contactFollowers: 30_000,
};

/** Key of a child record read through its contact (`GET /contacts/{contactId}/tasks/{taskId}`). */
export const childKey = (contactId: string, id: string): string => `${contactId}/${id}`;
const splitChildKey = (key: string): [string, string] => {
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
    contactTasks: kit.byId<GhlTask[]>('contactTasks', TTL_MS.contactTasks, (id) => getContactTasks(ghl, id)),
    contactNotes: kit.byId<GhlNote[]>('contactNotes', TTL_MS.contactNotes, (id) => getContactNotes(ghl, id)),
    contactAppointments: kit.byId<GhlEvent[]>('contactAppointments', TTL_MS.contactAppointments, (id) => getContactAppointments(ghl, id)),
    /** Keyed by `childKey(contactId, taskId)`. */
    contactTask: kit.byId<GhlTask>('contactTask', TTL_MS.contactTask, (key) => getTask(ghl, ...splitChildKey(key))),
    /** Keyed by `childKey(contactId, noteId)`. */
    contactNote: kit.byId<GhlNote>('contactNote', TTL_MS.contactNote, (key) => getNote(ghl, ...splitChildKey(key))),
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

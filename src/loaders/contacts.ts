import type { ContactSearchBody, ContactSearchResult, GhlContact, GhlEvent, GhlNote, GhlTask } from '../ghl/endpoints/contacts.js';
import { getContact, getContactAppointments, getContactNotes, getContactTasks, searchContacts } from '../ghl/endpoints/contacts.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** How long each contacts resource may be served from the cross-request cache. */
export const TTL_MS = {
  contact: 30_000,
  contactSearch: 15_000,
  contactTasks: 30_000,
  contactNotes: 30_000,
  contactAppointments: 30_000,
};

export function createContactLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const contact = kit.byId<GhlContact>('contact', TTL_MS.contact, (id) => getContact(ghl, id));
  const contactSearch = kit.byArgs<ContactSearchBody, ContactSearchResult>('contactSearch', TTL_MS.contactSearch, async (body) => searchContacts(ghl, body));
  return {
    contact,
    /** A search page; its whole contacts are primed into `contact`, so `contact(id)` is free afterwards. */
    contactSearch: {
      async load(body: ContactSearchBody): Promise<ContactSearchResult> {
        const result = await contactSearch.load(body);
        for (const c of result.contacts) contact.prime(c.id, c);
        return result;
      },
      clearAll: () => contactSearch.clearAll(),
    },
    contactTasks: kit.byId<GhlTask[]>('contactTasks', TTL_MS.contactTasks, (id) => getContactTasks(ghl, id)),
    contactNotes: kit.byId<GhlNote[]>('contactNotes', TTL_MS.contactNotes, (id) => getContactNotes(ghl, id)),
    contactAppointments: kit.byId<GhlEvent[]>('contactAppointments', TTL_MS.contactAppointments, (id) => getContactAppointments(ghl, id)),
  };
}

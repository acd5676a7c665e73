import type { GhlNote } from '../ghl/endpoints/contacts.js';
import { getContactNotes } from '../ghl/endpoints/contacts.js';
import { getNote } from '../ghl/endpoints/notes.js';
import { splitChildKey } from './contacts.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** How long a contact's notes may be served from the cross-request cache. */
export const TTL_MS = { contactNotes: 30_000, contactNote: 30_000 };

/** GHL files notes under their contact (apps/contacts.json), so every read goes through one. */
export function createNoteLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    /** A contact's notes, keyed by contact id. */
    contactNotes: kit.byId<GhlNote[]>('contactNotes', TTL_MS.contactNotes, (contactId) => getContactNotes(deps.ghl, contactId)),
    /** Keyed by `childKey(contactId, noteId)`. */
    contactNote: kit.byId<GhlNote>('contactNote', TTL_MS.contactNote, (key) => getNote(deps.ghl, ...splitChildKey(key))),
  };
}

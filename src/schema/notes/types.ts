import type { GhlNote } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';

export const Note = builder.objectRef<GhlNote>('Note').implement({
  description: 'A note written on a contact.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's note id." }),
    body: t.string({ nullable: true, description: 'Text of the note.', resolve: (n) => n.body ?? null }),
    title: t.string({ nullable: true, description: 'Optional title.', resolve: (n) => n.title ?? null }),
    pinned: t.boolean({ description: 'Whether the note is pinned to the top.', resolve: (n) => n.pinned ?? false }),
    color: t.string({ nullable: true, description: 'Highlight colour as a hex string, e.g. `#FFAA00`.', resolve: (n) => n.color ?? null }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When the note was written.', resolve: (n) => n.dateAdded ?? null }),
    userId: t.id({ nullable: true, description: 'Id of the GHL user who wrote the note.', resolve: (n) => n.userId ?? null }),
    contactId: t.id({ nullable: true, description: 'Id of the contact the note is on.', resolve: (n) => n.contactId ?? null }),
  }),
});

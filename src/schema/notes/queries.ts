import { childKey } from '../../loaders/contacts.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { Note } from './types.js';

builder.queryField('contactNote', (t) =>
  t.field({
    ...traced('One note on a contact; null with a NOT_FOUND error when the contact has no such note.', 'GET /contacts/{contactId}/notes/{id}'),
    type: Note,
    nullable: true,
    args: {
      contactId: t.arg.id({ required: true, description: "GHL's id of the contact the note is on." }),
      id: t.arg.id({ required: true, description: "GHL's note id." }),
    },
    resolve: (_root, { contactId, id }, ctx) => ctx.loaders.contactNote.read(childKey(contactId, id)),
  }),
);

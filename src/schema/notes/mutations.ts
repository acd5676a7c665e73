import { createNote, deleteNote, updateNote, type NoteWriteBody } from '../../ghl/endpoints/notes.js';
import { childKey } from '../../loaders/contacts.js';
import { builder, type BuilderTypes } from '../builder.js';
import type { StaleEntries } from '../../loaders/resources.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, nonBlank, oneOf } from '../shared/validate.js';
import { Note } from './types.js';

/** Note writes. A note is addressed through its contact, as GHL's paths do. */

const NOT_FOUND_FIELD = { Contact: 'contactId', Note: 'id' };
const NOTE_FIELDS = ['body', 'title', 'color', 'pinned', 'userId'] as const;
/** `#RGB` or `#RRGGBB`: what `Note.color` promises to readers. */
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

interface NoteFields {
  body?: string | null;
  title?: string | null;
  color?: string | null;
  pinned?: boolean | null;
  userId?: string | null;
}

const noteFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  title: t.string({ description: 'Optional title.' }),
  color: t.string({ description: 'Highlight colour as a hex string, e.g. `#FFAA00`.' }),
  pinned: t.boolean({ description: 'Whether the note is pinned to the top.' }),
  userId: t.id({ description: 'Id of the GHL user to show as its author.' }),
});

const ContactNoteCreateInput = builder.inputType('ContactNoteCreateInput', {
  description: 'A new note on a contact.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact to write on." }),
    body: t.string({ required: true, description: 'Text of the note.' }),
    ...noteFields(t),
  }),
});

const ContactNoteUpdateInput = builder.inputType('ContactNoteUpdateInput', {
  description: 'A note and the changes to make; fields left out stay as they are.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact the note is on." }),
    id: t.id({ required: true, description: "GHL's note id." }),
    body: t.string({ description: 'Text of the note.' }),
    ...noteFields(t),
  }),
});

const ContactNoteDeleteInput = builder.inputType('ContactNoteDeleteInput', {
  description: 'A note to delete.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact the note is on." }),
    id: t.id({ required: true, description: "GHL's note id." }),
  }),
});

const notePayload = (name: string, mutation: string) =>
  recordPayload(name, `Result of \`${mutation}\`.`, 'note', Note, 'The note after the change; null when nothing changed.');

const ContactNoteDeletePayload = deletedIdPayload('ContactNoteDeletePayload', 'Result of `contactNoteDelete`.', 'deletedNoteId', 'Id of the deleted note; null when nothing was deleted.');

function checks(input: NoteFields) {
  const color = input.color;
  return collect(
    nonBlank(['input', 'body'], input.body),
    color != null && !HEX_COLOR.test(color) ? { code: 'INVALID', field: ['input', 'color'], message: 'color must be a hex colour such as #FFAA00.' } : null,
  );
}

function toBody(input: NoteFields): NoteWriteBody {
  const body: NoteWriteBody = {};
  for (const key of NOTE_FIELDS) {
    const v = input[key];
    if (v !== null && v !== undefined) (body as Record<string, unknown>)[key] = v;
  }
  return body;
}

/** After a write to a note its cached reads are stale; watchers of the contact's notes hear of it at once. */
const noteWritten = (contactId: string, noteId: string): StaleEntries => ({ records: { contactNotes: [contactId], contactNote: [childKey(contactId, noteId)] } });

builder.mutationFields((t) => ({
  contactNoteCreate: t.field({
    ...traced('Writes a note on a contact.', 'POST /contacts/{contactId}/notes'),
    type: notePayload('ContactNoteCreatePayload', 'contactNoteCreate'),
    args: { input: t.arg({ type: ContactNoteCreateInput, required: true, description: 'The contact and the note.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: NOTE_FIELDS,
        notFoundField: ['input', 'contactId'],
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () => createNote(ctx.ghl, input.contactId, { ...toBody(input), body: input.body }),
        stale: (note) => noteWritten(input.contactId, note.id),
        publish: (note) => ({ upsert: 'contactNote', record: { ...note, contactId: input.contactId } }),
      });
      return { note: result, userErrors };
    },
  }),
  contactNoteUpdate: t.field({
    ...traced('Changes a note on a contact.', 'PUT /contacts/{contactId}/notes/{id}'),
    type: notePayload('ContactNoteUpdatePayload', 'contactNoteUpdate'),
    args: { input: t.arg({ type: ContactNoteUpdateInput, required: true, description: 'The note and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: [...checks(input), ...collect(oneOf(NOTE_FIELDS.map((f) => ['input', f]), NOTE_FIELDS.map((f) => input[f])))],
        inputFields: NOTE_FIELDS,
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () => updateNote(ctx.ghl, input.contactId, input.id, toBody(input)),
        stale: noteWritten(input.contactId, input.id),
        publish: (note) => ({ upsert: 'contactNote', record: { ...note, contactId: input.contactId } }),
      });
      return { note: result, userErrors };
    },
  }),
  contactNoteDelete: t.field({
    ...traced('Deletes a note on a contact.', 'DELETE /contacts/{contactId}/notes/{id}'),
    type: ContactNoteDeletePayload,
    args: { input: t.arg({ type: ContactNoteDeleteInput, required: true, description: 'The note to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { ok, userErrors } = await runMutation(ctx, {
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () => deleteNote(ctx.ghl, input.contactId, input.id),
        stale: noteWritten(input.contactId, input.id),
        publish: () => ({ delete: 'contactNote', record: { id: input.id, contactId: input.contactId } }),
      });
      return { deletedNoteId: ok ? input.id : null, userErrors };
    },
  }),
}));

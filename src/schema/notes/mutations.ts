import type { GraphQLContext } from '../../context.js';
import type { GhlNote } from '../../ghl/endpoints/contacts.js';
import { createNote, deleteNote, updateNote, type NoteWriteBody } from '../../ghl/endpoints/notes.js';
import { childKey } from '../../loaders/contacts.js';
import { builder, type BuilderTypes } from '../builder.js';
import { runMutation, UserError, type UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { invalidateAfterWrite } from '../shared/invalidate.js';
import { publishWrite } from '../shared/publish-write.js';
import { collect, nonBlank, oneOf } from '../shared/validate.js';
import { placeNotFound } from '../contacts/inputs.js';
import { Note } from './types.js';

/** Note writes. A note is addressed through its contact, as GHL's paths do. */

const RECORD_FIELDS = { Contact: 'contactId', Note: 'id' };
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
  builder.objectRef<{ note: GhlNote | null; userErrors: UserErrorShape[] }>(name).implement({
    description: `Result of \`${mutation}\`.`,
    fields: (t) => ({
      note: t.field({ type: Note, nullable: true, description: 'The note after the change; null when nothing changed.', resolve: (p) => p.note }),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });

const ContactNoteDeletePayload = builder.objectRef<{ deletedNoteId: string | null; userErrors: UserErrorShape[] }>('ContactNoteDeletePayload').implement({
  description: 'Result of `contactNoteDelete`.',
  fields: (t) => ({
    deletedNoteId: t.id({ nullable: true, description: 'Id of the deleted note; null when nothing was deleted.', resolve: (p) => p.deletedNoteId }),
    userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
  }),
});

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

/** After a write to a note: its cached reads are stale, and watchers of the contact's notes hear of it at once. */
async function noteWritten(ctx: GraphQLContext, contactId: string, noteId: string, note: object | null): Promise<void> {
  await invalidateAfterWrite(ctx, { records: { contactNotes: [contactId], contactNote: [childKey(contactId, noteId)] } });
  if (note) publishWrite(ctx, 'contactNote', 'UPSERT', { ...note, contactId });
  else publishWrite(ctx, 'contactNote', 'DELETE', { id: noteId, contactId });
}

builder.mutationFields((t) => ({
  contactNoteCreate: t.field({
    ...traced('Writes a note on a contact.', 'POST /contacts/{contactId}/notes'),
    type: notePayload('ContactNoteCreatePayload', 'contactNoteCreate'),
    args: { input: t.arg({ type: ContactNoteCreateInput, required: true, description: 'The contact and the note.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: checks(input),
        inputFields: NOTE_FIELDS,
        notFoundField: ['input', 'contactId'],
        perform: () => createNote(ctx.ghl, input.contactId, { ...toBody(input), body: input.body }),
      });
      if (result) await noteWritten(ctx, input.contactId, result.id, result);
      return { note: result, userErrors: placeNotFound(userErrors, RECORD_FIELDS) };
    },
  }),
  contactNoteUpdate: t.field({
    ...traced('Changes a note on a contact.', 'PUT /contacts/{contactId}/notes/{id}'),
    type: notePayload('ContactNoteUpdatePayload', 'contactNoteUpdate'),
    args: { input: t.arg({ type: ContactNoteUpdateInput, required: true, description: 'The note and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: [...checks(input), ...collect(oneOf(NOTE_FIELDS.map((f) => ['input', f]), NOTE_FIELDS.map((f) => input[f])))],
        inputFields: NOTE_FIELDS,
        perform: () => updateNote(ctx.ghl, input.contactId, input.id, toBody(input)),
      });
      if (result) await noteWritten(ctx, input.contactId, input.id, result);
      return { note: result, userErrors: placeNotFound(userErrors, RECORD_FIELDS) };
    },
  }),
  contactNoteDelete: t.field({
    ...traced('Deletes a note on a contact.', 'DELETE /contacts/{contactId}/notes/{id}'),
    type: ContactNoteDeletePayload,
    args: { input: t.arg({ type: ContactNoteDeleteInput, required: true, description: 'The note to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: [],
        inputFields: [],
        perform: async () => {
          await deleteNote(ctx.ghl, input.contactId, input.id);
          return input.id;
        },
      });
      if (result) await noteWritten(ctx, input.contactId, input.id, null);
      return { deletedNoteId: result, userErrors: placeNotFound(userErrors, RECORD_FIELDS) };
    },
  }),
}));

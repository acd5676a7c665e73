import { createContact, deleteContact, type GhlContact, updateContact, upsertContact } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, mutationPayload, runMutation } from '../shared/mutation.js';
import { collect, oneOf } from '../shared/validate.js';
import { CONTACT_INPUT_FIELDS, CONTACT_LISTS, ContactPayload, contactInputFields, fieldChecks, toWriteBody } from './inputs.js';
import { Contact } from './types.js';

/**
 * The anchor for every domain's mutations: object-first names, one `input`, a payload with the
 * changed object and `userErrors`; input checks before any call; invalidation after.
 */

const ContactCreateInput = builder.inputType('ContactCreateInput', {
  description: 'A new contact. Give at least a first name, a name, an email or a phone number.',
  fields: (t) => contactInputFields(t, true),
});
const ContactUpdateInput = builder.inputType('ContactUpdateInput', {
  description: 'A contact and the changes to make; fields left out stay as they are.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's contact id." }), ...contactInputFields(t, false) }),
});
const ContactUpsertInput = builder.inputType('ContactUpsertInput', {
  description: 'A contact to create, or to merge into the existing contact with the same email (else phone).',
  fields: (t) => contactInputFields(t, true),
});

const ContactCreatePayload = ContactPayload('ContactCreatePayload', 'Result of `contactCreate`.');
const ContactUpdatePayload = ContactPayload('ContactUpdatePayload', 'Result of `contactUpdate`.');

const ContactUpsertPayload = mutationPayload<{ contact?: GhlContact | null; created?: boolean | null }>('ContactUpsertPayload', 'Result of `contactUpsert`.', (t) => ({
  contact: t.field({ type: Contact, nullable: true, description: 'The created or updated contact; null when nothing changed.', resolve: (p) => p.contact ?? null }),
  created: t.boolean({
    nullable: true,
    description: 'True when no contact matched and a new one was created; false when an existing contact was updated.',
    resolve: (p) => p.created ?? null,
  }),
}));

const ContactDeletePayload = deletedIdPayload('ContactDeletePayload', 'Result of `contactDelete`.', 'deletedContactId', 'Id of the deleted contact; null when nothing was deleted.');

const ContactDeleteInput = builder.inputType('ContactDeleteInput', {
  description: 'The contact to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's contact id." }) }),
});

builder.mutationFields((t) => ({
  contactCreate: t.field({
    ...traced('Creates a contact in the caller\'s location.', 'POST /contacts/'),
    type: ContactCreatePayload,
    args: { input: t.arg({ type: ContactCreateInput, required: true, description: 'The new contact.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(...fieldChecks(input), oneOf([['input', 'firstName'], ['input', 'name'], ['input', 'email'], ['input', 'phone']], [input.firstName, input.name, input.email, input.phone])),
        inputFields: CONTACT_INPUT_FIELDS,
        call: () => createContact(ctx.ghl, { locationId: ctx.credential.locationId, ...toWriteBody(input) }),
        stale: { lists: CONTACT_LISTS },
        publish: (contact) => ({ upsert: 'contact', record: contact }),
      });
      return { contact: result, userErrors };
    },
  }),
  contactUpdate: t.field({
    ...traced('Changes fields of a contact.', 'PUT /contacts/{contactId}'),
    type: ContactUpdatePayload,
    args: { input: t.arg({ type: ContactUpdateInput, required: true, description: 'The contact and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(...fieldChecks(input)),
        inputFields: CONTACT_INPUT_FIELDS,
        call: () => updateContact(ctx.ghl, input.id, toWriteBody(input)),
        stale: { records: { contact: [input.id] }, lists: CONTACT_LISTS },
        publish: (contact) => ({ upsert: 'contact', record: contact }),
      });
      return { contact: result, userErrors };
    },
  }),
  contactUpsert: t.field({
    ...traced('Creates a contact, or updates the one with the same email (else phone): GHL\'s duplicate rule decides.', 'POST /contacts/upsert'),
    type: ContactUpsertPayload,
    args: { input: t.arg({ type: ContactUpsertInput, required: true, description: 'The contact; its email or phone finds an existing one.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        // Without an email or phone nothing can match, and an upsert would silently be a create.
        checks: collect(...fieldChecks(input), oneOf([['input', 'email'], ['input', 'phone']], [input.email, input.phone])),
        inputFields: CONTACT_INPUT_FIELDS,
        call: () => upsertContact(ctx.ghl, { locationId: ctx.credential.locationId, ...toWriteBody(input) }),
        stale: (r) => ({ records: { contact: [r.contact.id] }, lists: CONTACT_LISTS }),
        publish: (r) => ({ upsert: 'contact', record: r.contact }),
      });
      return { contact: result?.contact ?? null, created: result?.created ?? null, userErrors };
    },
  }),
  contactDelete: t.field({
    ...traced('Deletes a contact, with its tasks and notes.', 'DELETE /contacts/{contactId}'),
    type: ContactDeletePayload,
    args: { input: t.arg({ type: ContactDeleteInput, required: true, description: 'The contact to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { ok, userErrors } = await runMutation(ctx, {
        call: () => deleteContact(ctx.ghl, input.id),
        stale: {
          records: { contact: [input.id], contactTasks: [input.id], contactNotes: [input.id], contactAppointments: [input.id], contactFollowers: [input.id] },
          // Single task and note reads are keyed by contact and child: a new generation drops them all.
          // GHL deletes the contact's opportunities and conversations with it: drop those lists too.
          lists: [...CONTACT_LISTS, 'contactTask', 'contactNote', 'opportunitySearch', 'opportunitiesByContact', 'conversationSearch'],
        },
        publish: () => ({ delete: 'contact', record: { id: input.id } }),
      });
      return { deletedContactId: ok ? input.id : null, userErrors };
    },
  }),
}));

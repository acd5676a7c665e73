import type { ContactWriteBody } from '../../ghl/endpoints/contacts.js';
import { addContactTags, createContact, deleteContact, updateContact } from '../../ghl/endpoints/contacts.js';
import { builder, type BuilderTypes } from '../builder.js';
import { runMutation, UserError } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { invalidateAfterWrite } from '../shared/invalidate.js';
import { collect, email, nonBlank, nonEmptyList, oneOf, phone } from '../shared/validate.js';
import { Contact } from './types.js';

/**
 * The anchor for every domain's mutations: object-first names, one `input`, a payload with the
 * changed object and `userErrors`; input checks before any call; invalidation after.
 */

const CONTACT_INPUT_FIELDS = ['firstName', 'lastName', 'name', 'email', 'phone', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'website', 'timezone', 'source', 'dnd', 'tags', 'assignedTo'] as const;

interface ContactFieldsInput {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  companyName?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  website?: string | null;
  timezone?: string | null;
  source?: string | null;
  dnd?: boolean | null;
  tags?: string[] | null;
  assignedTo?: string | null;
}

/** The writable fields shared by create and update. */
function contactInputFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, forCreate: boolean) {
  return {
    firstName: t.string({ description: 'First name.' }),
    lastName: t.string({ description: 'Last name.' }),
    name: t.string({ description: 'Full name, when first and last name are not given separately.' }),
    email: t.string({ description: 'Email address.' }),
    phone: t.string({ description: 'Phone number in E.164 form, e.g. `+14155550123`.' }),
    companyName: t.string({ description: 'Company name as typed on the contact.' }),
    address1: t.string({ description: 'Street address.' }),
    city: t.string({ description: 'City.' }),
    state: t.string({ description: 'State or region.' }),
    postalCode: t.string({ description: 'Postal code.' }),
    country: t.string({ description: 'Country, as a two-letter code (e.g. `US`).' }),
    website: t.string({ description: 'Website.' }),
    timezone: t.string({ description: 'IANA time zone, e.g. `America/Chicago`.' }),
    source: t.string({ description: 'Where the contact came from.' }),
    dnd: t.boolean({ description: 'Do-not-disturb for all channels.' }),
    tags: t.stringList({ description: forCreate ? 'Tags to set.' : 'Tags to set; replaces all tags. Use `contactTagsAdd` to add.' }),
    assignedTo: t.id({ description: 'Id of the GHL user who owns the contact.' }),
  };
}

function toWriteBody(input: ContactFieldsInput): ContactWriteBody {
  const body: ContactWriteBody = {};
  for (const key of CONTACT_INPUT_FIELDS) {
    const v = input[key];
    if (v !== null && v !== undefined) (body as Record<string, unknown>)[key] = v;
  }
  return body;
}

function fieldChecks(input: ContactFieldsInput) {
  return [
    email(['input', 'email'], input.email),
    phone(['input', 'phone'], input.phone),
    nonBlank(['input', 'firstName'], input.firstName),
    nonBlank(['input', 'lastName'], input.lastName),
  ];
}

const ContactCreateInput = builder.inputType('ContactCreateInput', {
  description: 'A new contact. Give at least a first name, a name, an email or a phone number.',
  fields: (t) => contactInputFields(t, true),
});
const ContactUpdateInput = builder.inputType('ContactUpdateInput', {
  description: 'A contact and the changes to make; fields left out stay as they are.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's contact id." }), ...contactInputFields(t, false) }),
});

const ContactPayload = (name: string, description: string) =>
  builder.objectRef<{ contact: unknown; userErrors: unknown[] }>(name).implement({
    description,
    fields: (t) => ({
      contact: t.field({ type: Contact, nullable: true, description: 'The contact after the change; null when nothing changed.', resolve: (p) => p.contact as never }),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors as never }),
    }),
  });

const ContactCreatePayload = ContactPayload('ContactCreatePayload', 'Result of `contactCreate`.');
const ContactUpdatePayload = ContactPayload('ContactUpdatePayload', 'Result of `contactUpdate`.');
const ContactTagsAddPayload = ContactPayload('ContactTagsAddPayload', 'Result of `contactTagsAdd`.');

const ContactDeletePayload = builder.objectRef<{ deletedContactId: string | null; userErrors: unknown[] }>('ContactDeletePayload').implement({
  description: 'Result of `contactDelete`.',
  fields: (t) => ({
    deletedContactId: t.id({ nullable: true, description: 'Id of the deleted contact; null when nothing was deleted.', resolve: (p) => p.deletedContactId }),
    userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors as never }),
  }),
});

const ContactIdInput = (name: string, description: string) =>
  builder.inputType(name, { description, fields: (t) => ({ id: t.id({ required: true, description: "GHL's contact id." }) }) });

const ContactDeleteInput = ContactIdInput('ContactDeleteInput', 'The contact to delete.');

const ContactTagsAddInput = builder.inputType('ContactTagsAddInput', {
  description: 'Tags to add to a contact; tags it already has are kept.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's contact id." }),
    tags: t.stringList({ required: true, description: 'Tags to add.' }),
  }),
});

builder.mutationFields((t) => ({
  contactCreate: t.field({
    ...traced('Creates a contact in the caller\'s location.', 'POST /contacts/'),
    type: ContactCreatePayload,
    args: { input: t.arg({ type: ContactCreateInput, required: true, description: 'The new contact.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: collect(...fieldChecks(input), oneOf([['input', 'firstName'], ['input', 'name'], ['input', 'email'], ['input', 'phone']], [input.firstName, input.name, input.email, input.phone])),
        inputFields: CONTACT_INPUT_FIELDS,
        perform: () => createContact(ctx.ghl, { locationId: ctx.credential.locationId, ...toWriteBody(input) }),
      });
      if (result) await invalidateAfterWrite(ctx, { lists: ['contactSearch'] });
      return { contact: result, userErrors };
    },
  }),
  contactUpdate: t.field({
    ...traced('Changes fields of a contact.', 'PUT /contacts/{contactId}'),
    type: ContactUpdatePayload,
    args: { input: t.arg({ type: ContactUpdateInput, required: true, description: 'The contact and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: collect(...fieldChecks(input)),
        inputFields: CONTACT_INPUT_FIELDS,
        perform: () => updateContact(ctx.ghl, input.id, toWriteBody(input)),
      });
      if (result) await invalidateAfterWrite(ctx, { records: { contact: [input.id] }, lists: ['contactSearch'] });
      return { contact: result, userErrors };
    },
  }),
  contactDelete: t.field({
    ...traced('Deletes a contact, with its tasks and notes.', 'DELETE /contacts/{contactId}'),
    type: ContactDeletePayload,
    args: { input: t.arg({ type: ContactDeleteInput, required: true, description: 'The contact to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: [],
        inputFields: [],
        perform: async () => {
          await deleteContact(ctx.ghl, input.id);
          return input.id;
        },
      });
      if (result) {
        await invalidateAfterWrite(ctx, {
          records: { contact: [input.id], contactTasks: [input.id], contactNotes: [input.id], contactAppointments: [input.id] },
          lists: ['contactSearch'],
        });
      }
      return { deletedContactId: result, userErrors };
    },
  }),
  contactTagsAdd: t.field({
    ...traced('Adds tags to a contact.', 'POST /contacts/{contactId}/tags'),
    type: ContactTagsAddPayload,
    args: { input: t.arg({ type: ContactTagsAddInput, required: true, description: 'The contact and the tags to add.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation({
        checks: collect(nonEmptyList(['input', 'tags'], input.tags), ...input.tags.map((tag, i) => nonBlank(['input', 'tags', String(i)], tag))),
        inputFields: ['tags'],
        perform: () => addContactTags(ctx.ghl, input.id, input.tags),
      });
      if (!result) return { contact: null, userErrors };
      await invalidateAfterWrite(ctx, { records: { contact: [input.id] }, lists: ['contactSearch'] });
      return { contact: await ctx.loaders.contact.load(input.id), userErrors };
    },
  }),
}));

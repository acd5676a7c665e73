import { addContactTags, bulkUpdateContactTags, removeContactTags } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import type { GraphQLContext } from '../../context.js';
import { traced } from '../shared/ghl-operation.js';
import { mutationPayload, runMutation, type WriteEvent } from '../shared/mutation.js';
import { collect, nonEmptyList } from '../shared/validate.js';
import { CONTACT_LISTS, ContactPayload, nonBlankEach } from './inputs.js';

/** Tag writes: on one contact (add, remove) and on many at once (bulk add or remove). */

const ContactTagsAddPayload = ContactPayload('ContactTagsAddPayload', 'Result of `contactTagsAdd`.');
const ContactTagsRemovePayload = ContactPayload('ContactTagsRemovePayload', 'Result of `contactTagsRemove`.');

const tagsInput = (name: string, description: string, verb: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      id: t.id({ required: true, description: "GHL's contact id." }),
      tags: t.stringList({ required: true, description: `Tags to ${verb}.` }),
    }),
  });

const ContactTagsAddInput = tagsInput('ContactTagsAddInput', 'Tags to add to a contact; tags it already has are kept.', 'add');
const ContactTagsRemoveInput = tagsInput('ContactTagsRemoveInput', 'Tags to take off a contact (matched case-insensitively); the others stay.', 'remove');

export const ContactTagsBulkAction = describedEnum('ContactTagsBulkAction', 'What a bulk tag update does to each contact.', {
  ADD: ['add', 'Add the tags; tags a contact already has are kept.'],
  REMOVE: ['remove', 'Remove the tags (or all tags, with `removeAllTags`).'],
});

const ContactsTagsBulkUpdateInput = builder.inputType('ContactsTagsBulkUpdateInput', {
  description: 'The same tag change applied to many contacts in one call.',
  fields: (t) => ({
    contactIds: t.idList({ required: true, description: "GHL ids of the contacts to change." }),
    action: t.field({ type: ContactTagsBulkAction, required: true, description: 'Add or remove.' }),
    tags: t.stringList({ required: true, description: 'Tags to add or remove; may be empty with `removeAllTags`.' }),
    removeAllTags: t.boolean({ description: 'With `REMOVE` only: take every tag off the contacts.' }),
  }),
});

interface BulkResult {
  succeeded: boolean | null;
  errorCount: number | null;
  results: string[];
}

const ContactsTagsBulkUpdatePayload = mutationPayload<BulkResult>('ContactsTagsBulkUpdatePayload', 'Result of `contactsTagsBulkUpdate`. Read the contacts again to see their tags.', (t) => ({
  succeeded: t.boolean({ nullable: true, description: 'Whether every contact was updated; null when the input was refused.', resolve: (p) => p.succeeded }),
  errorCount: t.int({ nullable: true, description: 'How many contacts could not be updated (e.g. unknown ids).', resolve: (p) => p.errorCount }),
  results: t.stringList({ description: "GHL's report, one line per contact, as GHL words it.", resolve: (p) => p.results }),
}));

/**
 * A tag write on one contact: GHL answers only the tags, so the contact is read again once its
 * cached copy is dropped, published as it now is, and answered from the same per-request load.
 */
const tagWrite = (ctx: GraphQLContext, id: string) => ({
  stale: { records: { contact: [id] }, lists: CONTACT_LISTS },
  publish: async (): Promise<WriteEvent> => ({ upsert: 'contact', record: await ctx.loaders.contact.load(id) }),
});

builder.mutationFields((t) => ({
  contactTagsAdd: t.field({
    ...traced('Adds tags to a contact.', 'POST /contacts/{contactId}/tags'),
    type: ContactTagsAddPayload,
    args: { input: t.arg({ type: ContactTagsAddInput, required: true, description: 'The contact and the tags to add.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonEmptyList(['input', 'tags'], input.tags), ...nonBlankEach(['input', 'tags'], input.tags)),
        inputFields: ['tags'],
        call: () => addContactTags(ctx.ghl, input.id, input.tags),
        ...tagWrite(ctx, input.id),
      });
      return { contact: result ? await ctx.loaders.contact.load(input.id) : null, userErrors };
    },
  }),
  contactTagsRemove: t.field({
    ...traced('Removes tags from a contact.', 'DELETE /contacts/{contactId}/tags'),
    type: ContactTagsRemovePayload,
    args: { input: t.arg({ type: ContactTagsRemoveInput, required: true, description: 'The contact and the tags to remove.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonEmptyList(['input', 'tags'], input.tags), ...nonBlankEach(['input', 'tags'], input.tags)),
        inputFields: ['tags'],
        call: () => removeContactTags(ctx.ghl, input.id, input.tags),
        ...tagWrite(ctx, input.id),
      });
      return { contact: result ? await ctx.loaders.contact.load(input.id) : null, userErrors };
    },
  }),
  contactsTagsBulkUpdate: t.field({
    ...traced('Adds or removes the same tags on many contacts at once.', 'POST /contacts/bulk/tags/update/{type}'),
    type: ContactsTagsBulkUpdatePayload,
    args: { input: t.arg({ type: ContactsTagsBulkUpdateInput, required: true, description: 'The contacts, the tags and what to do.' }) },
    resolve: async (_root, { input }, ctx) => {
      const removeAll = input.removeAllTags ?? false;
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(
          nonEmptyList(['input', 'contactIds'], input.contactIds),
          ...nonBlankEach(['input', 'contactIds'], input.contactIds),
          removeAll && input.action !== 'remove' ? { code: 'INVALID', field: ['input', 'removeAllTags'], message: 'removeAllTags works only with action REMOVE.' } : null,
          removeAll ? null : nonEmptyList(['input', 'tags'], input.tags),
          ...nonBlankEach(['input', 'tags'], input.tags),
        ),
        inputFields: ['contactIds', 'tags', 'removeAllTags'],
        fieldNames: { contacts: 'contactIds' },
        call: () => bulkUpdateContactTags(ctx.ghl, input.action, { contacts: input.contactIds, tags: input.tags, ...(removeAll ? { removeAllTags: true } : {}) }),
        stale: { records: { contact: input.contactIds }, lists: CONTACT_LISTS },
      });
      if (!result) return { succeeded: null, errorCount: null, results: [], userErrors };
      return { succeeded: result.succeded, errorCount: result.errorCount, results: result.responses, userErrors };
    },
  }),
}));

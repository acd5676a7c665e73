import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Catalog coverage for contacts (with their tasks, notes, tags and campaigns) and businesses. */

type UserErrors = { userErrors: unknown[] };

/** Runs a mutation and fails on GraphQL errors or user errors. */
async function mutate<T extends UserErrors>(stack: Stack, name: string, inputType: string, select: string, input: Record<string, unknown>): Promise<T> {
  const data = expectNoErrors(await stack.execute<Record<string, T>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`, { input }));
  const payload = data[name] as T;
  if (payload.userErrors.length) throw new Error(`${name} user errors: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** A fresh contact: nothing about it is cached yet, so every read below reaches GHL. */
async function freshContact(stack: Stack, tag: string, extra: Record<string, unknown> = {}): Promise<string> {
  const made = await mutate<UserErrors & { contact: { id: string } }>(stack, 'contactCreate', 'ContactCreateInput', 'contact { id }', { firstName: 'Coverage', lastName: tag, ...extra });
  return made.contact.id;
}

export const cases: CoverageCase[] = [
  {
    name: 'contacts: create, read with tasks/notes/appointments, update, upsert, tags, bulk tags, delete',
    operations: [
      'POST /contacts/',
      'GET /contacts/{contactId}',
      'GET /contacts/{contactId}/tasks',
      'GET /contacts/{contactId}/notes',
      'GET /contacts/{contactId}/appointments',
      'PUT /contacts/{contactId}',
      'POST /contacts/upsert',
      'POST /contacts/{contactId}/tags',
      'DELETE /contacts/{contactId}/tags',
      'POST /contacts/bulk/tags/update/{type}',
      'DELETE /contacts/{contactId}',
    ],
    async run(stack) {
      const id = await freshContact(stack, 'lifecycle', { email: 'coverage.lifecycle@example.com' });
      expectNoErrors(await stack.execute(`query($id: ID!) { contact(id: $id) { id tasks { id } notes { id } appointments { id } } }`, { id }));
      await mutate(stack, 'contactUpdate', 'ContactUpdateInput', 'contact { id }', { id, city: 'Springfield' });
      await mutate(stack, 'contactUpsert', 'ContactUpsertInput', 'created contact { id }', { email: 'coverage.lifecycle@example.com', lastName: 'Upserted' });
      await mutate(stack, 'contactTagsAdd', 'ContactTagsAddInput', 'contact { tags }', { id, tags: ['coverage', 'temp'] });
      await mutate(stack, 'contactTagsRemove', 'ContactTagsRemoveInput', 'contact { tags }', { id, tags: ['temp'] });
      await mutate(stack, 'contactsTagsBulkUpdate', 'ContactsTagsBulkUpdateInput', 'succeeded', { contactIds: [id], action: 'ADD', tags: ['bulk'] });
      await mutate(stack, 'contactDelete', 'ContactDeleteInput', 'deletedContactId', { id });
    },
  },
  {
    name: 'contacts: search, deprecated list, by business, duplicate check',
    operations: ['POST /contacts/search', 'GET /contacts/', 'GET /contacts/business/{businessId}', 'GET /contacts/search/duplicate'],
    async run(stack) {
      const data = expectNoErrors(
        await stack.execute<{ contacts: { nodes: { email: string | null }[] }; businesses: { nodes: { id: string }[] } }>(
          `{ contacts(first: 5, filter: { hasEmail: true }, sort: { field: EMAIL, direction: ASC }) { nodes { email } } businesses(first: 1) { nodes { id } } }`,
        ),
      );
      expectNoErrors(await stack.execute(`{ contactList(first: 3, query: "coverage-deprecated") { nodes { id } } }`));
      expectNoErrors(await stack.execute(`query($id: ID!) { contactsByBusiness(businessId: $id, first: 5) { totalCount } }`, { id: data.businesses.nodes[0]!.id }));
      expectNoErrors(await stack.execute(`query($email: String) { contactDuplicate(email: $email) { id } }`, { email: data.contacts.nodes[0]!.email }));
    },
  },
  {
    name: 'tasks: create, read one, update, complete, delete',
    operations: [
      'POST /contacts/{contactId}/tasks',
      'GET /contacts/{contactId}/tasks/{taskId}',
      'PUT /contacts/{contactId}/tasks/{taskId}',
      'PUT /contacts/{contactId}/tasks/{taskId}/completed',
      'DELETE /contacts/{contactId}/tasks/{taskId}',
    ],
    async run(stack) {
      const contactId = await freshContact(stack, 'tasks');
      const made = await mutate<UserErrors & { task: { id: string } }>(stack, 'contactTaskCreate', 'ContactTaskCreateInput', 'task { id }', { contactId, title: 'Call back', dueDate: '2025-02-01T10:00:00Z' });
      const id = made.task.id;
      expectNoErrors(await stack.execute(`query($c: ID!, $id: ID!) { contactTask(contactId: $c, id: $id) { id } }`, { c: contactId, id }));
      await mutate(stack, 'contactTaskUpdate', 'ContactTaskUpdateInput', 'task { id }', { contactId, id, body: 'About the quote.' });
      await mutate(stack, 'contactTaskComplete', 'ContactTaskCompleteInput', 'task { completed }', { contactId, id });
      await mutate(stack, 'contactTaskDelete', 'ContactTaskDeleteInput', 'deletedTaskId', { contactId, id });
    },
  },
  {
    name: 'notes: create, read one, update, delete',
    operations: ['POST /contacts/{contactId}/notes', 'GET /contacts/{contactId}/notes/{id}', 'PUT /contacts/{contactId}/notes/{id}', 'DELETE /contacts/{contactId}/notes/{id}'],
    async run(stack) {
      const contactId = await freshContact(stack, 'notes');
      const made = await mutate<UserErrors & { note: { id: string } }>(stack, 'contactNoteCreate', 'ContactNoteCreateInput', 'note { id }', { contactId, body: 'Met at the expo.' });
      const id = made.note.id;
      expectNoErrors(await stack.execute(`query($c: ID!, $id: ID!) { contactNote(contactId: $c, id: $id) { id } }`, { c: contactId, id }));
      await mutate(stack, 'contactNoteUpdate', 'ContactNoteUpdateInput', 'note { id }', { contactId, id, pinned: true });
      await mutate(stack, 'contactNoteDelete', 'ContactNoteDeleteInput', 'deletedNoteId', { contactId, id });
    },
  },
  {
    name: 'campaigns: list, enrol a contact, take it out of one and of all',
    operations: ['GET /campaigns/', 'POST /contacts/{contactId}/campaigns/{campaignId}', 'DELETE /contacts/{contactId}/campaigns/{campaignId}', 'DELETE /contacts/{contactId}/campaigns/removeAll'],
    async run(stack) {
      const contactId = await freshContact(stack, 'campaigns');
      const list = expectNoErrors(await stack.execute<{ campaigns: { nodes: { id: string }[] } }>(`{ campaigns(status: PUBLISHED) { nodes { id } } }`));
      const campaignId = list.campaigns.nodes[0]!.id;
      await mutate(stack, 'contactCampaignAdd', 'ContactCampaignAddInput', 'contact { id }', { contactId, campaignId });
      await mutate(stack, 'contactCampaignRemove', 'ContactCampaignRemoveInput', 'contact { id }', { contactId, campaignId });
      await mutate(stack, 'contactCampaignsRemoveAll', 'ContactCampaignsRemoveAllInput', 'contact { id }', { contactId });
    },
  },
  {
    name: 'businesses: list, create, read, update, move contacts in, delete',
    operations: ['GET /businesses/', 'POST /businesses/', 'GET /businesses/{businessId}', 'PUT /businesses/{businessId}', 'POST /contacts/bulk/business', 'DELETE /businesses/{businessId}'],
    async run(stack) {
      expectNoErrors(await stack.execute(`{ businesses(first: 3) { nodes { id } } }`));
      const made = await mutate<UserErrors & { business: { id: string } }>(stack, 'businessCreate', 'BusinessCreateInput', 'business { id }', { name: 'Coverage Co', city: 'Springfield' });
      const id = made.business.id;
      expectNoErrors(await stack.execute(`query($id: ID!) { business(id: $id) { name } }`, { id }));
      await mutate(stack, 'businessUpdate', 'BusinessUpdateInput', 'business { id }', { id, website: 'https://coverage.example.com' });
      const contactId = await freshContact(stack, 'business');
      await mutate(stack, 'contactsBusinessUpdate', 'ContactsBusinessUpdateInput', 'updatedContactIds', { contactIds: [contactId], businessId: id });
      await mutate(stack, 'businessDelete', 'BusinessDeleteInput', 'deletedBusinessId', { id });
    },
  },
];

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/**
 * Contact writes beyond create/update/delete: upsert, bulk tags, followers, task and note input
 * checks, and GHL's refusals turned into user errors on the right field.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const ERRORS = 'userErrors { code field message }';
type UserErrors = { code: string; field: string[] | null; message: string }[];
const calls = () => countByRoute(stack.upstream());
const store = () => stack.simulator.store;
const loc = () => stack.simulator.locations[0]!;

async function newContact(firstName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = expectNoErrors(
    await stack.execute<{ contactCreate: { contact: { id: string } } }>(`mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } } }`, {
      input: { firstName, ...extra },
    }),
  );
  return res.contactCreate.contact.id;
}

describe('contactUpsert', () => {
  const UPSERT = `mutation($input: ContactUpsertInput!) { contactUpsert(input: $input) { created contact { id firstName lastName email } ${ERRORS} } }`;
  type Upsert = { contactUpsert: { created: boolean | null; contact: { id: string; firstName: string; lastName: string | null } | null; userErrors: UserErrors } };

  it('creates when nothing matches, then updates the match', async () => {
    const first = expectNoErrors(await stack.execute<Upsert>(UPSERT, { input: { firstName: 'Uma', email: 'uma.upsert@example.com' } }));
    expect(first.contactUpsert).toMatchObject({ created: true, userErrors: [], contact: { firstName: 'Uma' } });
    const id = first.contactUpsert.contact!.id;
    const second = expectNoErrors(await stack.execute<Upsert>(UPSERT, { input: { lastName: 'Upsert', email: 'UMA.upsert@example.com' } }));
    expect(second.contactUpsert).toMatchObject({ created: false, userErrors: [], contact: { id, firstName: 'Uma', lastName: 'Upsert' } });
    expect(store().getContact(id)).toMatchObject({ firstName: 'Uma', lastName: 'Upsert' });
    expect(calls()).toEqual({ 'POST /contacts/upsert': 2 });
  });

  it('needs an email or a phone to match on, and checks their formats, before any call', async () => {
    const none = expectNoErrors(await stack.execute<Upsert>(UPSERT, { input: { firstName: 'Nobody' } }));
    expect(none.contactUpsert).toMatchObject({ created: null, contact: null, userErrors: [{ code: 'REQUIRED', field: ['input', 'email'] }] });
    const bad = expectNoErrors(await stack.execute<Upsert>(UPSERT, { input: { phone: '12' } }));
    expect(bad.contactUpsert.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'phone'] })]);
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe('bulk tags', () => {
  const BULK = `mutation($input: ContactsTagsBulkUpdateInput!) { contactsTagsBulkUpdate(input: $input) { succeeded errorCount results ${ERRORS} } }`;
  type Bulk = { contactsTagsBulkUpdate: { succeeded: boolean | null; errorCount: number | null; results: string[]; userErrors: UserErrors } };
  const TAGS = `query($a: ID!, $b: ID!) { a: contact(id: $a) { tags } b: contact(id: $b) { tags } }`;

  it('adds to many contacts, then takes every tag off; the graph shows each change', async () => {
    const a = await newContact('BulkA', { tags: ['x'] });
    const b = await newContact('BulkB');
    expectNoErrors(await stack.execute(TAGS, { a, b })); // cached now
    stack.resetLog();

    const added = expectNoErrors(await stack.execute<Bulk>(BULK, { input: { contactIds: [a, b], action: 'ADD', tags: ['bulk-1', 'bulk-2'] } }));
    expect(added.contactsTagsBulkUpdate).toMatchObject({ succeeded: true, errorCount: 0, userErrors: [] });
    expect(calls()).toEqual({ 'POST /contacts/bulk/tags/update/{type}': 1 });
    expect(stack.upstream()[0]).toMatchObject({ path: '/contacts/bulk/tags/update/add', status: 201 });
    const after = expectNoErrors(await stack.execute<{ a: { tags: string[] }; b: { tags: string[] } }>(TAGS, { a, b }));
    expect(after).toEqual({ a: { tags: ['x', 'bulk-1', 'bulk-2'] }, b: { tags: ['bulk-1', 'bulk-2'] } });

    stack.resetLog();
    const cleared = expectNoErrors(await stack.execute<Bulk>(BULK, { input: { contactIds: [a, b], action: 'REMOVE', tags: [], removeAllTags: true } }));
    expect(cleared.contactsTagsBulkUpdate).toMatchObject({ succeeded: true, errorCount: 0 });
    expect(stack.upstream()[0]).toMatchObject({ path: '/contacts/bulk/tags/update/remove' });
    expect(store().getContact(a)?.tags).toEqual([]);
    expect(expectNoErrors(await stack.execute(TAGS, { a, b }))).toEqual({ a: { tags: [] }, b: { tags: [] } });
  });

  it('reports unknown contacts in GHL\'s count, not as a failure of the whole call', async () => {
    const a = await newContact('BulkC');
    const res = expectNoErrors(await stack.execute<Bulk>(BULK, { input: { contactIds: [a, 'unknownContact0000000'], action: 'ADD', tags: ['y'] } }));
    expect(res.contactsTagsBulkUpdate).toMatchObject({ succeeded: false, errorCount: 1, userErrors: [] });
    expect(res.contactsTagsBulkUpdate.results).toHaveLength(2);
  });

  it('refuses removeAllTags with ADD, and no tags without it, before any call', async () => {
    const a = await newContact('BulkD');
    stack.resetLog();
    const wrong = expectNoErrors(await stack.execute<Bulk>(BULK, { input: { contactIds: [a], action: 'ADD', tags: ['z'], removeAllTags: true } }));
    expect(wrong.contactsTagsBulkUpdate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'removeAllTags'] })]);
    const empty = expectNoErrors(await stack.execute<Bulk>(BULK, { input: { contactIds: [], action: 'REMOVE', tags: [] } }));
    expect(empty.contactsTagsBulkUpdate.userErrors.map((e) => e.field)).toEqual([['input', 'contactIds'], ['input', 'tags']]);
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe('followers', () => {
  it('removes a follower and reports who was removed', async () => {
    const users = store().locations.get(loc().id)!.userIds;
    const id = await newContact('Followed');
    const ADD = `mutation($input: ContactFollowersAddInput!) { contactFollowersAdd(input: $input) { followerIds addedFollowerIds ${ERRORS} } }`;
    const REMOVE = `mutation($input: ContactFollowersRemoveInput!) { contactFollowersRemove(input: $input) { followerIds removedFollowerIds contact { followerIds } ${ERRORS} } }`;
    expectNoErrors(await stack.execute(ADD, { input: { contactId: id, followerIds: [users[0], users[1]] } }));
    const again = expectNoErrors(await stack.execute<{ contactFollowersAdd: { addedFollowerIds: string[] } }>(ADD, { input: { contactId: id, followerIds: [users[1]] } }));
    expect(again.contactFollowersAdd.addedFollowerIds).toEqual([]);
    stack.resetLog();
    const removed = expectNoErrors(await stack.execute(REMOVE, { input: { contactId: id, followerIds: [users[0]] } }));
    expect(removed).toEqual({ contactFollowersRemove: { followerIds: [users[1]], removedFollowerIds: [users[0]], contact: { followerIds: [users[1]] }, userErrors: [] } });
    expect(store().getContact(id)?.followers).toEqual([users[1]]);
    expect(calls()).toEqual({ 'DELETE /contacts/{contactId}/followers': 1, 'GET /contacts/{contactId}': 1, 'POST /contacts/search': 1 });
  });

  it('reports a missing contact on contactId', async () => {
    const res = expectNoErrors(
      await stack.execute<{ contactFollowersAdd: { userErrors: UserErrors } }>(`mutation($input: ContactFollowersAddInput!) { contactFollowersAdd(input: $input) { ${ERRORS} } }`, {
        input: { contactId: 'missingContact000000', followerIds: ['u1'] },
      }),
    );
    expect(res.contactFollowersAdd.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'contactId'] })]);
  });
});

describe('task and note input', () => {
  it('refuses blank titles, empty updates and bad colours before any call', async () => {
    const id = await newContact('Checks');
    stack.resetLog();
    const task = expectNoErrors(
      await stack.execute<{ contactTaskCreate: { userErrors: UserErrors } }>(`mutation($input: ContactTaskCreateInput!) { contactTaskCreate(input: $input) { task { id } ${ERRORS} } }`, {
        input: { contactId: id, title: '  ', dueDate: '2025-02-01T10:00:00Z' },
      }),
    );
    expect(task.contactTaskCreate.userErrors).toEqual([expect.objectContaining({ code: 'BLANK', field: ['input', 'title'] })]);
    const noChange = expectNoErrors(
      await stack.execute<{ contactTaskUpdate: { userErrors: UserErrors } }>(`mutation($input: ContactTaskUpdateInput!) { contactTaskUpdate(input: $input) { task { id } ${ERRORS} } }`, {
        input: { contactId: id, id: 'someTask000000000000' },
      }),
    );
    expect(noChange.contactTaskUpdate.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED' })]);
    const note = expectNoErrors(
      await stack.execute<{ contactNoteCreate: { userErrors: UserErrors } }>(`mutation($input: ContactNoteCreateInput!) { contactNoteCreate(input: $input) { note { id } ${ERRORS} } }`, {
        input: { contactId: id, body: 'Hi', color: 'orange' },
      }),
    );
    expect(note.contactNoteCreate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'color'] })]);
    expect(stack.upstream()).toHaveLength(0);
  });

  it('points GHL\'s 404 at the record it names: the task id, or the contact id', async () => {
    const id = await newContact('Missing');
    const COMPLETE = `mutation($input: ContactTaskCompleteInput!) { contactTaskComplete(input: $input) { task { id } ${ERRORS} } }`;
    const noTask = expectNoErrors(await stack.execute<{ contactTaskComplete: { userErrors: UserErrors } }>(COMPLETE, { input: { contactId: id, id: 'noSuchTask0000000000' } }));
    expect(noTask.contactTaskComplete.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    const noContact = expectNoErrors(await stack.execute<{ contactTaskComplete: { userErrors: UserErrors } }>(COMPLETE, { input: { contactId: 'noSuchContact0000000', id: 'x' } }));
    expect(noContact.contactTaskComplete.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'contactId'] })]);
  });

  it('updates a task and sees it in the contact\'s list at once', async () => {
    const id = await newContact('Tasks');
    const created = expectNoErrors(
      await stack.execute<{ contactTaskCreate: { task: { id: string } } }>(`mutation($input: ContactTaskCreateInput!) { contactTaskCreate(input: $input) { task { id } } }`, {
        input: { contactId: id, title: 'Call', dueDate: '2025-02-01T10:00:00Z', assignedTo: store().locations.get(loc().id)!.userIds[0] },
      }),
    );
    const taskId = created.contactTaskCreate.task.id;
    expectNoErrors(await stack.execute(`query($id: ID!) { contact(id: $id) { tasks { id title } } }`, { id })); // cached
    const updated = expectNoErrors(
      await stack.execute<{ contactTaskUpdate: { task: { title: string; dueDate: string } } }>(
        `mutation($input: ContactTaskUpdateInput!) { contactTaskUpdate(input: $input) { task { title dueDate } ${ERRORS} } }`,
        { input: { contactId: id, id: taskId, title: 'Call back', dueDate: '2025-02-03T10:00:00Z' } },
      ),
    );
    expect(updated.contactTaskUpdate.task).toEqual({ title: 'Call back', dueDate: '2025-02-03T10:00:00.000Z' });
    stack.resetLog();
    const read = expectNoErrors(await stack.execute<{ contact: { tasks: { id: string; title: string }[] } }>(`query($id: ID!) { contact(id: $id) { tasks { id title } } }`, { id }));
    expect(read.contact.tasks).toEqual([{ id: taskId, title: 'Call back' }]);
    expect(calls()).toEqual({ 'GET /contacts/{contactId}/tasks': 1 });
  });

  it('deletes a note; the single-note read then reports NOT_FOUND', async () => {
    const id = await newContact('Notes');
    const made = expectNoErrors(
      await stack.execute<{ contactNoteCreate: { note: { id: string } } }>(`mutation($input: ContactNoteCreateInput!) { contactNoteCreate(input: $input) { note { id } } }`, {
        input: { contactId: id, body: 'Temp' },
      }),
    );
    const noteId = made.contactNoteCreate.note.id;
    const READ = `query($c: ID!, $n: ID!) { contactNote(contactId: $c, id: $n) { body } }`;
    expect(expectNoErrors(await stack.execute(READ, { c: id, n: noteId }))).toEqual({ contactNote: { body: 'Temp' } });
    const del = expectNoErrors(await stack.execute(`mutation($input: ContactNoteDeleteInput!) { contactNoteDelete(input: $input) { deletedNoteId ${ERRORS} } }`, { input: { contactId: id, id: noteId } }));
    expect(del).toEqual({ contactNoteDelete: { deletedNoteId: noteId, userErrors: [] } });
    const gone = await stack.execute(READ, { c: id, n: noteId });
    expect(gone.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

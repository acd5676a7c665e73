import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/**
 * One contact's life through the graph: create, tag, a task (create, complete, delete), a note
 * (create, update), followers, a campaign and a workflow (join, leave), then everything read back
 * in one query. Each step checks the GraphQL answer, the simulator's record and the upstream calls.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const ERRORS = 'userErrors { code field message }';
const run = async <T>(query: string, input: Record<string, unknown>): Promise<T> => expectNoErrors(await stack.execute<T>(query, { input }));
const calls = () => countByRoute(stack.upstream());
/** Every upstream call of the step succeeded. */
const allOk = () => expect(stack.upstream().every((r) => r.status >= 200 && r.status < 300)).toBe(true);

describe('a contact, end to end', () => {
  let contactId = '';
  let taskId = '';
  let noteId = '';
  const store = () => stack.simulator.store;

  it('creates the contact', async () => {
    const { contactCreate } = await run<{ contactCreate: { contact: { id: string; tags: string[] }; userErrors: unknown[] } }>(
      `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id tags } ${ERRORS} } }`,
      { firstName: 'Flow', lastName: 'Tester', email: 'flow.tester@example.com', tags: ['start'] },
    );
    expect(contactCreate.userErrors).toEqual([]);
    contactId = contactCreate.contact.id;
    expect(store().getContact(contactId)).toMatchObject({ firstName: 'Flow', email: 'flow.tester@example.com', tags: ['start'] });
    expect(calls()).toEqual({ 'POST /contacts/': 1 });
  });

  it('adds tags, then removes one', async () => {
    const added = await run<{ contactTagsAdd: { contact: { tags: string[] }; userErrors: unknown[] } }>(
      `mutation($input: ContactTagsAddInput!) { contactTagsAdd(input: $input) { contact { tags } ${ERRORS} } }`,
      { id: contactId, tags: ['vip', 'webinar'] },
    );
    expect(added.contactTagsAdd).toEqual({ contact: { tags: ['start', 'vip', 'webinar'] }, userErrors: [] });
    // GHL answers only the tags; the contact is read again for the payload.
    expect(calls()).toEqual({ 'POST /contacts/{contactId}/tags': 1, 'GET /contacts/{contactId}': 1 });

    stack.resetLog();
    const removed = await run<{ contactTagsRemove: { contact: { tags: string[] }; userErrors: unknown[] } }>(
      `mutation($input: ContactTagsRemoveInput!) { contactTagsRemove(input: $input) { contact { tags } ${ERRORS} } }`,
      { id: contactId, tags: ['START'] },
    );
    expect(removed.contactTagsRemove).toEqual({ contact: { tags: ['vip', 'webinar'] }, userErrors: [] });
    expect(store().getContact(contactId)?.tags).toEqual(['vip', 'webinar']);
    expect(calls()).toEqual({ 'DELETE /contacts/{contactId}/tags': 1, 'GET /contacts/{contactId}': 1 });
    allOk();
  });

  it('adds a task, completes it and deletes it', async () => {
    const { contactTaskCreate } = await run<{ contactTaskCreate: { task: { id: string; title: string; completed: boolean; dueDate: string; contactId: string }; userErrors: unknown[] } }>(
      `mutation($input: ContactTaskCreateInput!) { contactTaskCreate(input: $input) { task { id title completed dueDate contactId } ${ERRORS} } }`,
      { contactId, title: 'Send the proposal', dueDate: '2025-02-01T15:00:00Z' },
    );
    expect(contactTaskCreate).toMatchObject({ task: { title: 'Send the proposal', completed: false, dueDate: '2025-02-01T15:00:00.000Z', contactId }, userErrors: [] });
    taskId = contactTaskCreate.task.id;
    expect(calls()).toEqual({ 'POST /contacts/{contactId}/tasks': 1 });
    expect(stack.upstream()[0]?.status).toBe(201);

    stack.resetLog();
    const { contactTaskComplete } = await run<{ contactTaskComplete: { task: { id: string; completed: boolean }; userErrors: unknown[] } }>(
      `mutation($input: ContactTaskCompleteInput!) { contactTaskComplete(input: $input) { task { id completed } ${ERRORS} } }`,
      { contactId, id: taskId },
    );
    expect(contactTaskComplete).toEqual({ task: { id: taskId, completed: true }, userErrors: [] });
    expect(store().getTask(taskId)?.completed).toBe(true);
    expect(calls()).toEqual({ 'PUT /contacts/{contactId}/tasks/{taskId}/completed': 1 });

    // The completed task reads back through the single-task query and the contact's list.
    stack.resetLog();
    const read = expectNoErrors(
      await stack.execute<{ contactTask: { completed: boolean }; contact: { tasks: { id: string; completed: boolean }[] } }>(
        `query($c: ID!, $t: ID!) { contactTask(contactId: $c, id: $t) { completed } contact(id: $c) { tasks { id completed } } }`,
        { c: contactId, t: taskId },
      ),
    );
    expect(read.contactTask.completed).toBe(true);
    expect(read.contact.tasks).toEqual([{ id: taskId, completed: true }]);
    // The contact itself is still cached from the tag step (a task write does not change it).
    expect(calls()).toEqual({ 'GET /contacts/{contactId}/tasks/{taskId}': 1, 'GET /contacts/{contactId}/tasks': 1 });

    stack.resetLog();
    const { contactTaskDelete } = await run<{ contactTaskDelete: unknown }>(
      `mutation($input: ContactTaskDeleteInput!) { contactTaskDelete(input: $input) { deletedTaskId ${ERRORS} } }`,
      { contactId, id: taskId },
    );
    expect(contactTaskDelete).toEqual({ deletedTaskId: taskId, userErrors: [] });
    expect(store().getTask(taskId)).toBeUndefined();
    expect(calls()).toEqual({ 'DELETE /contacts/{contactId}/tasks/{taskId}': 1 });
  });

  it('adds a note and updates it', async () => {
    const { contactNoteCreate } = await run<{ contactNoteCreate: { note: { id: string; body: string; pinned: boolean }; userErrors: unknown[] } }>(
      `mutation($input: ContactNoteCreateInput!) { contactNoteCreate(input: $input) { note { id body pinned } ${ERRORS} } }`,
      { contactId, body: 'Asked for annual pricing.', pinned: true },
    );
    expect(contactNoteCreate).toMatchObject({ note: { body: 'Asked for annual pricing.', pinned: true }, userErrors: [] });
    noteId = contactNoteCreate.note.id;
    expect(calls()).toEqual({ 'POST /contacts/{contactId}/notes': 1 });

    stack.resetLog();
    const { contactNoteUpdate } = await run<{ contactNoteUpdate: unknown }>(
      `mutation($input: ContactNoteUpdateInput!) { contactNoteUpdate(input: $input) { note { id body title color pinned } ${ERRORS} } }`,
      { contactId, id: noteId, body: 'Wants annual pricing, with a discount.', title: 'Pricing', color: '#FFAA00' },
    );
    expect(contactNoteUpdate).toEqual({ note: { id: noteId, body: 'Wants annual pricing, with a discount.', title: 'Pricing', color: '#FFAA00', pinned: true }, userErrors: [] });
    expect(store().getNote(noteId)).toMatchObject({ body: 'Wants annual pricing, with a discount.', title: 'Pricing' });
    expect(calls()).toEqual({ 'PUT /contacts/{contactId}/notes/{id}': 1 });
  });

  it('adds followers', async () => {
    const userIds = stack.simulator.store.locations.get(stack.simulator.locations[0]!.id)!.userIds.slice(0, 2);
    const { contactFollowersAdd } = await run<{ contactFollowersAdd: unknown }>(
      `mutation($input: ContactFollowersAddInput!) { contactFollowersAdd(input: $input) { followerIds addedFollowerIds ${ERRORS} } }`,
      { contactId, followerIds: userIds },
    );
    expect(contactFollowersAdd).toEqual({ followerIds: userIds, addedFollowerIds: userIds, userErrors: [] });
    expect(store().getContact(contactId)?.followers).toEqual(userIds);
    expect(calls()).toEqual({ 'POST /contacts/{contactId}/followers': 1 });
  });

  it('joins a campaign and a workflow, then leaves both', async () => {
    const lists = expectNoErrors(
      await stack.execute<{ campaigns: { nodes: { id: string; status: string }[] }; workflows: { nodes: { id: string; status: string }[] } }>(
        `{ campaigns { nodes { id status } } workflows { nodes { id status } } }`,
      ),
    );
    const campaignId = lists.campaigns.nodes.find((c) => c.status === 'PUBLISHED')!.id;
    const workflowId = lists.workflows.nodes.find((w) => w.status === 'PUBLISHED')!.id;
    expect(calls()).toEqual({ 'GET /campaigns/': 1, 'GET /workflows/': 1 });

    stack.resetLog();
    const joined = expectNoErrors(
      await stack.execute<{ contactCampaignAdd: { campaign: { id: string }; userErrors: unknown[] }; contactWorkflowAdd: { workflow: { id: string }; userErrors: unknown[] } }>(
        `mutation($c: ContactCampaignAddInput!, $w: ContactWorkflowAddInput!) {
          contactCampaignAdd(input: $c) { campaign { id } ${ERRORS} }
          contactWorkflowAdd(input: $w) { workflow { id } ${ERRORS} }
        }`,
        { c: { contactId, campaignId }, w: { contactId, workflowId, eventStartTime: '2025-03-01T09:00:00Z' } },
      ),
    );
    expect(joined).toEqual({ contactCampaignAdd: { campaign: { id: campaignId }, userErrors: [] }, contactWorkflowAdd: { workflow: { id: workflowId }, userErrors: [] } });
    expect(store().getContact(contactId)).toMatchObject({ campaigns: [campaignId], workflows: [workflowId] });
    // The campaign and workflow lists were cached by the query above: the payloads cost nothing more.
    expect(calls()).toEqual({ 'POST /contacts/{contactId}/campaigns/{campaignId}': 1, 'POST /contacts/{contactId}/workflow/{workflowId}': 1 });
    expect(stack.upstream().find((r) => r.route?.includes('campaigns'))?.status).toBe(201);

    stack.resetLog();
    const left = expectNoErrors(
      await stack.execute<{ contactCampaignRemove: { userErrors: unknown[] }; contactWorkflowRemove: { userErrors: unknown[] } }>(
        `mutation($c: ContactCampaignRemoveInput!, $w: ContactWorkflowRemoveInput!) {
          contactCampaignRemove(input: $c) { ${ERRORS} }
          contactWorkflowRemove(input: $w) { ${ERRORS} }
        }`,
        { c: { contactId, campaignId }, w: { contactId, workflowId } },
      ),
    );
    expect(left).toEqual({ contactCampaignRemove: { userErrors: [] }, contactWorkflowRemove: { userErrors: [] } });
    expect(store().getContact(contactId)).toMatchObject({ campaigns: [], workflows: [] });
    expect(calls()).toEqual({ 'DELETE /contacts/{contactId}/campaigns/{campaignId}': 1, 'DELETE /contacts/{contactId}/workflow/{workflowId}': 1 });
  });

  it('reads everything back through the graph in one query', async () => {
    const res = await stack.execute<{ contact: Record<string, unknown>; contactTask: null; contactNote: { body: string } }>(
      `query($id: ID!, $task: ID!, $note: ID!) {
        contact(id: $id) { id name email tags followerIds followers { id } tasks { id } notes { id body title color pinned } }
        contactTask(contactId: $id, id: $task) { id }
        contactNote(contactId: $id, id: $note) { body }
      }`,
      { id: contactId, task: taskId, note: noteId },
    );
    const followers = store().getContact(contactId)!.followers;
    expect(res.data).toEqual({
      contact: {
        id: contactId,
        name: 'Flow Tester',
        email: 'flow.tester@example.com',
        tags: ['vip', 'webinar'],
        followerIds: followers,
        followers: followers.map((id) => ({ id })),
        tasks: [],
        notes: [{ id: noteId, body: 'Wants annual pricing, with a discount.', title: 'Pricing', color: '#FFAA00', pinned: true }],
      },
      contactTask: null,
      contactNote: { body: 'Wants annual pricing, with a discount.' },
    });
    // The deleted task is gone: NOT_FOUND on that field only.
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['contactTask'], extensions: { code: 'NOT_FOUND' } });
    expect(calls()).toEqual({
      'GET /contacts/{contactId}': 1,
      // Followers are not in GHL's get-contact answer: one search by id fetches them.
      'POST /contacts/search': 1,
      'GET /contacts/{contactId}/tasks': 1,
      'GET /contacts/{contactId}/notes': 1,
      'GET /contacts/{contactId}/tasks/{taskId}': 1,
      'GET /contacts/{contactId}/notes/{id}': 1,
      // The follower ids are fetched once for both fields; each user once.
      'GET /users/{userId}': followers.length,
    });
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathParameterNames } from '../../src/ghl/request-path.js';
import { expectNoErrors, type GraphQLResponse, type Stack, startStack } from '../helpers/stack.js';

/**
 * Must-show of issue 8: every catalog operation with a path parameter, reached through the GraphQL
 * field that fills it, is sent `.`, `..`, `a/b`, `%2e%2e`, an empty string and a 5,000-character
 * value in that parameter. Each is refused with an error and no upstream call, so the simulator's
 * log stays empty (no request with a changed path, or any path) and its whole store is unchanged
 * (nothing changed or deleted).
 */

const HOSTILE = ['.', '..', 'a/b', '%2e%2e', '', 'x'.repeat(5000)];

const catalog = JSON.parse(readFileSync(new URL('../../src/ghl/openapi/operations.json', import.meta.url), 'utf8')) as { method: string; path: string }[];
const pathOperations = [...new Set(catalog.filter((op) => op.path.includes('{')).map((op) => `${op.method} ${op.path}`))];

/** Real records whose ids fill the other path parameters, so a collapsed path would hit them. */
interface Fixtures {
  contactId: string;
  taskId: string;
  noteId: string;
  appointmentId: string;
  calendarId: string;
  groupId: string;
  opportunityId: string;
  stageId: string;
  userId: string;
  conversationId: string;
  messageId: string;
  businessId: string;
  workflowId: string;
  campaignId: string;
  associationId: string;
  blogId: string;
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
  subscription?: boolean;
}

/** One GraphQL way to put a caller's value into one path parameter of one operation. */
interface Probe {
  operation: string;
  parameter: string;
  field: string;
  /** The parameter is an enum in GraphQL: the type system refuses strings before any resolver. */
  enumTyped?: boolean;
  request(value: string, f: Fixtures): Request;
}

/** Path parameters no caller value reaches: filled from the authenticated credential. */
const FROM_CREDENTIAL: Record<string, string[]> = {
  'GET /locations/{locationId}/customFields': ['locationId'],
  'GET /companies/{companyId}': ['companyId'],
  'GET /conversations/messages/{messageId}/locations/{locationId}/recording': ['locationId'],
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription': ['locationId'],
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download': ['locationId'],
};

const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function mutation(operation: string, parameter: string, name: string, input: (v: string, f: Fixtures) => Record<string, unknown>): Probe {
  return {
    operation,
    parameter,
    field: `Mutation.${name}`,
    request: (v, f) => ({ query: `mutation($input: ${upperFirst(name)}Input!) { ${name}(input: $input) { userErrors { code } } }`, variables: { input: input(v, f) } }),
  };
}

/** `args` uses `$v` for the value under test; other arguments are inline. */
function query(operation: string, parameter: string, name: string, vType: string, args: (f: Fixtures) => string, select = '{ __typename }'): Probe {
  return {
    operation,
    parameter,
    field: `Query.${name}`,
    ...(vType.startsWith('ID') || vType.startsWith('String') ? {} : { enumTyped: true }),
    request: (v, f) => ({ query: `query($v: ${vType}) { ${name}(${args(f)}) ${select} }`, variables: { v } }),
  };
}

function subscription(operation: string, parameter: string, name: string, argName: string): Probe {
  return {
    operation,
    parameter,
    field: `Subscription.${name}`,
    request: (v) => ({ query: `subscription($v: ID!) { ${name}(${argName}: $v) { kind } }`, variables: { v }, subscription: true }),
  };
}

const later = { startDate: '2030-01-01T00:00:00Z', endDate: '2030-01-02T00:00:00Z' };

const probes: Probe[] = [
  // contacts
  query('GET /contacts/{contactId}', 'contactId', 'contact', 'ID!', () => 'id: $v'),
  query('GET /contacts/business/{businessId}', 'businessId', 'contactsByBusiness', 'ID!', () => 'businessId: $v', '{ totalCount }'),
  subscription('GET /contacts/{contactId}/appointments', 'contactId', 'contactAppointmentsChanged', 'contactId'),
  subscription('GET /contacts/{contactId}/tasks', 'contactId', 'contactTasksChanged', 'contactId'),
  subscription('GET /contacts/{contactId}/notes', 'contactId', 'contactNotesChanged', 'contactId'),
  query('GET /contacts/{contactId}/tasks/{taskId}', 'contactId', 'contactTask', 'ID!', (f) => `contactId: $v, id: "${f.taskId}"`),
  query('GET /contacts/{contactId}/tasks/{taskId}', 'taskId', 'contactTask', 'ID!', (f) => `contactId: "${f.contactId}", id: $v`),
  query('GET /contacts/{contactId}/notes/{id}', 'contactId', 'contactNote', 'ID!', (f) => `contactId: $v, id: "${f.noteId}"`),
  query('GET /contacts/{contactId}/notes/{id}', 'id', 'contactNote', 'ID!', (f) => `contactId: "${f.contactId}", id: $v`),
  mutation('PUT /contacts/{contactId}', 'contactId', 'contactUpdate', (v) => ({ id: v, city: 'Nowhere' })),
  mutation('DELETE /contacts/{contactId}', 'contactId', 'contactDelete', (v) => ({ id: v })),
  mutation('POST /contacts/{contactId}/tags', 'contactId', 'contactTagsAdd', (v) => ({ id: v, tags: ['x'] })),
  mutation('DELETE /contacts/{contactId}/tags', 'contactId', 'contactTagsRemove', (v) => ({ id: v, tags: ['x'] })),
  { ...mutation('POST /contacts/bulk/tags/update/{type}', 'type', 'contactsTagsBulkUpdate', (v, f) => ({ action: v, contactIds: [f.contactId], tags: ['x'] })), enumTyped: true },
  mutation('POST /contacts/{contactId}/tasks', 'contactId', 'contactTaskCreate', (v) => ({ contactId: v, title: 'T', dueDate: '2030-01-01T00:00:00Z' })),
  mutation('PUT /contacts/{contactId}/tasks/{taskId}', 'contactId', 'contactTaskUpdate', (v, f) => ({ contactId: v, id: f.taskId, title: 'T' })),
  mutation('PUT /contacts/{contactId}/tasks/{taskId}', 'taskId', 'contactTaskUpdate', (v, f) => ({ contactId: f.contactId, id: v, title: 'T' })),
  mutation('PUT /contacts/{contactId}/tasks/{taskId}/completed', 'contactId', 'contactTaskComplete', (v, f) => ({ contactId: v, id: f.taskId })),
  mutation('PUT /contacts/{contactId}/tasks/{taskId}/completed', 'taskId', 'contactTaskComplete', (v, f) => ({ contactId: f.contactId, id: v })),
  mutation('DELETE /contacts/{contactId}/tasks/{taskId}', 'contactId', 'contactTaskDelete', (v, f) => ({ contactId: v, id: f.taskId })),
  mutation('DELETE /contacts/{contactId}/tasks/{taskId}', 'taskId', 'contactTaskDelete', (v, f) => ({ contactId: f.contactId, id: v })),
  mutation('POST /contacts/{contactId}/notes', 'contactId', 'contactNoteCreate', (v) => ({ contactId: v, body: 'B' })),
  mutation('PUT /contacts/{contactId}/notes/{id}', 'contactId', 'contactNoteUpdate', (v, f) => ({ contactId: v, id: f.noteId, body: 'B' })),
  mutation('PUT /contacts/{contactId}/notes/{id}', 'id', 'contactNoteUpdate', (v, f) => ({ contactId: f.contactId, id: v, body: 'B' })),
  mutation('DELETE /contacts/{contactId}/notes/{id}', 'contactId', 'contactNoteDelete', (v, f) => ({ contactId: v, id: f.noteId })),
  mutation('DELETE /contacts/{contactId}/notes/{id}', 'id', 'contactNoteDelete', (v, f) => ({ contactId: f.contactId, id: v })),
  mutation('POST /contacts/{contactId}/campaigns/{campaignId}', 'contactId', 'contactCampaignAdd', (v, f) => ({ contactId: v, campaignId: f.campaignId })),
  mutation('POST /contacts/{contactId}/campaigns/{campaignId}', 'campaignId', 'contactCampaignAdd', (v, f) => ({ contactId: f.contactId, campaignId: v })),
  mutation('DELETE /contacts/{contactId}/campaigns/{campaignId}', 'contactId', 'contactCampaignRemove', (v, f) => ({ contactId: v, campaignId: f.campaignId })),
  mutation('DELETE /contacts/{contactId}/campaigns/{campaignId}', 'campaignId', 'contactCampaignRemove', (v, f) => ({ contactId: f.contactId, campaignId: v })),
  mutation('DELETE /contacts/{contactId}/campaigns/removeAll', 'contactId', 'contactCampaignsRemoveAll', (v) => ({ contactId: v })),
  mutation('POST /contacts/{contactId}/workflow/{workflowId}', 'contactId', 'contactWorkflowAdd', (v, f) => ({ contactId: v, workflowId: f.workflowId })),
  mutation('POST /contacts/{contactId}/workflow/{workflowId}', 'workflowId', 'contactWorkflowAdd', (v, f) => ({ contactId: f.contactId, workflowId: v })),
  mutation('DELETE /contacts/{contactId}/workflow/{workflowId}', 'contactId', 'contactWorkflowRemove', (v, f) => ({ contactId: v, workflowId: f.workflowId })),
  mutation('DELETE /contacts/{contactId}/workflow/{workflowId}', 'workflowId', 'contactWorkflowRemove', (v, f) => ({ contactId: f.contactId, workflowId: v })),
  mutation('POST /contacts/{contactId}/followers', 'contactId', 'contactFollowersAdd', (v, f) => ({ contactId: v, followerIds: [f.userId] })),
  mutation('DELETE /contacts/{contactId}/followers', 'contactId', 'contactFollowersRemove', (v, f) => ({ contactId: v, followerIds: [f.userId] })),
  // calendars and appointments
  query('GET /calendars/{calendarId}', 'calendarId', 'calendar', 'ID!', () => 'id: $v'),
  query('GET /calendars/{calendarId}/free-slots', 'calendarId', 'calendarFreeSlots', 'ID!', () => `calendarId: $v, startDate: "${later.startDate}", endDate: "${later.endDate}"`),
  query('GET /calendars/events/appointments/{eventId}', 'eventId', 'appointment', 'ID!', () => 'id: $v'),
  query('GET /calendars/appointments/{appointmentId}/notes', 'appointmentId', 'appointmentNotes', 'ID!', () => 'appointmentId: $v', '{ totalCount }'),
  query('GET /calendars/{calendarId}/notifications', 'calendarId', 'calendarNotifications', 'ID!', () => 'calendarId: $v', '{ totalCount }'),
  query('GET /calendars/{calendarId}/notifications/{notificationId}', 'calendarId', 'calendarNotification', 'ID!', () => 'calendarId: $v, id: "n1"'),
  query('GET /calendars/{calendarId}/notifications/{notificationId}', 'notificationId', 'calendarNotification', 'ID!', (f) => `calendarId: "${f.calendarId}", id: $v`),
  query('GET /calendars/resources/{resourceType}', 'resourceType', 'calendarResources', 'CalendarResourceType!', () => 'resourceType: $v', '{ totalCount }'),
  query('GET /calendars/resources/{resourceType}/{id}', 'resourceType', 'calendarResource', 'CalendarResourceType!', () => 'resourceType: $v, id: "r1"'),
  query('GET /calendars/resources/{resourceType}/{id}', 'id', 'calendarResource', 'ID!', () => 'resourceType: ROOM, id: $v'),
  mutation('PUT /calendars/groups/{groupId}', 'groupId', 'calendarGroupUpdate', (v) => ({ id: v, name: 'G' })),
  mutation('PUT /calendars/groups/{groupId}/status', 'groupId', 'calendarGroupStatusUpdate', (v) => ({ id: v, isActive: false })),
  mutation('DELETE /calendars/groups/{groupId}', 'groupId', 'calendarGroupDelete', (v) => ({ id: v })),
  mutation('PUT /calendars/{calendarId}', 'calendarId', 'calendarUpdate', (v) => ({ id: v, name: 'C' })),
  mutation('DELETE /calendars/{calendarId}', 'calendarId', 'calendarDelete', (v) => ({ id: v })),
  mutation('PUT /calendars/events/appointments/{eventId}', 'eventId', 'appointmentUpdate', (v) => ({ id: v, title: 'A' })),
  mutation('DELETE /calendars/events/{eventId}', 'eventId', 'calendarEventDelete', (v) => ({ id: v })),
  mutation('PUT /calendars/events/block-slots/{eventId}', 'eventId', 'blockedSlotUpdate', (v, f) => ({ id: v, calendarId: f.calendarId, title: 'B' })),
  mutation('POST /calendars/appointments/{appointmentId}/notes', 'appointmentId', 'appointmentNoteCreate', (v) => ({ appointmentId: v, body: 'B' })),
  mutation('PUT /calendars/appointments/{appointmentId}/notes/{noteId}', 'appointmentId', 'appointmentNoteUpdate', (v) => ({ appointmentId: v, id: 'n1', body: 'B' })),
  mutation('PUT /calendars/appointments/{appointmentId}/notes/{noteId}', 'noteId', 'appointmentNoteUpdate', (v, f) => ({ appointmentId: f.appointmentId, id: v, body: 'B' })),
  mutation('DELETE /calendars/appointments/{appointmentId}/notes/{noteId}', 'appointmentId', 'appointmentNoteDelete', (v) => ({ appointmentId: v, id: 'n1' })),
  mutation('DELETE /calendars/appointments/{appointmentId}/notes/{noteId}', 'noteId', 'appointmentNoteDelete', (v, f) => ({ appointmentId: f.appointmentId, id: v })),
  mutation('POST /calendars/{calendarId}/notifications', 'calendarId', 'calendarNotificationCreate', (v) => ({ calendarId: v, notifications: [] })),
  mutation('PUT /calendars/{calendarId}/notifications/{notificationId}', 'calendarId', 'calendarNotificationUpdate', (v) => ({ calendarId: v, id: 'n1' })),
  mutation('PUT /calendars/{calendarId}/notifications/{notificationId}', 'notificationId', 'calendarNotificationUpdate', (v, f) => ({ calendarId: f.calendarId, id: v })),
  mutation('DELETE /calendars/{calendarId}/notifications/{notificationId}', 'calendarId', 'calendarNotificationDelete', (v) => ({ calendarId: v, id: 'n1' })),
  mutation('DELETE /calendars/{calendarId}/notifications/{notificationId}', 'notificationId', 'calendarNotificationDelete', (v, f) => ({ calendarId: f.calendarId, id: v })),
  { ...mutation('POST /calendars/resources/{resourceType}', 'resourceType', 'calendarResourceCreate', (v) => ({ resourceType: v, name: 'R' })), enumTyped: true },
  { ...mutation('PUT /calendars/resources/{resourceType}/{id}', 'resourceType', 'calendarResourceUpdate', (v) => ({ resourceType: v, id: 'r1' })), enumTyped: true },
  mutation('PUT /calendars/resources/{resourceType}/{id}', 'id', 'calendarResourceUpdate', (v) => ({ resourceType: 'ROOM', id: v })),
  { ...mutation('DELETE /calendars/resources/{resourceType}/{id}', 'resourceType', 'calendarResourceDelete', (v) => ({ resourceType: v, id: 'r1' })), enumTyped: true },
  mutation('DELETE /calendars/resources/{resourceType}/{id}', 'id', 'calendarResourceDelete', (v) => ({ resourceType: 'ROOM', id: v })),
  // opportunities
  query('GET /opportunities/{id}', 'id', 'opportunity', 'ID!', () => 'id: $v'),
  mutation('PUT /opportunities/{id}', 'id', 'opportunityUpdate', (v) => ({ id: v, name: 'O' })),
  mutation('PUT /opportunities/{id}', 'id', 'opportunityStageUpdate', (v, f) => ({ id: v, stageId: f.stageId })),
  mutation('DELETE /opportunities/{id}', 'id', 'opportunityDelete', (v) => ({ id: v })),
  mutation('PUT /opportunities/{id}/status', 'id', 'opportunityStatusUpdate', (v) => ({ id: v, status: 'WON' })),
  mutation('POST /opportunities/{id}/followers', 'id', 'opportunityFollowersAdd', (v, f) => ({ id: v, followers: [f.userId] })),
  mutation('DELETE /opportunities/{id}/followers', 'id', 'opportunityFollowersRemove', (v, f) => ({ id: v, followers: [f.userId] })),
  // users
  query('GET /users/{userId}', 'userId', 'user', 'ID!', () => 'id: $v'),
  mutation('PUT /users/{userId}', 'userId', 'userUpdate', (v) => ({ id: v, firstName: 'U' })),
  mutation('DELETE /users/{userId}', 'userId', 'userDelete', (v) => ({ id: v })),
  // conversations
  query('GET /conversations/{conversationId}', 'conversationId', 'conversation', 'ID!', () => 'id: $v'),
  query('GET /conversations/messages/email/{id}', 'id', 'emailMessage', 'ID!', () => 'id: $v'),
  query('GET /conversations/messages/{id}', 'id', 'message', 'ID!', () => 'id: $v'),
  subscription('GET /conversations/{conversationId}/messages', 'conversationId', 'conversationMessagesChanged', 'conversationId'),
  query('GET /conversations/messages/{messageId}/locations/{locationId}/recording', 'messageId', 'messageRecording', 'ID!', () => 'messageId: $v'),
  query('GET /conversations/locations/{locationId}/messages/{messageId}/transcription', 'messageId', 'messageTranscription', 'ID!', () => 'messageId: $v'),
  query('GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download', 'messageId', 'messageTranscriptionText', 'ID!', () => 'messageId: $v', ''),
  mutation('PUT /conversations/messages/{messageId}/status', 'messageId', 'messageStatusUpdate', (v) => ({ messageId: v, status: 'READ' })),
  // businesses
  query('GET /businesses/{businessId}', 'businessId', 'business', 'ID!', () => 'id: $v'),
  mutation('PUT /businesses/{businessId}', 'businessId', 'businessUpdate', (v) => ({ id: v, name: 'B' })),
  mutation('DELETE /businesses/{businessId}', 'businessId', 'businessDelete', (v) => ({ id: v })),
  // locations
  query('GET /locations/{locationId}', 'locationId', 'location', 'ID!', () => 'id: $v'),
  // associations
  query('GET /associations/{associationId}', 'associationId', 'association', 'ID!', () => 'id: $v'),
  query('GET /associations/key/{key_name}', 'key_name', 'associationByKey', 'String!', () => 'key: $v'),
  query('GET /associations/objectKey/{objectKey}', 'objectKey', 'associationsByObjectKey', 'String!', () => 'objectKey: $v', '{ totalCount }'),
  query('GET /associations/relations/{recordId}', 'recordId', 'relations', 'ID!', () => 'recordId: $v', '{ totalCount }'),
  mutation('PUT /associations/{associationId}', 'associationId', 'associationUpdate', (v) => ({ id: v, firstObjectLabel: 'a', secondObjectLabel: 'b' })),
  mutation('DELETE /associations/{associationId}', 'associationId', 'associationDelete', (v) => ({ id: v })),
  mutation('DELETE /associations/relations/{relationId}', 'relationId', 'relationDelete', (v) => ({ id: v })),
  // blogs
  mutation('PUT /blogs/posts/{postId}', 'postId', 'blogPostUpdate', (v, f) => ({ id: v, blogId: f.blogId, rawHtml: '<p>x</p>' })),
];

let stack: Stack;
let fixtures: Fixtures;

beforeAll(async () => {
  stack = await startStack();
  fixtures = await gatherFixtures(stack);
  stack.resetLog();
}, 60_000);
afterAll(() => stack.stop());

describe('path-safe ids: the walk over every catalog operation with a path parameter', () => {
  it('has a probe for every path parameter of every catalog operation, or names the credential as its only source', () => {
    const uncovered: string[] = [];
    for (const op of pathOperations) {
      const path = op.slice(op.indexOf(' ') + 1);
      for (const parameter of pathParameterNames(path)) {
        const probed = probes.some((p) => p.operation === op && p.parameter === parameter);
        if (!probed && !FROM_CREDENTIAL[op]?.includes(parameter)) uncovered.push(`${op} {${parameter}}`);
      }
    }
    expect(uncovered).toEqual([]);
    for (const p of probes) expect(pathOperations, `${p.field}: ${p.operation}`).toContain(p.operation);
    expect(pathOperations).toHaveLength(82);
  });

  it('refuses every hostile value in every path argument, sends nothing upstream and changes nothing', async () => {
    const before = fingerprint(stack);
    const outcomes: string[] = [];
    let refused = 0;
    for (const probe of probes) {
      for (const value of HOSTILE) {
        const request = probe.request(value, fixtures);
        const res = request.subscription ? await subscribeOnce(stack, request) : await stack.execute(request.query, request.variables);
        const codes = (res.errors ?? []).map((e) => e.extensions?.['code']);
        const named = (res.errors ?? []).some((e) => /\w/.test(e.message) && (probe.enumTyped || JSON.stringify(e).includes(fieldNameFor(probe))));
        const ok = (res.errors?.length ?? 0) > 0 && (probe.enumTyped || codes.includes('BAD_USER_INPUT')) && named;
        if (ok) refused++;
        else outcomes.push(`${probe.field} {${probe.parameter}} = ${JSON.stringify(value.slice(0, 12))}: ${JSON.stringify(res).slice(0, 300)}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect(refused).toBe(probes.length * HOSTILE.length);
    // No request left the gateway, so none had a changed path; and GHL's records are as they were.
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(fingerprint(stack)).toBe(before);
    const loc = stack.simulator.locations[0]!;
    expect(stack.simulator.store.getContact(fixtures.contactId)?.locationId).toBe(loc.id);
    expect(stack.simulator.store.getTask(fixtures.taskId)).toBeDefined();
    expect(stack.simulator.store.getNote(fixtures.noteId)).toBeDefined();
  }, 120_000);

  it('refuses the same values written inline in the document, e.g. the `..` that deleted a contact', async () => {
    for (const value of ['.', '..', 'a/b', '%2e%2e', '']) {
      const res = await stack.execute(`mutation { contactTaskDelete(input: { contactId: "${fixtures.contactId}", id: ${JSON.stringify(value)} }) { deletedTaskId } }`);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('input.id');
      expect(res.errors?.[0]?.extensions?.['field']).toEqual(['input', 'id']);
    }
    expect(stack.upstream()).toEqual([]);
    expect(stack.simulator.store.getContact(fixtures.contactId)).toBeDefined();
  });

  it('still serves good ids: the contact and its task are read as before', async () => {
    const data = expectNoErrors(
      await stack.execute<{ contactTask: { id: string } }>(`query($c: ID!, $t: ID!) { contactTask(contactId: $c, id: $t) { id } }`, { c: fixtures.contactId, t: fixtures.taskId }),
    );
    expect(data.contactTask.id).toBe(fixtures.taskId);
    expect(stack.upstream().map((r) => r.route)).toEqual(['/contacts/{contactId}/tasks/{taskId}']);
    stack.resetLog();
  });
});

describe('the second line of defence, for an id no argument check sees', () => {
  it('refuses a link whose id, read from GHL, is `..`: no request to a collapsed path', async () => {
    const store = stack.simulator.store;
    const task = store.createTask(store.getContact(fixtures.contactId)!, { title: 'Odd owner', dueDate: '2030-01-01T00:00:00.000Z', completed: false, assignedTo: '..' });
    try {
      stack.resetLog();
      const res = await stack.execute(`query($c: ID!, $t: ID!) { contactTask(contactId: $c, id: $t) { id assignedUser { id } } }`, { c: fixtures.contactId, t: task.id });
      const error = res.errors?.find((e) => e.extensions?.['operation'] === 'GET /users/{userId}');
      expect(error?.extensions?.['code'], JSON.stringify(res)).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.['parameter']).toBe('userId');
      // Only the task was fetched: nothing reached `/users/`.
      expect(stack.upstream().map((r) => r.path)).toEqual([`/contacts/${fixtures.contactId}/tasks/${task.id}`]);
    } finally {
      store.deleteTask(task.id);
    }
  });
});

describe('a deleted contact is not served from the cache', () => {
  it('reads the contact and its tasks into the cache, deletes it, and the next read asks GHL and is NOT_FOUND', async () => {
    const created = expectNoErrors(
      await stack.execute<{ contactCreate: { contact: { id: string } } }>(`mutation { contactCreate(input: { firstName: "Cached", lastName: "Gone" }) { contact { id } } }`),
    );
    const id = created.contactCreate.contact.id;
    const READ = `query($id: ID!) { contact(id: $id) { id firstName tasks { id } } }`;
    expectNoErrors(await stack.execute(READ, { id }));
    stack.resetLog();
    const cached = await stack.execute(READ, { id });
    expect(cached.extensions?.['cost']?.['upstreamCalls']).toBe(0);
    expectNoErrors(await stack.execute(`mutation($id: ID!) { contactDelete(input: { id: $id }) { deletedContactId } }`, { id }));
    stack.resetLog();
    const after = await stack.execute(READ, { id });
    expect(after.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // GHL is asked again (the tasks, prefetched with the contact, are asked too): nothing comes from the cache.
    const calls = stack.upstream().map((r) => `${r.method} ${r.route} ${r.status}`);
    expect(calls).toContain('GET /contacts/{contactId} 404');
    expect(calls.filter((c) => !c.endsWith(' 404'))).toEqual([]);
  });
});

/** The name a probe's error must mention: the argument, or `input.<field>` for mutations. */
function fieldNameFor(probe: Probe): string {
  const request = probe.request('PLACEHOLDER', fixtures);
  if (request.query.startsWith('mutation')) {
    const input = request.variables['input'] as Record<string, unknown>;
    const key = Object.entries(input).find(([, v]) => v === 'PLACEHOLDER')?.[0];
    return `input.${key}`;
  }
  return /(\w+):\s*\$v/.exec(request.query)?.[1] ?? '$v';
}

/** A subscription over SSE through the real app: the first event, then the stream is dropped. */
async function subscribeOnce(s: Stack, request: Request): Promise<GraphQLResponse> {
  const controller = new AbortController();
  const res = await s.app.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += decoder.decode(value, { stream: true });
      const data = /(?:^|\n)data:\s*(\{.*\})\n/.exec(buffer)?.[1];
      if (data) return JSON.parse(data) as GraphQLResponse;
      if (done) return { errors: [{ message: `stream ended without an event: ${buffer.slice(0, 200)}` }] };
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The simulator's whole state as one string: every record of every domain. Maps and sets are
 * listed; back references are cut.
 */
function fingerprint(s: Stack): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(s.simulator.store, (_key, value: unknown) => {
    if (typeof value === 'function') return undefined;
    if (value && typeof value === 'object') {
      if (seen.has(value)) return '[seen]';
      seen.add(value);
      if (value instanceof Map) return [...value.entries()];
      if (value instanceof Set) return [...value.values()];
    }
    return value;
  });
}

async function gatherFixtures(s: Stack): Promise<Fixtures> {
  type Nodes = { nodes: { id: string }[] };
  const data = expectNoErrors(
    await s.execute<{
      contacts: { nodes: { id: string; tasks: { id: string }[]; notes: { id: string }[]; appointments: { id: string }[] }[] };
      calendars: Nodes;
      calendarGroups: Nodes;
      opportunities: { nodes: { id: string; stage: { id: string } | null }[] };
      users: Nodes;
      conversations: { nodes: { id: string; messages: Nodes }[] };
      businesses: Nodes;
      workflows: Nodes;
      campaigns: Nodes;
      associations: Nodes;
      blogs: Nodes;
    }>(`{
      contacts(first: 40) { nodes { id tasks { id } notes { id } appointments { id } } }
      calendars { nodes { id } }
      calendarGroups { nodes { id } }
      opportunities(first: 1) { nodes { id stage { id } } }
      users(first: 1) { nodes { id } }
      conversations(first: 1, filter: { status: ALL }) { nodes { id messages(first: 1) { nodes { id } } } }
      businesses(first: 1) { nodes { id } }
      workflows(first: 1) { nodes { id } }
      campaigns { nodes { id } }
      associations(first: 1) { nodes { id } }
      blogs { nodes { id } }
    }`),
  );
  const contact = data.contacts.nodes.find((c) => c.tasks.length > 0 && c.notes.length > 0 && c.appointments.length > 0);
  if (!contact) throw new Error('no seeded contact has tasks, notes and appointments');
  const first = (n: { nodes: { id: string }[] }, what: string) => {
    const id = n.nodes[0]?.id;
    if (!id) throw new Error(`no seeded ${what}`);
    return id;
  };
  const conversation = data.conversations.nodes[0]!;
  return {
    contactId: contact.id,
    taskId: contact.tasks[0]!.id,
    noteId: contact.notes[0]!.id,
    appointmentId: contact.appointments[0]!.id,
    calendarId: first(data.calendars, 'calendar'),
    groupId: first(data.calendarGroups, 'calendar group'),
    opportunityId: first(data.opportunities, 'opportunity'),
    stageId: data.opportunities.nodes[0]!.stage!.id,
    userId: first(data.users, 'user'),
    conversationId: conversation.id,
    messageId: first(conversation.messages, 'message'),
    businessId: first(data.businesses, 'business'),
    workflowId: first(data.workflows, 'workflow'),
    campaignId: first(data.campaigns, 'campaign'),
    associationId: first(data.associations, 'association'),
    blogId: first(data.blogs, 'blog'),
  };
}

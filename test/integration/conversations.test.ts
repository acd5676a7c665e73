import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationsState, type MessageRecord } from '../../src/simulator/domains/conversations-state.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/**
 * The conversations flow through the real gateway and simulator: list conversations with their
 * contact and last messages, page without overlap, read each kind of message, update a status and
 * see it everywhere, send a typing indicator. Every step checks the data and the upstream log.
 */

let stack: Stack;
const V = '2021-04-15';

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.stop();
});
beforeEach(() => stack.resetLog());

const state = () => conversationsState(stack.simulator.store);
const locationId = () => stack.simulator.locations[0]!.id;
const mine = (m: MessageRecord) => m.locationId === locationId();
const findMessage = (has: (m: MessageRecord) => boolean): MessageRecord => {
  const found = [...state().messages.values()].find((m) => mine(m) && has(m));
  if (!found) throw new Error('the seed has no such message');
  return found;
};

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String) {
    conversations(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id contactId channel unreadCount lastMessageBody lastMessageType lastMessageDate
        contact { id name }
        messages(first: 2) { nodes { id type direction dateAdded } }
      }
    }
  }
`;

type ListData = {
  conversations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; contactId: string; channel: string; unreadCount: number; lastMessageBody: string | null; lastMessageType: string; lastMessageDate: string; contact: { id: string; name: string }; messages: { nodes: { id: string; type: string; dateAdded: string }[] } }[];
  };
};

describe('conversations', () => {
  it('lists conversations with their contact and last messages: one call per distinct contact', async () => {
    const data = expectNoErrors(await stack.execute<ListData>(LIST, { first: 20 }));
    const nodes = data.conversations.nodes;
    expect(nodes).toHaveLength(20);
    expect(data.conversations.totalCount).toBeGreaterThan(20);
    const dates = nodes.map((n) => Date.parse(n.lastMessageDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const n of nodes) {
      expect(n.contact.id).toBe(n.contactId);
      expect(n.messages.nodes.length).toBeGreaterThan(0);
      // The newest message of the page is the conversation's last message.
      expect(n.messages.nodes[0]!.type).toBe(n.lastMessageType);
      expect(n.messages.nodes[0]!.dateAdded).toBe(n.lastMessageDate);
    }
    const distinctContacts = new Set(nodes.map((n) => n.contactId)).size;
    expect(countByRoute(stack.upstream())).toEqual({
      'GET /conversations/search': 1,
      'GET /contacts/{contactId}': distinctContacts,
      'GET /conversations/{conversationId}/messages': 20,
    });
    const search = stack.upstream().find((r) => r.route === '/conversations/search')!;
    expect(search.version).toBe(V);
    expect(search.query).toMatchObject({ locationId: locationId(), limit: '20', sort: 'desc', sortBy: 'last_message_date' });

    stack.resetLog();
    expectNoErrors(await stack.execute<ListData>(LIST, { first: 20 }));
    expect(stack.upstream()).toHaveLength(0);
  });

  it('pages conversations with startAfterDate hidden in the cursor, without overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 30; page++) {
      const res: ListData = expectNoErrors(await stack.execute<ListData>(`query($after: String) { conversations(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { after }));
      seen.push(...res.conversations.nodes.map((n) => n.id));
      total = res.conversations.totalCount;
      if (!res.conversations.pageInfo.hasNextPage) break;
      after = res.conversations.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    const searches = stack.upstream().filter((r) => r.route === '/conversations/search');
    expect(searches).toHaveLength(Math.ceil(total / 25));
    expect(searches[0]!.query['startAfterDate']).toBeUndefined();
    expect(searches.slice(1).every((r) => typeof r.query['startAfterDate'] === 'string')).toBe(true);
  });

  it("pages a long conversation's messages with lastMessageId hidden in the cursor, without overlap", async () => {
    const conversation = [...state().conversations.values()].find((c) => c.locationId === locationId() && state().messagesOf(c.id).length > 25)!;
    const expected = state().messagesOf(conversation.id).map((m) => m.id);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: { conversation: { messages: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } } } = expectNoErrors(
        await stack.execute(`query($id: ID!, $after: String) { conversation(id: $id) { messages(first: 10, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } }`, { id: conversation.id, after }),
      );
      ids.push(...res.conversation.messages.nodes.map((n) => n.id));
      if (!res.conversation.messages.pageInfo.hasNextPage) break;
      after = res.conversation.messages.pageInfo.endCursor;
    }
    expect(ids).toEqual(expected);
    const pages = stack.upstream().filter((r) => r.route === '/conversations/{conversationId}/messages');
    expect(pages).toHaveLength(Math.ceil(expected.length / 10));
    pages.slice(1).forEach((r, i) => expect(r.query['lastMessageId']).toBe(ids[(i + 1) * 10 - 1]));
  });

  it('ends a list when GHL answers a cursor with the page it already sent', async () => {
    const conversation = [...state().conversations.values()].find((c) => c.locationId === locationId() && state().messagesOf(c.id).length > 4)!;
    const PAGE = `query($id: ID!, $after: String) { conversation(id: $id) { messages(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } }`;
    const first: any = expectNoErrors(await stack.execute(PAGE, { id: conversation.id }));
    const [m1, m2] = state().messagesOf(conversation.id);
    // GHL ignoring `lastMessageId` would send page one again.
    stack.simulator.faults.inject({ route: '/conversations/{conversationId}/messages', status: 200, body: { lastMessageId: m2!.id, nextPage: true, messages: [m1, m2].map((m) => ({ id: m!.id, messageType: m!.messageType, conversationId: conversation.id })) } });
    const again: any = expectNoErrors(await stack.execute(PAGE, { id: conversation.id, after: first.conversation.messages.pageInfo.endCursor }));
    expect(again.conversation.messages).toEqual({ pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });

    // Likewise a search that ignores `startAfterDate`.
    const list: any = expectNoErrors(await stack.execute(`{ conversations(first: 3) { pageInfo { endCursor } nodes { id } } }`));
    stack.simulator.faults.inject({ route: '/conversations/search', status: 200, body: { conversations: list.conversations.nodes, total: 100 } });
    const looped: any = expectNoErrors(await stack.execute(`query($after: String) { conversations(first: 3, after: $after) { pageInfo { hasNextPage } nodes { id } } }`, { after: list.conversations.pageInfo.endCursor }));
    expect(looped.conversations).toEqual({ pageInfo: { hasNextPage: false }, nodes: [] });
    expect(stack.upstream().filter((r) => r.fault === 'respond')).toHaveLength(2);
  });

  it('reads a message, an email thread, a recording and a transcription', async () => {
    const emailThread = findMessage((m) => (m.emailIds?.length ?? 0) > 1);
    const recorded = findMessage((m) => state().transcriptions.has(m.id));
    const sentences = state().transcriptions.get(recorded.id)!;
    const data = expectNoErrors(
      await stack.execute<any>(
        `query($thread: ID!, $email: ID!, $call: ID!) {
          message(id: $thread) { id type direction emailMessageIds emails { id subject from to threadId conversationId } conversation { id contactId } }
          emailMessage(id: $email) { id subject body direction threadId }
          call: message(id: $call) { id type call { durationSeconds status } attachments }
          messageRecording(messageId: $call) { messageId contentType fileName sizeBytes contentBase64 }
          messageTranscription(messageId: $call) { messageId sentences { index mediaChannel startTimeMs endTimeMs transcript confidence } }
          messageTranscriptionText(messageId: $call)
        }`,
        { thread: emailThread.id, email: emailThread.emailIds![0], call: recorded.id },
      ),
    );
    expect(data.message).toMatchObject({ id: emailThread.id, type: 'EMAIL', emailMessageIds: emailThread.emailIds, conversation: { id: emailThread.conversationId, contactId: emailThread.contactId } });
    expect(data.message.emails.map((e: { id: string }) => e.id)).toEqual(emailThread.emailIds);
    expect(data.message.emails.every((e: { threadId: string }) => e.threadId === emailThread.id)).toBe(true);
    expect(data.emailMessage).toMatchObject({ id: emailThread.emailIds![0], threadId: emailThread.id });
    expect(data.call).toMatchObject({ type: 'CALL', call: { durationSeconds: recorded.call!.durationSeconds, status: 'COMPLETED' }, attachments: [] });

    const audio = Buffer.from(data.messageRecording.contentBase64, 'base64');
    expect(data.messageRecording).toMatchObject({ messageId: recorded.id, contentType: 'audio/x-wav', fileName: 'audio.wav', sizeBytes: audio.length });
    expect(audio.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(audio.subarray(8, 12).toString('ascii')).toBe('WAVE');

    // The spec's transcription answer is one sentence object; the download holds them all.
    expect(data.messageTranscription.sentences).toEqual([{ index: 1, mediaChannel: sentences[0]!.mediaChannel, startTimeMs: sentences[0]!.startTime, endTimeMs: sentences[0]!.endTime, transcript: sentences[0]!.transcript, confidence: sentences[0]!.confidence }]);
    const lines = (data.messageTranscriptionText as string).trim().split('\n');
    expect(lines).toHaveLength(sentences.length);
    expect(lines[0]).toContain(sentences[0]!.transcript);

    const log = stack.upstream();
    const { 'GET /conversations/{conversationId}': conversationReads, ...reads } = countByRoute(log);
    // The thread's conversation may already be cached by an earlier test.
    expect(conversationReads ?? 0).toBeLessThanOrEqual(1);
    expect(reads).toEqual({
      'GET /conversations/messages/{id}': 2,
      'GET /conversations/messages/email/{id}': emailThread.emailIds!.length,
      'GET /conversations/messages/{messageId}/locations/{locationId}/recording': 1,
      'GET /conversations/locations/{locationId}/messages/{messageId}/transcription': 1,
      'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download': 1,
    });
    // The email read carries no Version header (the spec declares none); every other call 2021-04-15.
    for (const r of log) expect(r.version).toBe(r.route === '/conversations/messages/email/{id}' ? null : V);
    expect(log.filter((r) => r.path.includes('/locations/')).every((r) => r.path.includes(locationId()))).toBe(true);
  });

  it('answers null, without an error, for a message that has no recording or transcription', async () => {
    const sms = findMessage((m) => m.messageType === 'TYPE_SMS');
    const data = expectNoErrors(await stack.execute<any>(`query($id: ID!) { messageRecording(messageId: $id) { sizeBytes } messageTranscription(messageId: $id) { messageId } messageTranscriptionText(messageId: $id) }`, { id: sms.id }));
    expect(data).toEqual({ messageRecording: null, messageTranscription: null, messageTranscriptionText: null });
    expect(stack.upstream().map((r) => r.status)).toEqual([404, 404, 404]);
  });

  it('updates a message status, and the message, its page and its conversation show it afterwards', async () => {
    const unread = findMessage((m) => m.direction === 'inbound' && m.status === 'delivered' && m.messageType !== 'TYPE_EMAIL');
    const READ_BACK = `query($c: ID!, $m: ID!) { conversation(id: $c) { unreadCount messages(first: 50) { nodes { id status } } } message(id: $m) { id status } }`;
    const before = expectNoErrors(await stack.execute<any>(READ_BACK, { c: unread.conversationId, m: unread.id }));
    expect(before.message.status).toBe('DELIVERED');
    expect(before.conversation.unreadCount).toBeGreaterThan(0);

    stack.resetLog();
    const res = expectNoErrors(await stack.execute<any>(`mutation($input: MessageStatusUpdateInput!) { messageStatusUpdate(input: $input) { message { id status } userErrors { code field message } } }`, { input: { messageId: unread.id, status: 'READ' } }));
    expect(res.messageStatusUpdate).toEqual({ message: { id: unread.id, status: 'READ' }, userErrors: [] });
    expect(countByRoute(stack.upstream())).toEqual({ 'PUT /conversations/messages/{messageId}/status': 1, 'GET /conversations/messages/{id}': 1 });
    expect(state().messages.get(unread.id)!.status).toBe('read');

    stack.resetLog();
    const after = expectNoErrors(await stack.execute<any>(READ_BACK, { c: unread.conversationId, m: unread.id }));
    expect(after.conversation.unreadCount).toBe(before.conversation.unreadCount - 1);
    expect(after.conversation.messages.nodes.find((n: { id: string }) => n.id === unread.id).status).toBe('READ');
    expect(after.message.status).toBe('READ');
    // The conversation and its page were invalidated; the message was cached by the mutation's read-back.
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /conversations/{conversationId}': 1, 'GET /conversations/{conversationId}/messages': 1 });
  });

  it('refuses bad status input before any call, and reports an unknown message as a user error', async () => {
    const m = findMessage((x) => x.messageType === 'TYPE_SMS');
    const UPDATE = `mutation($input: MessageStatusUpdateInput!) { messageStatusUpdate(input: $input) { message { id } userErrors { code field message } } }`;
    const bad = expectNoErrors(await stack.execute<any>(UPDATE, { input: { messageId: m.id, status: 'SENT', recipients: ['not-an-email'], error: { code: '1', type: 'saas', message: ' ' } } }));
    expect(bad.messageStatusUpdate.message).toBeNull();
    expect(bad.messageStatusUpdate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID', 'input.status'],
      ['INVALID', 'input.error'],
      ['BLANK', 'input.error.message'],
      ['INVALID', 'input.recipients.0'],
    ]);
    expect(stack.upstream()).toHaveLength(0);

    const missing = expectNoErrors(await stack.execute<any>(UPDATE, { input: { messageId: 'nosuchmessage0000000', status: 'READ' } }));
    expect(missing.messageStatusUpdate.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'messageId'], message: 'Message not found' }]);
    expect(stack.upstream().map((r) => r.status)).toEqual([404]);
  });

  it('sends the live chat typing indicator', async () => {
    const chat = findMessage((m) => m.messageType === 'TYPE_LIVE_CHAT');
    const SEND = `mutation($input: ConversationTypingIndicatorSendInput!) { conversationTypingIndicatorSend(input: $input) { conversation { id } userErrors { code field } } }`;
    const res = expectNoErrors(await stack.execute<any>(SEND, { input: { conversationId: chat.conversationId, visitorId: 'visitor-42', isTyping: true } }));
    expect(res.conversationTypingIndicatorSend).toEqual({ conversation: { id: chat.conversationId }, userErrors: [] });
    const log = stack.upstream();
    expect(log.map((r) => [r.method, r.route, r.status, r.version])).toEqual([['POST', '/conversations/providers/live-chat/typing', 201, V]]);
    expect(state().conversations.get(chat.conversationId)!.typing).toMatchObject({ visitorId: 'visitor-42', isTyping: true });

    stack.resetLog();
    const blank = expectNoErrors(await stack.execute<any>(SEND, { input: { conversationId: chat.conversationId, visitorId: '  ', isTyping: false } }));
    expect(blank.conversationTypingIndicatorSend).toEqual({ conversation: null, userErrors: [{ code: 'BLANK', field: ['input', 'visitorId'] }] });
    expect(stack.upstream()).toHaveLength(0);
  });

  it('follows Contact.conversations (one search per contact) and Message.conversation (fields of both GHL shapes)', async () => {
    const data = expectNoErrors(await stack.execute<any>(`{ contacts(first: 10) { nodes { id conversations(first: 5) { totalCount nodes { id contactId } } } } }`));
    const contacts = data.contacts.nodes as { id: string; conversations: { totalCount: number; nodes: { id: string; contactId: string }[] } }[];
    expect(contacts).toHaveLength(10);
    for (const c of contacts) {
      const expected = [...state().conversations.values()].filter((x) => x.contactId === c.id).map((x) => x.id).sort();
      expect(c.conversations.nodes.map((n) => n.id).sort()).toEqual(expected);
      expect(c.conversations.totalCount).toBe(expected.length);
    }
    const searches = stack.upstream().filter((r) => r.route === '/conversations/search');
    expect(searches.map((r) => r.query['contactId']).sort()).toEqual(contacts.map((c) => c.id).sort());

    stack.resetLog();
    // From the oldest conversations: no earlier test of this file has cached them.
    const m = [...state().messages.values()].reverse().find((x) => mine(x) && x.messageType === 'TYPE_SMS')!;
    const conv = state().conversations.get(m.conversationId)!;
    const read = expectNoErrors(await stack.execute<any>(`query($id: ID!) { message(id: $id) { conversation { id channel starred assignedTo lastMessageBody contact { id } } } }`, { id: m.id }));
    expect(read.message.conversation).toMatchObject({ id: conv.id, channel: 'PHONE', starred: conv.starred, assignedTo: conv.assignedTo ?? null, contact: { id: conv.contactId } });
    expect(read.message.conversation.lastMessageBody).toBe(state().messagesOf(conv.id)[0]!.body ?? null);
    // The message, the conversation, and its search item (by id) for the last message.
    const log = stack.upstream();
    expect(countByRoute(log)).toMatchObject({ 'GET /conversations/messages/{id}': 1, 'GET /conversations/{conversationId}': 1, 'GET /conversations/search': 1 });
    expect(log.find((r) => r.route === '/conversations/search')!.query).toMatchObject({ id: conv.id });
  });

  it('refuses a message type GHL cannot filter by, before any call', async () => {
    const c = [...state().conversations.values()].find((x) => x.locationId === locationId())!;
    const res = await stack.execute(`query($id: ID!) { conversation(id: $id) { messages(type: SMS_REACTION) { nodes { id } } } }`, { id: c.id });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream().map((r) => r.route)).not.toContain('/conversations/{conversationId}/messages');
  });
});

describe('conversations: a transcription answered as an array', () => {
  let arrayStack: Stack;
  beforeAll(async () => {
    // GHL is seen to send every sentence; the spec's schema allows one, so response validation is off here.
    arrayStack = await startStack({ simulator: { validateResponses: false } });
    conversationsState(arrayStack.simulator.store).transcriptionAsArray = true;
  });
  afterAll(() => arrayStack.stop());

  it('reads all sentences in order', async () => {
    const s = conversationsState(arrayStack.simulator.store);
    const [id, sentences] = [...s.transcriptions.entries()].find(([mid]) => s.messages.get(mid)!.locationId === arrayStack.simulator.locations[0]!.id)!;
    const data = expectNoErrors(await arrayStack.execute<any>(`query($id: ID!) { messageTranscription(messageId: $id) { sentences { index mediaChannel transcript } } }`, { id }));
    expect(data.messageTranscription.sentences).toEqual(sentences.map((x) => ({ index: x.sentenceIndex, mediaChannel: x.mediaChannel, transcript: x.transcript })));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationsState, type MessageRecord } from '../../src/simulator/domains/conversations-state.js';
import { startSimulator, type SeededLocation, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

/** The conversations domain of the simulator, straight over HTTP: paging, filters, boundaries, raw answers, writes. */

const V = '2021-04-15';
let sim: Simulator;
let a: SeededLocation;
let b: SeededLocation;

beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 80 } });
  [a, b] = sim.locations as [SeededLocation, SeededLocation];
});
afterAll(() => sim.stop());

const state = () => conversationsState(sim.store);
const messageIn = (loc: SeededLocation, has: (m: MessageRecord) => boolean): MessageRecord => [...state().messages.values()].find((m) => m.locationId === loc.id && has(m))!;

describe('conversations search', () => {
  it('pages with startAfterDate = the sort value of the last item, both directions, without overlap', async () => {
    for (const sort of ['desc', 'asc'] as const) {
      const ids: string[] = [];
      let after: number | undefined;
      let total = 0;
      for (;;) {
        const res = await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, limit: 15, sort, ...(after === undefined ? {} : { startAfterDate: after }) } });
        expect(res.status).toBe(200);
        total = res.body.total;
        const page = res.body.conversations as { id: string; sort: number[]; lastMessageDate: number }[];
        ids.push(...page.map((c) => c.id));
        page.forEach((c) => expect(c.sort).toEqual([c.lastMessageDate]));
        if (page.length < 15) break;
        after = page.at(-1)!.sort[0];
      }
      expect(total).toBeGreaterThan(15); // more than one page
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(total);
    }
  });

  it('filters by contact, read state and last message type, and keeps total to the matches', async () => {
    const conv = [...state().conversations.values()].find((c) => c.locationId === a.id)!;
    const byContact = await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, contactId: conv.contactId } });
    expect(byContact.body.conversations.map((c: { contactId: string }) => c.contactId).every((id: string) => id === conv.contactId)).toBe(true);
    expect(byContact.body.total).toBe([...state().conversations.values()].filter((c) => c.contactId === conv.contactId).length);

    const unread = await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, status: 'unread', limit: 100 } });
    expect(unread.body.total).toBeGreaterThan(0);
    expect(unread.body.conversations.every((c: { unreadCount: number }) => c.unreadCount > 0)).toBe(true);

    const calls = await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, lastMessageType: 'TYPE_CALL', limit: 100 } });
    expect(calls.body.conversations.every((c: { lastMessageType: string }) => c.lastMessageType === 'TYPE_CALL')).toBe(true);
  });

  it('refuses another location (403), a bad limit and a bad startAfterDate (422)', async () => {
    expect((await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: b.id } })).status).toBe(403);
    expect((await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, limit: 0 } })).status).toBe(422);
    expect((await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, startAfterDate: 'soon' } })).status).toBe(422);
  });
});

describe('conversations and messages by id', () => {
  it("answers 403 for another location's records and 404 for unknown ids", async () => {
    const foreign = messageIn(b, (m) => !!m.emailIds);
    expect((await call(sim, 'GET', `/conversations/${foreign.conversationId}`, { version: V })).status).toBe(403);
    expect((await call(sim, 'GET', `/conversations/messages/${foreign.id}`, { version: V })).status).toBe(403);
    expect((await call(sim, 'GET', `/conversations/messages/email/${foreign.emailIds![0]}`, { version: null })).status).toBe(403);
    const missing = await call(sim, 'GET', '/conversations/nosuchconversation00', { version: V });
    expect(missing).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Conversation not found', error: 'Not Found' } });
    expect((await call(sim, 'GET', '/conversations/messages/nosuchmessage0000000', { version: V })).body.message).toBe('Message not found');
  });

  it('needs conversations/message.readonly for the email read, which has no security block in the spec', async () => {
    const email = messageIn(a, (m) => !!m.emailIds).emailIds![0];
    const res = await call(sim, 'GET', `/conversations/messages/email/${email}`, { version: null, token: a.readonlyToken });
    expect(res.status).toBe(401);
  });

  it('pages messages newest first and refuses a lastMessageId of another conversation', async () => {
    const m = messageIn(a, () => true);
    const all = state().messagesOf(m.conversationId);
    const first = await call(sim, 'GET', `/conversations/${m.conversationId}/messages`, { version: V, query: { limit: 1 } });
    expect(first.body).toMatchObject({ lastMessageId: all[0]!.id, nextPage: all.length > 1 });
    const other = messageIn(a, (x) => x.conversationId !== m.conversationId);
    const refused = await call(sim, 'GET', `/conversations/${m.conversationId}/messages`, { version: V, query: { lastMessageId: other.id } });
    expect(refused.status).toBe(400);
  });
});

describe('recordings and transcriptions', () => {
  it('sends the recording as audio/x-wav with the spec headers, and 404 for a message without one', async () => {
    const recorded = messageIn(a, (m) => state().recordings.has(m.id));
    const res = await fetch(`${sim.baseUrl}/conversations/messages/${recorded.id}/locations/${a.id}/recording`, { headers: { authorization: `Bearer ${a.token}`, version: V } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/x-wav');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=audio.wav');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('ascii')).toBe('RIFF');
    const sms = messageIn(a, (m) => m.messageType === 'TYPE_SMS');
    expect((await call(sim, 'GET', `/conversations/messages/${sms.id}/locations/${a.id}/recording`, { version: V })).status).toBe(404);
    // The path's location must be the token's.
    expect((await call(sim, 'GET', `/conversations/messages/${recorded.id}/locations/${b.id}/recording`, { version: V })).status).toBe(403);
  });

  it('sends the transcription download as text/plain, one line per sentence', async () => {
    const m = messageIn(a, (x) => state().transcriptions.has(x.id));
    const res = await fetch(`${sim.baseUrl}/conversations/locations/${a.id}/messages/${m.id}/transcription/download`, { headers: { authorization: `Bearer ${a.token}`, version: V } });
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await res.text()).trim().split('\n')).toHaveLength(state().transcriptions.get(m.id)!.length);
  });
});

describe('writes', () => {
  it('updates the status of a message and of the email it names; reading an inbound message lowers the unread count', async () => {
    const thread = messageIn(a, (m) => (m.emailIds?.length ?? 0) > 0);
    const res = await call(sim, 'PUT', `/conversations/messages/${thread.id}/status`, { version: V, body: { status: 'failed', emailMessageId: thread.emailIds![0], error: { code: '550', type: 'smtp', message: 'Mailbox unavailable' } } });
    expect(res.body).toEqual({ conversationId: thread.conversationId, messageId: thread.id, status: 'failed', emailMessageId: thread.emailIds![0] });
    expect(state().emails.get(thread.emailIds![0]!)!.status).toBe('failed');
    expect(state().messages.get(thread.id)!.error).toEqual({ code: '550', type: 'smtp', message: 'Mailbox unavailable' });
    const wrongEmail = await call(sim, 'PUT', `/conversations/messages/${thread.id}/status`, { version: V, body: { status: 'read', emailMessageId: 'someotheremail000000' } });
    expect(wrongEmail.status).toBe(400);

    const unread = messageIn(a, (m) => m.direction === 'inbound' && m.status === 'delivered');
    const count = async () => (await call(sim, 'GET', `/conversations/${unread.conversationId}`, { version: V })).body.unreadCount as number;
    const before = await count();
    await call(sim, 'PUT', `/conversations/messages/${unread.id}/status`, { version: V, body: { status: 'read' } });
    expect(await count()).toBe(before - 1);
  });

  it('records the typing signal; refuses a non-boolean isTyping and another location', async () => {
    const chat = messageIn(a, (m) => m.messageType === 'TYPE_LIVE_CHAT');
    const body = { locationId: a.id, conversationId: chat.conversationId, visitorId: 'v1', isTyping: 'false' };
    expect(await call(sim, 'POST', '/conversations/providers/live-chat/typing', { version: V, body })).toMatchObject({ status: 201, body: { success: true } });
    expect(state().conversations.get(chat.conversationId)!.typing).toMatchObject({ visitorId: 'v1', isTyping: false });
    expect((await call(sim, 'POST', '/conversations/providers/live-chat/typing', { version: V, body: { ...body, isTyping: 'maybe' } })).status).toBe(422);
    expect((await call(sim, 'POST', '/conversations/providers/live-chat/typing', { version: V, body: { ...body, locationId: b.id } })).status).toBe(403);
  });

  it("drops a deleted contact's conversations", async () => {
    const conv = [...state().conversations.values()].find((c) => c.locationId === a.id)!;
    expect((await call(sim, 'DELETE', `/contacts/${conv.contactId}`)).status).toBe(200);
    expect((await call(sim, 'GET', `/conversations/${conv.id}`, { version: V })).status).toBe(404);
    const search = await call(sim, 'GET', '/conversations/search', { version: V, query: { locationId: a.id, contactId: conv.contactId } });
    expect(search.body).toEqual({ conversations: [], total: 0 });
  });
});

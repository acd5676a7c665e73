import { badRequest, notFound, unprocessable } from '../errors.js';
import type { ContactRecord } from '../store.js';
import { locationOf, type HandlerResult, type RequestContext } from '../routes/types.js';
import { recordingWav, transcriptionText } from './conversations-media.js';
import { conversationDto, conversationFacts, conversationSummaryDto, emailDto, messageDto, sentenceDto, type ConversationFacts } from './conversations-present.js';
import { seedConversations } from './conversations-seed.js';
import { conversationsState, liveConversation, ownConversation, ownMessage, ownEmail, type ConversationRecord, type MessageStatus } from './conversations-state.js';
import type { SimulatorDomain } from './types.js';
import { intInRange } from '../params.js';

/**
 * apps/conversations.json: the ten catalog operations (search, conversation, messages, email,
 * recording, transcription and its download, status update, live-chat typing). Envelopes are the
 * spec's; the recording and the download answer raw bytes with the spec's content types.
 */

const ok = (body: unknown): HandlerResult => ({ status: 200, body });

/** A non-JSON answer: the server sends the bytes with these headers (see server.ts `send`). */
const raw = (bytes: Buffer, headers: Record<string, string>): HandlerResult & { headers: Record<string, string> } => ({ status: 200, body: bytes, headers });


/** `startAfterDate` is typed `any`: epoch ms as GHL's `sort` values are, or an ISO date. */
function instantParam(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : Date.parse(String(value));
  if (!Number.isFinite(n)) throw unprocessable([`${name} must be a number (epoch ms) or a date string`]);
  return n;
}

interface SearchQuery {
  id?: string;
  contactId?: string;
  assignedTo?: string;
  followers?: string;
  mentions?: string;
  query?: string;
  lastMessageType?: string;
  lastMessageAction?: 'automated' | 'manual';
  lastMessageDirection?: 'inbound' | 'outbound';
  status?: 'all' | 'read' | 'unread' | 'starred' | 'recents';
  startDate?: number;
  endDate?: number;
}

interface Row {
  c: ConversationRecord;
  contact: ContactRecord | undefined;
  facts: ConversationFacts;
  sortValue: number;
}

const list = (csv: string | undefined): string[] => (csv ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Every filter of the search; all must hold (ASSUMPTIONS.md CV5). */
function matches(row: Row, q: SearchQuery): boolean {
  const { c, contact, facts } = row;
  if (q.id && c.id !== q.id) return false;
  if (q.contactId && c.contactId !== q.contactId) return false;
  if (q.assignedTo && !list(q.assignedTo).includes(c.assignedTo ?? '')) return false;
  if (q.followers && !list(q.followers).some((f) => c.followers.includes(f))) return false;
  if (list(q.mentions).length > 0) return false;
  if (q.lastMessageType && facts.last?.messageType !== q.lastMessageType) return false;
  if (q.lastMessageDirection && facts.last?.direction !== q.lastMessageDirection) return false;
  if (q.lastMessageAction && (!facts.lastOutbound || (facts.lastOutbound.source === 'app' ? 'manual' : 'automated') !== q.lastMessageAction)) return false;
  if (q.status === 'read' && facts.unreadCount > 0) return false;
  if (q.status === 'unread' && facts.unreadCount === 0) return false;
  if (q.status === 'starred' && !c.starred) return false;
  if (q.startDate !== undefined && facts.lastMessageDate < q.startDate) return false;
  if (q.endDate !== undefined && facts.lastMessageDate > q.endDate) return false;
  if (q.query) {
    const needle = q.query.toLowerCase();
    const hay = [contact?.firstName, contact?.lastName, [contact?.firstName, contact?.lastName].filter(Boolean).join(' '), contact?.email, contact?.phone, contact?.companyName, facts.last?.body];
    if (!hay.some((h) => h?.toLowerCase().includes(needle))) return false;
  }
  return true;
}

const param = (ctx: RequestContext, name: string): string => ctx.params[name] as string;

export const conversationsDomain: SimulatorDomain = {
  name: 'conversations',
  seed: seedConversations,
  routes: {
    /** Sorted by the `sortBy` date, then id; `startAfterDate` continues strictly after a sort value. */
    'GET /conversations/search': (ctx) => {
      const locationId = locationOf(ctx);
      const state = conversationsState(ctx.store);
      const q = ctx.query as SearchQuery & { sort?: 'asc' | 'desc'; sortBy?: string; limit?: unknown; startAfterDate?: unknown };
      const limit = intInRange(q.limit, 'limit', 20, 1, 100);
      const after = instantParam(q.startAfterDate, 'startAfterDate');
      const desc = q.sort !== 'asc';
      // The simulator keeps no scoring profiles or due dates: those sorts use the last message date (CV5).
      const manual = q.sortBy === 'last_manual_message_date';
      const rows: Row[] = [];
      for (const c of state.conversations.values()) {
        if (c.locationId !== locationId || !liveConversation(ctx.store, c)) continue;
        const facts = conversationFacts(state, c);
        const row = { c, contact: ctx.store.getContact(c.contactId), facts, sortValue: manual ? facts.lastManualMessageDate : facts.lastMessageDate };
        if (matches(row, q)) rows.push(row);
      }
      rows.sort((a, b) => (desc ? b.sortValue - a.sortValue : a.sortValue - b.sortValue) || (a.c.id < b.c.id ? -1 : 1));
      const rest = after === undefined ? rows : rows.filter((r) => (desc ? r.sortValue < after : r.sortValue > after));
      return ok({ conversations: rest.slice(0, limit).map((r) => conversationSummaryDto(r.c, r.contact, r.facts, r.sortValue)), total: rows.length });
    },

    'GET /conversations/{conversationId}': (ctx) => {
      const c = ownConversation(ctx, param(ctx, 'conversationId'));
      return ok(conversationDto(c, conversationFacts(conversationsState(ctx.store), c)));
    },

    'GET /conversations/messages/email/{id}': (ctx) => ok(emailDto(ownEmail(ctx, param(ctx, 'id')))),

    /** The spec does not declare `{id}` among the parameters; the path carries it all the same. */
    'GET /conversations/messages/{id}': (ctx) => ok(messageDto(ownMessage(ctx, param(ctx, 'id')))),

    /** Newest first; `lastMessageId` continues after that message (CV6). */
    'GET /conversations/{conversationId}/messages': (ctx) => {
      const c = ownConversation(ctx, param(ctx, 'conversationId'));
      const state = conversationsState(ctx.store);
      const { lastMessageId, type } = ctx.query as { lastMessageId?: string; type?: string };
      const limit = intInRange(ctx.query['limit'], 'limit', 20, 1, 100);
      // The filter enum spells it `TYPE_INTERNAL_COMMENTS`; messages say `TYPE_INTERNAL_COMMENT`.
      const wanted = type === 'TYPE_INTERNAL_COMMENTS' ? 'TYPE_INTERNAL_COMMENT' : type;
      const all = state.messagesOf(c.id).filter((m) => !wanted || m.messageType === wanted);
      let start = 0;
      if (lastMessageId) {
        const anchor = state.messages.get(lastMessageId);
        if (!anchor || anchor.conversationId !== c.id) throw badRequest('lastMessageId is not a message of this conversation');
        start = all.findIndex((m) => m.dateAdded < anchor.dateAdded || (m.dateAdded === anchor.dateAdded && m.id > anchor.id));
        if (start < 0) start = all.length;
      }
      const page = all.slice(start, start + limit);
      return ok({ lastMessageId: page.at(-1)?.id ?? lastMessageId ?? '', nextPage: start + limit < all.length, messages: page.map(messageDto) });
    },

    'GET /conversations/messages/{messageId}/locations/{locationId}/recording': (ctx) => {
      const m = ownMessage(ctx, param(ctx, 'messageId'));
      const recording = conversationsState(ctx.store).recordings.get(m.id);
      if (!recording) throw notFound('Recording not found');
      return raw(recordingWav(recording), { 'content-type': 'audio/x-wav', 'content-disposition': 'attachment; filename=audio.wav' });
    },

    'GET /conversations/locations/{locationId}/messages/{messageId}/transcription': (ctx) => {
      const state = conversationsState(ctx.store);
      const sentences = state.transcriptions.get(ownMessage(ctx, param(ctx, 'messageId')).id);
      if (!sentences?.length) throw notFound('Transcription not found');
      // The spec's 200 is one sentence object (CV7).
      return ok(state.transcriptionAsArray ? sentences.map(sentenceDto) : sentenceDto(sentences[0] as (typeof sentences)[number]));
    },

    'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download': (ctx) => {
      const sentences = conversationsState(ctx.store).transcriptions.get(ownMessage(ctx, param(ctx, 'messageId')).id);
      if (!sentences?.length) throw notFound('Transcription not found');
      return raw(Buffer.from(transcriptionText(sentences), 'utf8'), { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': 'attachment; filename="transcription.txt"' });
    },

    /** Sets the message's status (and its email's, when named); an inbound message read is no longer unread (CV9). */
    'PUT /conversations/messages/{messageId}/status': (ctx) => {
      const state = conversationsState(ctx.store);
      const m = ownMessage(ctx, param(ctx, 'messageId'));
      const input = ctx.body as { status: 'delivered' | 'failed' | 'pending' | 'read'; error?: { code: string; type: string; message: string }; emailMessageId?: string };
      const email = input.emailMessageId ? state.emails.get(input.emailMessageId) : undefined;
      if (input.emailMessageId && (!email || email.messageId !== m.id)) throw badRequest('emailMessageId is not an email of this message');
      m.status = input.status satisfies MessageStatus;
      if (input.status === 'failed' && input.error) m.error = { ...input.error };
      else delete m.error;
      if (email) email.status = input.status;
      const conversation = state.conversations.get(m.conversationId);
      if (conversation) conversation.dateUpdated = ctx.store.clock.now();
      return ok({ conversationId: m.conversationId, messageId: m.id, status: m.status, ...(email ? { emailMessageId: email.id } : {}) });
    },

    /** `isTyping` is a string in the spec: "true" or "false" (CV10). */
    'POST /conversations/providers/live-chat/typing': (ctx) => {
      const input = ctx.body as { locationId: string; isTyping: string; visitorId: string; conversationId: string };
      const c = ownConversation(ctx, input.conversationId);
      if (input.isTyping !== 'true' && input.isTyping !== 'false') throw unprocessable(['isTyping must be one of the following values: true, false']);
      if (!input.visitorId.trim()) throw unprocessable(['visitorId should not be empty']);
      c.typing = { visitorId: input.visitorId, isTyping: input.isTyping === 'true', at: ctx.store.clock.now() };
      return { status: 201, body: { success: true } };
    },
  },
};

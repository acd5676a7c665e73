import type { ContactRecord } from '../store.js';
import { CONVERSATION_TYPE_CODES, MESSAGE_TYPE_CODES, type ConversationRecord, type ConversationsState, type EmailRecord, type MessageRecord, type TranscriptSentence } from './conversations-state.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Record → wire shape, one function per spec schema of apps/conversations.json. Absent values are
 * left out (ASSUMPTIONS.md D1), except where the schema requires a string: those get "".
 */

const iso = (ms: number): string => new Date(ms).toISOString();

/** What a conversation's messages say about it: computed on every read. */
export interface ConversationFacts {
  last: MessageRecord | undefined;
  lastOutbound: MessageRecord | undefined;
  /** Epoch ms of the newest message (the conversation's creation when it has none). */
  lastMessageDate: number;
  /** Epoch ms of the newest message a user sent by hand; falls back to `lastMessageDate`. */
  lastManualMessageDate: number;
  /** Inbound messages not yet read. */
  unreadCount: number;
}

export function conversationFacts(state: ConversationsState, c: ConversationRecord): ConversationFacts {
  const messages = state.messagesOf(c.id);
  const last = messages[0];
  const lastManual = messages.find((m) => m.direction === 'outbound' && m.source === 'app');
  const lastMessageDate = last?.dateAdded ?? c.dateAdded;
  return {
    last,
    lastOutbound: messages.find((m) => m.direction === 'outbound'),
    lastMessageDate,
    lastManualMessageDate: lastManual?.dateAdded ?? lastMessageDate,
    unreadCount: messages.filter((m) => m.direction === 'inbound' && m.status !== 'read').length,
  };
}

const fullName = (c: ContactRecord | undefined): string => [c?.firstName, c?.lastName].filter(Boolean).join(' ');

/**
 * An item of `GET /conversations/search` (`ConversationSchema`), plus the fields GHL's search
 * sends beyond the schema (ASSUMPTIONS.md CV4): dates in ms, `sort` (the value `startAfterDate`
 * continues after), `assignedTo`, `starred`, `inbox`, `followers`, the last message's direction.
 */
export function conversationSummaryDto(c: ConversationRecord, contact: ContactRecord | undefined, facts: ConversationFacts, sortValue: number): Record<string, unknown> {
  const name = fullName(contact);
  return withoutUndefined({
    id: c.id,
    contactId: c.contactId,
    locationId: c.locationId,
    lastMessageBody: facts.last?.body ?? '',
    lastMessageType: facts.last?.messageType ?? 'TYPE_ACTIVITY_CONTACT',
    type: c.type,
    unreadCount: facts.unreadCount,
    fullName: name,
    contactName: name || contact?.companyName || contact?.email || contact?.phone || '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    dateAdded: c.dateAdded,
    dateUpdated: c.dateUpdated,
    lastMessageDate: facts.lastMessageDate,
    lastManualMessageDate: facts.lastManualMessageDate,
    lastMessageDirection: facts.last?.direction,
    lastOutboundMessageAction: facts.lastOutbound ? (facts.lastOutbound.source === 'app' ? 'manual' : 'automated') : undefined,
    assignedTo: c.assignedTo,
    followers: [...c.followers],
    starred: c.starred,
    inbox: c.inbox,
    sort: [sortValue],
  });
}

/** `GetConversationByIdResponse`: `type` is a number here, unlike in the search. */
export function conversationDto(c: ConversationRecord, facts: ConversationFacts): Record<string, unknown> {
  return withoutUndefined({
    id: c.id,
    contactId: c.contactId,
    locationId: c.locationId,
    deleted: false,
    inbox: c.inbox,
    type: CONVERSATION_TYPE_CODES[c.type],
    unreadCount: facts.unreadCount,
    assignedTo: c.assignedTo,
    starred: c.starred,
  });
}

/** `GetMessageResponseDto`. `meta.callDuration` is a string in the spec. */
export function messageDto(m: MessageRecord): Record<string, unknown> {
  const meta = withoutUndefined({
    callDuration: m.call ? String(m.call.durationSeconds) : undefined,
    callStatus: m.call?.status,
    email: m.emailIds ? { messageIds: [...m.emailIds] } : undefined,
  });
  return withoutUndefined({
    id: m.id,
    type: MESSAGE_TYPE_CODES[m.messageType] ?? 0,
    messageType: m.messageType,
    locationId: m.locationId,
    contactId: m.contactId,
    conversationId: m.conversationId,
    dateAdded: iso(m.dateAdded),
    body: m.body,
    direction: m.direction,
    status: m.status,
    contentType: m.contentType,
    attachments: [...m.attachments],
    meta: Object.keys(meta).length > 0 ? meta : undefined,
    source: m.source,
    userId: m.userId,
    chatWidgetId: m.chatWidgetId,
  });
}

/** `GetEmailMessageResponseDto`. `threadId` is the conversation message holding the thread. */
export function emailDto(e: EmailRecord): Record<string, unknown> {
  return withoutUndefined({
    id: e.id,
    threadId: e.messageId,
    locationId: e.locationId,
    contactId: e.contactId,
    conversationId: e.conversationId,
    dateAdded: iso(e.dateAdded),
    subject: e.subject,
    body: e.body,
    direction: e.direction,
    status: e.status,
    contentType: 'text/html',
    attachments: [],
    provider: e.provider,
    from: e.from,
    to: [...e.to],
    cc: [...e.cc],
    bcc: [...e.bcc],
    replyToMessageId: e.replyToMessageId,
    source: e.source,
  });
}

export function sentenceDto(s: TranscriptSentence): Record<string, unknown> {
  return { mediaChannel: s.mediaChannel, sentenceIndex: s.sentenceIndex, startTime: s.startTime, endTime: s.endTime, transcript: s.transcript, confidence: s.confidence };
}

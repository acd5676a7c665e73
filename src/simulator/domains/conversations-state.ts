import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';

/**
 * What the simulator keeps for apps/conversations.json. Records hold what GHL stores; the wire
 * shapes are built in conversations-present.ts, so derived values (last message, unread count)
 * are computed from the messages and can never go stale.
 */

export type ConversationType = 'TYPE_PHONE' | 'TYPE_EMAIL' | 'TYPE_FB_MESSENGER' | 'TYPE_REVIEW' | 'TYPE_GROUP_SMS';

/** `GetConversationByIdResponse.type` is a number; its description gives the mapping. */
export const CONVERSATION_TYPE_CODES: Record<ConversationType, number> = { TYPE_PHONE: 1, TYPE_EMAIL: 2, TYPE_FB_MESSENGER: 3, TYPE_REVIEW: 4, TYPE_GROUP_SMS: 5 };

export type MessageDirection = 'inbound' | 'outbound';
export type MessageStatus = 'connected' | 'delivered' | 'failed' | 'opened' | 'pending' | 'read' | 'scheduled' | 'sent' | 'undelivered' | 'clicked' | 'opt_out' | 'queued';
export type MessageSource = 'workflow' | 'bulk_actions' | 'campaign' | 'api' | 'app';
export type CallStatus = 'pending' | 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled' | 'voicemail';

/**
 * GHL's numeric message type (`GetMessageResponseDto.type`) for the string types the seed uses.
 * The spec only pins 1 (call), 3 (email) and 10 (voicemail); the rest follow the order of the
 * string enum without the later `TYPE_RCS` (ASSUMPTIONS.md CV3).
 */
export const MESSAGE_TYPE_CODES: Record<string, number> = {
  TYPE_CALL: 1,
  TYPE_SMS: 2,
  TYPE_EMAIL: 3,
  TYPE_WEBCHAT: 5,
  TYPE_CAMPAIGN_VOICEMAIL: 10,
  TYPE_FACEBOOK: 11,
  TYPE_INSTAGRAM: 18,
  TYPE_WHATSAPP: 19,
  TYPE_LIVE_CHAT: 29,
  TYPE_ACTIVITY_APPOINTMENT: 31,
};

export interface ConversationRecord {
  id: string;
  locationId: string;
  contactId: string;
  type: ConversationType;
  assignedTo?: string;
  followers: string[];
  starred: boolean;
  inbox: boolean;
  /** Epoch ms, as the search sends its dates. */
  dateAdded: number;
  dateUpdated: number;
  /** Visitor of a live-chat widget, for conversations that started there. */
  visitorId?: string;
  /** The last typing signal an agent sent (`POST /conversations/providers/live-chat/typing`). */
  typing?: { visitorId: string; isTyping: boolean; at: number };
}

export interface MessageRecord {
  id: string;
  locationId: string;
  contactId: string;
  conversationId: string;
  messageType: string;
  direction: MessageDirection;
  status: MessageStatus;
  body?: string;
  contentType: string;
  attachments: string[];
  source?: MessageSource;
  userId?: string;
  chatWidgetId?: string;
  /** Epoch ms; unique within a location so `startAfterDate` paging never meets a tie. */
  dateAdded: number;
  call?: { durationSeconds: number; status: CallStatus };
  /** Ids of the emails of an email thread (`meta.email.messageIds`). */
  emailIds?: string[];
  /** The provider error of the last `failed` status update. */
  error?: { code: string; type: string; message: string };
}

export interface EmailRecord {
  id: string;
  /** The conversation message that holds the thread. */
  messageId: string;
  locationId: string;
  contactId: string;
  conversationId: string;
  dateAdded: number;
  subject: string;
  body: string;
  direction: MessageDirection;
  status: 'pending' | 'scheduled' | 'sent' | 'delivered' | 'read' | 'undelivered' | 'connected' | 'failed' | 'opened';
  provider: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyToMessageId?: string;
  source?: MessageSource;
}

/** The audio is synthesized on request from these, so the store holds no bytes. */
export interface RecordingRecord {
  messageId: string;
  durationMs: number;
  toneHz: number;
}

export interface TranscriptSentence {
  mediaChannel: number;
  sentenceIndex: number;
  startTime: number;
  endTime: number;
  transcript: string;
  confidence: number;
}

export class ConversationsState {
  readonly conversations = new Map<string, ConversationRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly emails = new Map<string, EmailRecord>();
  readonly recordings = new Map<string, RecordingRecord>();
  readonly transcriptions = new Map<string, TranscriptSentence[]>();
  private readonly messagesByConversation = new Map<string, Set<string>>();
  /**
   * The spec's transcription answer is one sentence object; third-party clients see an array of
   * sentences. Tests flip this to send the array (ASSUMPTIONS.md CV7); it breaks spec validation.
   */
  transcriptionAsArray = false;

  addConversation(c: ConversationRecord): ConversationRecord {
    this.conversations.set(c.id, c);
    this.messagesByConversation.set(c.id, new Set());
    return c;
  }

  addMessage(m: MessageRecord): MessageRecord {
    this.messages.set(m.id, m);
    this.messagesByConversation.get(m.conversationId)?.add(m.id);
    return m;
  }

  /** Newest first, then by id: the order of `GET /conversations/{id}/messages`. */
  messagesOf(conversationId: string): MessageRecord[] {
    const ids = this.messagesByConversation.get(conversationId) ?? new Set<string>();
    return [...ids].map((id) => this.messages.get(id) as MessageRecord).sort((a, b) => b.dateAdded - a.dateAdded || (a.id < b.id ? -1 : 1));
  }
}

export const conversationsState = (store: SimulatorStore): ConversationsState => store.domainState('conversations', () => new ConversationsState());

/**
 * A conversation whose contact was deleted is gone with it: GHL removes a contact's
 * conversations when the contact is deleted (ASSUMPTIONS.md CV2).
 */
export function liveConversation(store: SimulatorStore, c: ConversationRecord | undefined): ConversationRecord | undefined {
  return c && store.getContact(c.contactId) ? c : undefined;
}

/** Location-checked lookups: another location's record is 403, an unknown id 404 (as the core does). */
export function ownConversation(ctx: RequestContext, id: string): ConversationRecord {
  return owned(ctx, liveConversation(ctx.store, conversationsState(ctx.store).conversations.get(id)), 'Conversation not found');
}

export function ownMessage(ctx: RequestContext, id: string): MessageRecord {
  const state = conversationsState(ctx.store);
  const message = state.messages.get(id);
  return owned(ctx, message && liveConversation(ctx.store, state.conversations.get(message.conversationId)) ? message : undefined, 'Message not found');
}

export function ownEmail(ctx: RequestContext, id: string): EmailRecord {
  const state = conversationsState(ctx.store);
  const email = state.emails.get(id);
  return owned(ctx, email && liveConversation(ctx.store, state.conversations.get(email.conversationId)) ? email : undefined, 'Email not found');
}

function owned<T extends { locationId: string }>(ctx: RequestContext, record: T | undefined, missing: string): T {
  if (!record) throw notFound(missing);
  if (record.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return record;
}

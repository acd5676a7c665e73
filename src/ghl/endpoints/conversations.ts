import type { RawBody } from '../client.js';
import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/**
 * apps/conversations.json. Shapes are the spec's (`ConversationSchema`, `GetConversationByIdResponse`,
 * `GetMessageResponseDto`, `GetEmailMessageResponseDto`, `GetMessageTranscriptionResponseDto`),
 * with the extra fields GHL's search is known to send marked optional. Where GHL is seen to answer
 * differently from the spec (nested message pages, transcriptions as arrays), the functions accept
 * both and return one shape.
 */

/** An item of `GET /conversations/search`. `type` is a string here (`TYPE_PHONE`…). */
export interface GhlConversationSummary {
  id: string;
  contactId?: string;
  locationId?: string;
  lastMessageBody?: string;
  lastMessageType?: string;
  type?: string;
  unreadCount?: number;
  fullName?: string;
  contactName?: string;
  email?: string;
  phone?: string;
  // Beyond the schema: what GHL's search sends besides.
  dateAdded?: number | string;
  dateUpdated?: number | string;
  lastMessageDate?: number | string;
  lastManualMessageDate?: number | string;
  lastMessageDirection?: string;
  assignedTo?: string;
  starred?: boolean;
  inbox?: boolean;
  deleted?: boolean;
  /** The values `startAfterDate` continues after. */
  sort?: (number | string)[];
}

/** `GET /conversations/{id}`. `type` is a number here: 1 phone, 2 email, 3 Messenger, 4 review, 5 group SMS, 6 internal chat. */
export interface GhlConversationDetail {
  id: string;
  contactId?: string;
  locationId?: string;
  deleted?: boolean;
  inbox?: boolean;
  type?: number;
  unreadCount?: number;
  assignedTo?: string;
  starred?: boolean;
}

export interface GhlMessage {
  id: string;
  type?: number;
  messageType?: string;
  locationId?: string;
  contactId?: string;
  conversationId?: string;
  dateAdded?: string;
  body?: string;
  direction?: string;
  status?: string;
  contentType?: string;
  attachments?: string[];
  meta?: { callDuration?: string | number; callStatus?: string; email?: { messageIds?: string[]; email?: { messageIds?: string[] } } };
  source?: string;
  userId?: string;
  conversationProviderId?: string;
  chatWidgetId?: string;
}

export interface GhlEmailMessage {
  id: string;
  altId?: string;
  threadId?: string;
  locationId?: string;
  contactId?: string;
  conversationId?: string;
  dateAdded?: string;
  subject?: string;
  body?: string;
  direction?: string;
  status?: string;
  contentType?: string;
  attachments?: string[];
  provider?: string;
  from?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  replyToMessageId?: string;
  source?: string;
  conversationProviderId?: string;
}

export interface GhlTranscriptSentence {
  mediaChannel?: number;
  sentenceIndex?: number;
  startTime?: number;
  endTime?: number;
  transcript?: string;
  confidence?: number;
}

/** Query of `GET /conversations/search`; `locationId` comes from the credential. */
export interface ConversationSearchQuery {
  id?: string;
  contactId?: string;
  assignedTo?: string;
  followers?: string;
  query?: string;
  status?: 'all' | 'read' | 'unread' | 'starred' | 'recents';
  lastMessageType?: string;
  lastMessageDirection?: 'inbound' | 'outbound';
  lastMessageAction?: 'automated' | 'manual';
  startDate?: number;
  endDate?: number;
  sort?: 'asc' | 'desc';
  sortBy?: 'last_message_date' | 'last_manual_message_date';
  startAfterDate?: number | string;
  limit?: number;
}

export interface ConversationSearchResult {
  conversations: GhlConversationSummary[];
  total: number;
}

export interface MessagePageQuery {
  conversationId: string;
  lastMessageId?: string;
  limit?: number;
  type?: string;
}

export interface MessagePage {
  messages: GhlMessage[];
  nextPage: boolean;
  /** Null when the page is empty. */
  lastMessageId: string | null;
}

/** A call recording, base64 so it is JSON-safe in any cache tier. */
export interface GhlRecording {
  contentType: string;
  fileName: string | null;
  base64: string;
  sizeBytes: number;
}

export interface GhlTranscriptDownload {
  fileName: string | null;
  text: string;
}

/** `UpdateMessageStatusDto`. */
export interface MessageStatusBody {
  status: 'delivered' | 'failed' | 'pending' | 'read';
  error?: { code: string; type: string; message: string };
  emailMessageId?: string;
  recipients?: string[];
}

/** `SendMessageResponseDto`, as the status update answers it. */
export interface GhlMessageStatusResult {
  conversationId: string;
  messageId: string;
  status: string;
  emailMessageId?: string;
}

const ops = {
  search: operation('GET /conversations/search'),
  getConversation: operation('GET /conversations/{conversationId}'),
  getEmail: operation('GET /conversations/messages/email/{id}'),
  getMessage: operation('GET /conversations/messages/{id}'),
  getMessages: operation('GET /conversations/{conversationId}/messages'),
  getRecording: operation('GET /conversations/messages/{messageId}/locations/{locationId}/recording'),
  getTranscription: operation('GET /conversations/locations/{locationId}/messages/{messageId}/transcription'),
  downloadTranscription: operation('GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download'),
  updateStatus: operation('PUT /conversations/messages/{messageId}/status'),
  typing: operation('POST /conversations/providers/live-chat/typing'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

export async function searchConversations(ctx: GhlCallContext, query: ConversationSearchQuery): Promise<ConversationSearchResult> {
  const res = await ctx.client.call<ConversationSearchResult>(ops.search, ctx.credential, { ...call(ctx), query: { locationId: ctx.credential.locationId, ...query } });
  return { conversations: res.data.conversations ?? [], total: res.data.total ?? 0 };
}

export async function getConversation(ctx: GhlCallContext, conversationId: string): Promise<GhlConversationDetail> {
  return (await ctx.client.call<GhlConversationDetail>(ops.getConversation, ctx.credential, { ...call(ctx), pathParams: { conversationId } })).data;
}

/** No `Version` header and no security block in the spec; the token still needs `conversations/message.readonly` (SCOPE_GAPS). */
export async function getEmailMessage(ctx: GhlCallContext, id: string): Promise<GhlEmailMessage> {
  return (await ctx.client.call<GhlEmailMessage>(ops.getEmail, ctx.credential, { ...call(ctx), pathParams: { id } })).data;
}

export async function getMessage(ctx: GhlCallContext, id: string): Promise<GhlMessage> {
  return (await ctx.client.call<GhlMessage>(ops.getMessage, ctx.credential, { ...call(ctx), pathParams: { id } })).data;
}

type MessagePageBody = Partial<Omit<MessagePage, 'messages'>> & { messages?: GhlMessage[] | (Partial<MessagePage> & { messages?: GhlMessage[] }) };

/** Newest first. The spec's envelope is flat; GHL is also seen to nest it under `messages`, so both are read. */
export async function getConversationMessages(ctx: GhlCallContext, page: MessagePageQuery): Promise<MessagePage> {
  const { conversationId, ...query } = page;
  const res = await ctx.client.call<MessagePageBody>(ops.getMessages, ctx.credential, { ...call(ctx), pathParams: { conversationId }, query });
  const box = res.data.messages && !Array.isArray(res.data.messages) ? res.data.messages : res.data;
  const messages = Array.isArray(box.messages) ? box.messages : [];
  return { messages, nextPage: box.nextPage === true, lastMessageId: messages.length > 0 ? (box.lastMessageId || (messages.at(-1)?.id ?? null)) : null };
}

const fileNameOf = (disposition: string | null): string | null => /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? null;

/** The spec's 200 is audio (`audio/x-wav`) with `Content-Disposition: attachment; filename=audio.wav`. */
export async function getMessageRecording(ctx: GhlCallContext, messageId: string): Promise<GhlRecording> {
  const res = await ctx.client.call<RawBody>(ops.getRecording, ctx.credential, { ...call(ctx), raw: true, pathParams: { messageId, locationId: ctx.credential.locationId } });
  const { bytes, contentType, contentDisposition } = res.data;
  return { contentType: contentType?.split(';')[0]?.trim() || 'audio/x-wav', fileName: fileNameOf(contentDisposition), base64: bytes.toString('base64'), sizeBytes: bytes.length };
}

/** The spec answers one sentence object; GHL is seen to answer the array of sentences. Both become a list. */
export async function getMessageTranscription(ctx: GhlCallContext, messageId: string): Promise<GhlTranscriptSentence[]> {
  const res = await ctx.client.call<GhlTranscriptSentence | GhlTranscriptSentence[] | null>(ops.getTranscription, ctx.credential, {
    ...call(ctx),
    pathParams: { messageId, locationId: ctx.credential.locationId },
  });
  const data = res.data;
  return Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
}

/** The spec's 200 is `text/plain` with `Content-Disposition: attachment; filename="transcription.txt"`. */
export async function downloadMessageTranscription(ctx: GhlCallContext, messageId: string): Promise<GhlTranscriptDownload> {
  const res = await ctx.client.call<RawBody>(ops.downloadTranscription, ctx.credential, { ...call(ctx), raw: true, pathParams: { messageId, locationId: ctx.credential.locationId } });
  return { fileName: fileNameOf(res.data.contentDisposition), text: res.data.bytes.toString('utf8') };
}

export async function updateMessageStatus(ctx: GhlCallContext, messageId: string, body: MessageStatusBody): Promise<GhlMessageStatusResult> {
  return (await ctx.client.call<GhlMessageStatusResult>(ops.updateStatus, ctx.credential, { ...call(ctx), pathParams: { messageId }, body })).data;
}

/** `isTyping` is a string in the spec (`UserTypingBody`). Location-Access: a location token or PIT. */
export async function sendLiveChatTyping(ctx: GhlCallContext, body: { conversationId: string; visitorId: string; isTyping: boolean }): Promise<{ success: boolean }> {
  const res = await ctx.client.call<{ success?: boolean }>(ops.typing, ctx.credential, {
    ...call(ctx),
    body: { locationId: ctx.credential.locationId, conversationId: body.conversationId, visitorId: body.visitorId, isTyping: String(body.isTyping) },
  });
  return { success: res.data?.success !== false };
}

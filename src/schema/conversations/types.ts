import type { GraphQLContext } from '../../context.js';
import type { GhlConversationDetail, GhlConversationSummary, GhlEmailMessage, GhlMessage, GhlRecording, GhlTranscriptSentence } from '../../ghl/endpoints/conversations.js';
import { builder } from '../builder.js';
import { Contact } from '../contacts/types.js';
import { traced } from '../shared/ghl-operation.js';
import { connectionType, pageArgs } from '../shared/pagination.js';
import { byParentId } from '../shared/prefetch.js';
import {
  CALL_STATUS_VALUES,
  CallStatusEnum,
  ConversationChannelEnum,
  DIRECTION_VALUES,
  MESSAGE_STATUS_VALUES,
  MESSAGE_TYPE_VALUES,
  MessageDirectionEnum,
  MessageSourceEnum,
  MessageStatusEnum,
  MessageTypeEnum,
  SOURCE_VALUES,
  channelOf,
  orNull,
  orOther,
} from './enums.js';
import { CONVERSATION_PAGE, messagePage, type ConversationNode } from './paging.js';

export const Conversation = builder.objectRef<ConversationNode>('Conversation');

const loadMessages = byParentId('Conversation', 'messages', (id, args: { first?: number | null; after?: string | null; type?: string | null }, ctx) => messagePage(ctx, id, args));
export const Message = builder.objectRef<GhlMessage>('Message');

/** GHL sends "" for required strings it has no value for. */
const text = (v: string | undefined | null): string | null => v || null;

/** Dates come as ISO strings or epoch ms (numbers, or digits in a string). */
export const instant = (v: number | string | undefined | null): Date | string | null =>
  v === undefined || v === null || v === '' ? null : typeof v === 'number' ? new Date(v) : /^\d+$/.test(v) ? new Date(Number(v)) : v;

const summaryOf = async (n: ConversationNode, ctx: GraphQLContext): Promise<GhlConversationSummary | null> =>
  n.summary !== undefined ? n.summary : ctx.loaders.conversationSummary.load(n.id);
const detailOf = async (n: ConversationNode, ctx: GraphQLContext): Promise<GhlConversationDetail> => n.detail ?? ctx.loaders.conversation.read(n.id);

/** A field both shapes carry: the one at hand, else the full conversation. */
async function either<K extends 'contactId' | 'locationId' | 'unreadCount' | 'starred' | 'inbox' | 'deleted'>(n: ConversationNode, ctx: GraphQLContext, key: K) {
  const local = n.detail?.[key] ?? n.summary?.[key];
  return local !== undefined ? local : (await detailOf(n, ctx))[key];
}

/** A field only the search item carries. */
const fromSummary = <T>(read: (s: GhlConversationSummary) => T) => async (n: ConversationNode, _args: unknown, ctx: GraphQLContext): Promise<T | null> => {
  const s = await summaryOf(n, ctx);
  return s ? read(s) : null;
};

Conversation.implement({
  description: 'A thread between the business and one contact on one channel, with its messages.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's conversation id." }),
    contactId: t.id({ description: 'Id of the contact the conversation is with.', resolve: async (n, _a, ctx) => (await either(n, ctx, 'contactId')) ?? '' }),
    locationId: t.id({ description: 'Id of the location (sub-account) that owns the conversation.', resolve: async (n, _a, ctx) => (await either(n, ctx, 'locationId')) ?? '' }),
    channel: t.field({
      type: ConversationChannelEnum,
      nullable: true,
      description: 'The primary channel of the conversation.',
      resolve: async (n, _a, ctx) => channelOf(n.summary?.type ?? n.detail?.type ?? (await detailOf(n, ctx)).type),
    }),
    unreadCount: t.int({ description: 'How many messages of the conversation are unread.', resolve: async (n, _a, ctx) => (await either(n, ctx, 'unreadCount')) ?? 0 }),
    starred: t.boolean({ description: 'Whether a user starred the conversation.', resolve: async (n, _a, ctx) => (await either(n, ctx, 'starred')) ?? false }),
    inbox: t.boolean({ description: 'Whether the conversation is in the main inbox view.', resolve: async (n, _a, ctx) => (await either(n, ctx, 'inbox')) ?? false }),
    deleted: t.boolean({ description: 'Whether the conversation was moved to the trash.', resolve: async (n, _a, ctx) => (await either(n, ctx, 'deleted')) ?? false }),
    assignedTo: t.id({
      nullable: true,
      description: 'Id of the user responsible for the conversation; null when unassigned.',
      resolve: async (n, _a, ctx) => text(n.detail ? n.detail.assignedTo : n.summary ? n.summary.assignedTo : (await detailOf(n, ctx)).assignedTo),
    }),
    fullName: t.string({ nullable: true, description: "The contact's full name.", resolve: fromSummary((s) => text(s.fullName)) }),
    contactName: t.string({ nullable: true, description: 'Display name of the contact: the full name, else company, email or phone.', resolve: fromSummary((s) => text(s.contactName)) }),
    email: t.string({ nullable: true, description: "The contact's email address.", resolve: fromSummary((s) => text(s.email)) }),
    phone: t.string({ nullable: true, description: "The contact's phone number.", resolve: fromSummary((s) => text(s.phone)) }),
    lastMessageBody: t.string({ nullable: true, description: 'Text of the most recent message.', resolve: fromSummary((s) => text(s.lastMessageBody)) }),
    lastMessageType: t.field({ type: MessageTypeEnum, nullable: true, description: 'Kind of the most recent message.', resolve: fromSummary((s) => orOther(MESSAGE_TYPE_VALUES, s.lastMessageType)) }),
    lastMessageDirection: t.field({ type: MessageDirectionEnum, nullable: true, description: 'Direction of the most recent message.', resolve: fromSummary((s) => orNull(DIRECTION_VALUES, s.lastMessageDirection)) }),
    lastMessageDate: t.field({ type: 'DateTime', nullable: true, description: 'When the most recent message was sent or received.', resolve: fromSummary((s) => instant(s.lastMessageDate)) }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When the conversation started.', resolve: fromSummary((s) => instant(s.dateAdded)) }),
    dateUpdated: t.field({ type: 'DateTime', nullable: true, description: 'When the conversation last changed.', resolve: fromSummary((s) => instant(s.dateUpdated)) }),
    contact: t.field({
      ...traced('The contact the conversation is with.', 'GET /contacts/{contactId}'),
      type: Contact,
      nullable: true,
      resolve: async (n, _a, ctx) => {
        const id = await either(n, ctx, 'contactId');
        return id ? ctx.loaders.contact.read(id) : null;
      },
    }),
    messages: t.field({
      nullable: true,
      ...traced('Messages of the conversation, newest first. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.', 'GET /conversations/{conversationId}/messages'),
      type: MessageConnection,
      args: {
        ...pageArgs(t.arg, CONVERSATION_PAGE),
        type: t.arg({ type: MessageTypeEnum, description: 'Only messages of this type (GHL filters by a subset of the types).' }),
      },
      resolve: (n, args, ctx) => loadMessages(n.id, args, ctx),
    }),
  }),
});

export const CallDetails = builder.objectRef<NonNullable<GhlMessage['meta']>>('CallDetails').implement({
  description: 'What GHL records about a call message.',
  fields: (t) => ({
    durationSeconds: t.int({
      nullable: true,
      description: 'How long the call lasted, in seconds.',
      resolve: (m) => (m.callDuration === undefined || m.callDuration === '' || Number.isNaN(Number(m.callDuration)) ? null : Math.round(Number(m.callDuration))),
    }),
    status: t.field({ type: CallStatusEnum, nullable: true, description: 'How the call went.', resolve: (m) => orNull(CALL_STATUS_VALUES, m.callStatus) }),
  }),
});

/** `meta.email.messageIds`; GHL's example nests it once more (`meta.email.email.messageIds`). */
const emailIdsOf = (m: GhlMessage): string[] => m.meta?.email?.messageIds ?? m.meta?.email?.email?.messageIds ?? [];

Message.implement({
  description: 'One message of a conversation: an SMS, a call, an email thread, a chat message, an activity entry…',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's message id." }),
    type: t.field({ type: MessageTypeEnum, nullable: true, description: 'The kind of message.', resolve: (m) => orOther(MESSAGE_TYPE_VALUES, m.messageType) }),
    typeCode: t.int({ nullable: true, description: "GHL's numeric code of the type (1 call, 2 SMS, 3 email, …).", resolve: (m) => m.type ?? null }),
    direction: t.field({ type: MessageDirectionEnum, nullable: true, description: 'Which way the message went.', resolve: (m) => orNull(DIRECTION_VALUES, m.direction) }),
    status: t.field({ type: MessageStatusEnum, nullable: true, description: 'Where the message is in its delivery.', resolve: (m) => orOther(MESSAGE_STATUS_VALUES, m.status) }),
    body: t.string({ nullable: true, description: 'Content of the message (HTML for emails).', resolve: (m) => text(m.body) }),
    contentType: t.string({ nullable: true, description: 'MIME type of the body, e.g. `text/plain`.', resolve: (m) => text(m.contentType) }),
    attachments: t.stringList({ description: 'URLs of attached files. Calls and voicemails have none: see `messageRecording`.', resolve: (m) => m.attachments ?? [] }),
    source: t.field({ type: MessageSourceEnum, nullable: true, description: 'What sent the message.', resolve: (m) => orNull(SOURCE_VALUES, m.source) }),
    userId: t.id({ nullable: true, description: 'Id of the user who sent it, for messages sent by hand.', resolve: (m) => text(m.userId) }),
    conversationProviderId: t.id({ nullable: true, description: 'Id of the conversation provider that carried it.', resolve: (m) => text(m.conversationProviderId) }),
    chatWidgetId: t.id({ nullable: true, description: 'Id of the chat widget, for live chat messages.', resolve: (m) => text(m.chatWidgetId) }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When the message was sent or received.', resolve: (m) => instant(m.dateAdded) }),
    locationId: t.id({ nullable: true, description: 'Id of the location that owns the message.', resolve: (m) => text(m.locationId) }),
    contactId: t.id({ nullable: true, description: 'Id of the contact of the conversation.', resolve: (m) => text(m.contactId) }),
    conversationId: t.id({ nullable: true, description: 'Id of the conversation the message belongs to.', resolve: (m) => text(m.conversationId) }),
    call: t.field({
      type: CallDetails,
      nullable: true,
      description: 'Duration and outcome, for calls and voicemails.',
      resolve: (m) => (m.meta && (m.meta.callDuration !== undefined || m.meta.callStatus !== undefined) ? m.meta : null),
    }),
    emailMessageIds: t.idList({ description: 'Ids of the emails of an email thread, oldest first.', resolve: emailIdsOf }),
    emails: t.field({
      nullable: true,
      ...traced('The emails of an email thread, oldest first. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.', 'GET /conversations/messages/email/{id}'),
      type: [EmailMessage],
      resolve: (m, _a, ctx) => Promise.all(emailIdsOf(m).map((id) => ctx.loaders.emailMessage.read(id))),
    }),
    conversation: t.field({
      ...traced('The conversation the message belongs to.', 'GET /conversations/{conversationId}'),
      type: Conversation,
      nullable: true,
      resolve: (m) => (m.conversationId ? { id: m.conversationId } : null),
    }),
    contact: t.field({
      ...traced('The contact of the conversation.', 'GET /contacts/{contactId}'),
      type: Contact,
      nullable: true,
      resolve: (m, _a, ctx) => (m.contactId ? ctx.loaders.contact.read(m.contactId) : null),
    }),
  }),
});

export const EmailMessage = builder.objectRef<GhlEmailMessage>('EmailMessage').implement({
  description: 'One email of an email thread.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's email message id." }),
    altId: t.id({ nullable: true, description: 'Id of the email at the email provider.', resolve: (e) => text(e.altId) }),
    threadId: t.id({ nullable: true, description: 'Id of the thread (the conversation message) the email belongs to.', resolve: (e) => text(e.threadId) }),
    subject: t.string({ nullable: true, description: 'Subject line.', resolve: (e) => text(e.subject) }),
    body: t.string({ nullable: true, description: 'Body, in the format of `contentType`.', resolve: (e) => text(e.body) }),
    contentType: t.string({ nullable: true, description: 'MIME type of the body, e.g. `text/html`.', resolve: (e) => text(e.contentType) }),
    direction: t.field({ type: MessageDirectionEnum, nullable: true, description: 'Which way the email went.', resolve: (e) => orNull(DIRECTION_VALUES, e.direction) }),
    status: t.field({ type: MessageStatusEnum, nullable: true, description: 'Where the email is in its delivery.', resolve: (e) => orOther(MESSAGE_STATUS_VALUES, e.status) }),
    from: t.string({ nullable: true, description: 'Sender, as `Name <address>`.', resolve: (e) => text(e.from) }),
    to: t.stringList({ description: 'Recipients.', resolve: (e) => e.to ?? [] }),
    cc: t.stringList({ description: 'Recipients in copy.', resolve: (e) => e.cc ?? [] }),
    bcc: t.stringList({ description: 'Recipients in blind copy.', resolve: (e) => e.bcc ?? [] }),
    attachments: t.stringList({ description: 'URLs of attached files.', resolve: (e) => e.attachments ?? [] }),
    provider: t.string({ nullable: true, description: 'Email service that carried it (e.g. `mailgun`, `smtp`).', resolve: (e) => text(e.provider) }),
    replyToMessageId: t.id({ nullable: true, description: 'Id of the email this one replies to.', resolve: (e) => text(e.replyToMessageId) }),
    source: t.field({ type: MessageSourceEnum, nullable: true, description: 'What sent the email.', resolve: (e) => orNull(SOURCE_VALUES, e.source) }),
    conversationProviderId: t.id({ nullable: true, description: 'Id of the conversation provider that carried it.', resolve: (e) => text(e.conversationProviderId) }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When the email was sent or received.', resolve: (e) => instant(e.dateAdded) }),
    locationId: t.id({ nullable: true, description: 'Id of the location that owns the email.', resolve: (e) => text(e.locationId) }),
    contactId: t.id({ nullable: true, description: 'Id of the contact of the conversation.', resolve: (e) => text(e.contactId) }),
    conversationId: t.id({ nullable: true, description: 'Id of the conversation the email belongs to.', resolve: (e) => text(e.conversationId) }),
    conversation: t.field({
      ...traced('The conversation the email belongs to.', 'GET /conversations/{conversationId}'),
      type: Conversation,
      nullable: true,
      resolve: (e) => (e.conversationId ? { id: e.conversationId } : null),
    }),
  }),
});

export const MessageRecording = builder.objectRef<GhlRecording & { messageId: string }>('MessageRecording').implement({
  description: 'The audio of a call or voicemail message, inline as base64 (GHL serves it as a file download).',
  fields: (t) => ({
    messageId: t.exposeID('messageId', { description: 'Id of the call message.' }),
    contentType: t.exposeString('contentType', { description: 'MIME type of the audio, e.g. `audio/x-wav`.' }),
    fileName: t.string({ nullable: true, description: 'File name GHL suggests for it.', resolve: (r) => r.fileName }),
    sizeBytes: t.exposeInt('sizeBytes', { description: 'Size of the audio in bytes.' }),
    contentBase64: t.exposeString('base64', { description: 'The audio file, base64-encoded.' }),
  }),
});

export const TranscriptionSentence = builder.objectRef<GhlTranscriptSentence>('TranscriptionSentence').implement({
  description: 'One sentence of a call transcription.',
  fields: (t) => ({
    index: t.int({ nullable: true, description: 'Position of the sentence in the transcription, from 1.', resolve: (s) => s.sentenceIndex ?? null }),
    mediaChannel: t.int({ nullable: true, description: 'Audio channel of the speaker: each side of the call has its own.', resolve: (s) => s.mediaChannel ?? null }),
    startTimeMs: t.int({ nullable: true, description: 'When the sentence starts, in ms from the start of the call.', resolve: (s) => (s.startTime === undefined ? null : Math.round(s.startTime)) }),
    endTimeMs: t.int({ nullable: true, description: 'When the sentence ends, in ms from the start of the call.', resolve: (s) => (s.endTime === undefined ? null : Math.round(s.endTime)) }),
    transcript: t.string({ description: 'What was said.', resolve: (s) => s.transcript ?? '' }),
    confidence: t.float({ nullable: true, description: 'How sure the speech recognition is, from 0 to 1.', resolve: (s) => s.confidence ?? null }),
  }),
});

export const MessageTranscription = builder.objectRef<{ messageId: string; sentences: GhlTranscriptSentence[] }>('MessageTranscription').implement({
  description: 'The transcription of a recorded call, sentence by sentence.',
  fields: (t) => ({
    messageId: t.exposeID('messageId', { description: 'Id of the call message.' }),
    sentences: t.field({ type: [TranscriptionSentence], description: 'The sentences, in order.', resolve: (tr) => [...tr.sentences].sort((a, b) => (a.sentenceIndex ?? 0) - (b.sentenceIndex ?? 0)) }),
  }),
});

export const ConversationConnection = connectionType(Conversation, 'Conversation', 'conversation');
export const MessageConnection = connectionType(Message, 'Message', 'message');

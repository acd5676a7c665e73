import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { prefetchChildren } from '../shared/prefetch.js';
import { ConversationReadStatusEnum, ConversationSortFieldEnum, ConversationSortOrderEnum, MessageActionEnum, MessageDirectionEnum, MessageTypeEnum } from './enums.js';
import { CONVERSATION_PAGE, conversationPage } from './paging.js';
import { Conversation, ConversationConnection, EmailMessage, Message, MessageRecording, MessageTranscription } from './types.js';

export const ConversationFilterInput = builder.inputType('ConversationFilterInput', {
  description: 'Which conversations to list; every given condition must hold.',
  fields: (t) => ({
    contactId: t.id({ description: 'Only conversations with this contact.' }),
    assignedTo: t.idList({ description: 'Only conversations assigned to one of these users.' }),
    followers: t.idList({ description: 'Only conversations one of these users follows.' }),
    query: t.string({ description: "Text matched against the contact's name, email and phone and the last message." }),
    status: t.field({ type: ConversationReadStatusEnum, description: 'By read state. Default: all.' }),
    lastMessageType: t.field({ type: MessageTypeEnum, description: 'Only conversations whose last message is of this type.' }),
    lastMessageDirection: t.field({ type: MessageDirectionEnum, description: 'Only conversations whose last message went this way.' }),
    lastMessageAction: t.field({ type: MessageActionEnum, description: 'Only conversations whose last outbound message was sent this way.' }),
    lastMessageFrom: t.field({ type: 'DateTime', description: 'Only conversations whose last message is at or after this instant (GHL `startDate`).' }),
    lastMessageTo: t.field({ type: 'DateTime', description: 'Only conversations whose last message is at or before this instant (GHL `endDate`).' }),
  }),
});

builder.queryFields((t) => ({
  conversation: t.field({
    ...traced('One conversation by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /conversations/{conversationId}'),
    type: Conversation,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's conversation id." }) },
    resolve: async (_root, { id }, ctx, info) => {
      prefetchChildren('Conversation', id, ctx, info);
      const detail = await ctx.loaders.conversation.load(id);
      return { id: detail.id || id, detail };
    },
  }),
  conversations: t.field({
    ...traced("Conversations of the caller's location, by default newest message first.", 'GET /conversations/search'),
    type: ConversationConnection,
    args: {
      ...pageArgs(t.arg, CONVERSATION_PAGE, '; use it with the same filter and sort'),
      filter: t.arg({ type: ConversationFilterInput, description: 'Conditions the conversations must meet.' }),
      sortBy: t.arg({ type: ConversationSortFieldEnum, description: 'What to order by. Default: the last message date.' }),
      sortOrder: t.arg({ type: ConversationSortOrderEnum, description: 'Direction of the order. Default: newest first.' }),
    },
    resolve: (_root, args, ctx) => conversationPage(ctx, args),
  }),
  message: t.field({
    ...traced('One message by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /conversations/messages/{id}'),
    type: Message,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's message id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.message.read(id),
  }),
  emailMessage: t.field({
    ...traced('One email by its GHL email id (see `Message.emailMessageIds`); null with a NOT_FOUND error when it does not exist.', 'GET /conversations/messages/email/{id}'),
    type: EmailMessage,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's email message id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.emailMessage.read(id),
  }),
  messageRecording: t.field({
    ...traced('The audio of a call or voicemail message; null when the message has none.', 'GET /conversations/messages/{messageId}/locations/{locationId}/recording'),
    type: MessageRecording,
    nullable: true,
    args: { messageId: t.arg.id({ required: true, description: 'Id of the call message.' }) },
    resolve: async (_root, { messageId }, ctx) => {
      const recording = await ctx.loaders.messageRecording.load(messageId);
      return recording ? { ...recording, messageId } : null;
    },
  }),
  messageTranscription: t.field({
    ...traced('The transcription of a recorded call, sentence by sentence; null when the message has none.', 'GET /conversations/locations/{locationId}/messages/{messageId}/transcription'),
    type: MessageTranscription,
    nullable: true,
    args: { messageId: t.arg.id({ required: true, description: 'Id of the call message.' }) },
    resolve: async (_root, { messageId }, ctx) => {
      const sentences = await ctx.loaders.messageTranscription.load(messageId);
      return sentences ? { messageId, sentences } : null;
    },
  }),
  messageTranscriptionText: t.string({
    ...traced('The transcription of a recorded call as the plain-text file GHL offers for download; null when the message has none.', 'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download'),
    nullable: true,
    args: { messageId: t.arg.id({ required: true, description: 'Id of the call message.' }) },
    resolve: async (_root, { messageId }, ctx) => (await ctx.loaders.messageTranscriptionText.load(messageId))?.text ?? null,
  }),
}));

import type { MessageStatusBody } from '../../ghl/endpoints/conversations.js';
import { sendLiveChatTyping, updateMessageStatus } from '../../ghl/endpoints/conversations.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { recordPayload, runMutation } from '../shared/mutation.js';
import { collect, email, nonBlank } from '../shared/validate.js';
import { MessageStatusEnum, UPDATABLE_STATUSES } from './enums.js';
import { Conversation, Message } from './types.js';

const MessageProviderErrorInput = builder.inputType('MessageProviderErrorInput', {
  description: 'Why a conversation provider could not deliver a message.',
  fields: (t) => ({
    code: t.string({ required: true, description: "The provider's error code." }),
    type: t.string({ required: true, description: 'Kind of error, e.g. `saas`.' }),
    message: t.string({ required: true, description: 'What went wrong, for a person.' }),
  }),
});

const MessageStatusUpdateInput = builder.inputType('MessageStatusUpdateInput', {
  description: 'A delivery status a conversation provider reports for a message.',
  fields: (t) => ({
    messageId: t.id({ required: true, description: "GHL's message id." }),
    status: t.field({ type: MessageStatusEnum, required: true, description: 'The new status: DELIVERED, FAILED, PENDING or READ.' }),
    error: t.field({ type: MessageProviderErrorInput, description: 'The provider error, with status FAILED.' }),
    emailMessageId: t.id({ description: 'For an email thread: the email the status is about.' }),
    recipients: t.stringList({ description: 'For emails: the additional recipients (addresses) the status applies to.' }),
  }),
});

const ConversationTypingIndicatorSendInput = builder.inputType('ConversationTypingIndicatorSendInput', {
  description: 'Shows or hides the "agent is typing" indicator in a live chat.',
  fields: (t) => ({
    conversationId: t.id({ required: true, description: 'Id of the live chat conversation.' }),
    visitorId: t.string({ required: true, description: 'Id of the live chat visitor who sees the indicator.' }),
    isTyping: t.boolean({ required: true, description: 'True to show the indicator, false to hide it.' }),
  }),
});

const MessageStatusUpdatePayload = recordPayload('MessageStatusUpdatePayload', 'Result of `messageStatusUpdate`.', 'message', Message, 'The message after the change; null when nothing changed.');

const ConversationTypingIndicatorSendPayload = recordPayload('ConversationTypingIndicatorSendPayload', 'Result of `conversationTypingIndicatorSend`.', 'conversation', Conversation, 'The conversation the indicator was sent to; null when nothing was sent.');

const STATUS_FIELDS = ['messageId', 'status', 'error', 'emailMessageId', 'recipients'] as const;

builder.mutationFields((t) => ({
  messageStatusUpdate: t.field({
    ...traced("Records a message's delivery status, as a conversation provider reports it.", 'PUT /conversations/messages/{messageId}/status'),
    type: MessageStatusUpdatePayload,
    args: { input: t.arg({ type: MessageStatusUpdateInput, required: true, description: 'The message and its new status.' }) },
    resolve: async (_root, { input }, ctx) => {
      const error = input.error ?? null;
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(
          nonBlank(['input', 'messageId'], input.messageId),
          UPDATABLE_STATUSES.has(input.status) ? null : { code: 'INVALID', field: ['input', 'status'], message: 'A provider can only report DELIVERED, FAILED, PENDING or READ.' },
          error && input.status !== 'failed' ? { code: 'INVALID', field: ['input', 'error'], message: 'An error goes only with status FAILED.' } : null,
          nonBlank(['input', 'error', 'code'], error?.code),
          nonBlank(['input', 'error', 'type'], error?.type),
          nonBlank(['input', 'error', 'message'], error?.message),
          nonBlank(['input', 'emailMessageId'], input.emailMessageId),
          ...(input.recipients ?? []).map((r, i) => email(['input', 'recipients', String(i)], r)),
        ),
        inputFields: STATUS_FIELDS,
        notFoundField: ['input', 'messageId'],
        call: () => {
          const body: MessageStatusBody = {
            status: input.status as MessageStatusBody['status'],
            ...(error ? { error: { code: error.code, type: error.type, message: error.message } } : {}),
            ...(input.emailMessageId ? { emailMessageId: input.emailMessageId } : {}),
            ...(input.recipients?.length ? { recipients: input.recipients } : {}),
          };
          return updateMessageStatus(ctx.ghl, input.messageId, body);
        },
        // The status shows on the message, its pages, its email, and in the unread count of its conversation.
        stale: (updated) => ({
          records: {
            message: [input.messageId],
            conversation: [updated.conversationId],
            conversationSummary: [updated.conversationId],
            ...(input.emailMessageId ? { emailMessage: [input.emailMessageId] } : {}),
          },
          lists: ['conversationMessages', 'conversationSearch'],
        }),
      });
      if (!result) return { message: null, userErrors };
      return { message: await ctx.loaders.message.load(input.messageId), userErrors };
    },
  }),
  conversationTypingIndicatorSend: t.field({
    ...traced('Shows or hides the agent typing indicator of a live chat.', 'POST /conversations/providers/live-chat/typing'),
    type: ConversationTypingIndicatorSendPayload,
    args: { input: t.arg({ type: ConversationTypingIndicatorSendInput, required: true, description: 'The conversation, the visitor and whether the agent is typing.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'conversationId'], input.conversationId), nonBlank(['input', 'visitorId'], input.visitorId)),
        inputFields: ['conversationId', 'visitorId', 'isTyping'],
        notFoundField: ['input', 'conversationId'],
        call: () => sendLiveChatTyping(ctx.ghl, { conversationId: input.conversationId, visitorId: input.visitorId, isTyping: input.isTyping }),
      });
      // Nothing readable changes: the indicator only reaches the visitor's widget.
      return { conversation: result ? { id: input.conversationId } : null, userErrors };
    },
  }),
}));

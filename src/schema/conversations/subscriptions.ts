import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { changeEventType, changesOf, resolveChange, streamArgs } from '../shared/subscriptions.js';
import { conversationMessageSource, conversationSource } from '../../subscriptions/sources.js';
import type { GhlConversationSummary } from '../../ghl/endpoints/conversations.js';
import { Conversation, Message } from './types.js';

const ConversationChangeEvent = changeEventType('Conversation', Conversation, 'conversation', (raw) => ({ id: String(raw['id']), summary: raw as unknown as GhlConversationSummary }));
const MessageChangeEvent = changeEventType('Message', Message, 'message');

builder.subscriptionFields((t) => ({
  conversationsChanged: t.field({
    ...traced('Conversations as new messages arrive or their state changes (unread, starred…), optionally for one contact.', 'GET /conversations/search'),
    type: ConversationChangeEvent,
    args: {
      contactId: t.arg.id({ description: "Only this contact's conversations." }),
      ...streamArgs(t.arg),
    },
    subscribe: (_root, args, ctx) => changesOf(ctx, conversationSource, { contactId: args.contactId ?? null }, args),
    resolve: resolveChange,
  }),
  conversationMessagesChanged: t.field({
    ...traced('Messages of a conversation as they are sent, received or change status.', 'GET /conversations/{conversationId}/messages'),
    type: MessageChangeEvent,
    args: {
      conversationId: t.arg.id({ required: true, description: "GHL's conversation id." }),
      ...streamArgs(t.arg),
    },
    subscribe: (_root, args, ctx) => changesOf(ctx, conversationMessageSource, { conversationId: args.conversationId }, args),
    resolve: resolveChange,
  }),
}));

import { conversationsState, type MessageRecord } from '../../src/simulator/domains/conversations-state.js';
import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Catalog coverage for conversations: each case reaches its GHL operations through GraphQL. */

const seededMessage = (stack: Stack, has: (m: MessageRecord) => boolean): MessageRecord => {
  const locationId = stack.simulator.locations[0]!.id;
  const found = [...conversationsState(stack.simulator.store).messages.values()].find((m) => m.locationId === locationId && has(m));
  if (!found) throw new Error('the seed has no such message');
  return found;
};

function noUserErrors(payload: { userErrors: unknown[] }): void {
  if (payload.userErrors.length > 0) throw new Error(`userErrors: ${JSON.stringify(payload.userErrors)}`);
}

export const cases: CoverageCase[] = [
  {
    name: 'conversations: search, one conversation, its messages',
    operations: ['GET /conversations/search', 'GET /conversations/{conversationId}', 'GET /conversations/{conversationId}/messages'],
    async run(stack) {
      const list = expectNoErrors(await stack.execute<{ conversations: { nodes: { id: string }[] } }>(`{ conversations(first: 3, filter: { status: ALL }) { nodes { id lastMessageBody } } }`));
      const id = list.conversations.nodes[0]!.id;
      expectNoErrors(await stack.execute(`query($id: ID!) { conversation(id: $id) { id deleted unreadCount messages(first: 5) { nodes { id type status } } } }`, { id }));
    },
  },
  {
    name: 'conversations: a message, an email, a call recording, its transcription and its download',
    operations: [
      'GET /conversations/messages/{id}',
      'GET /conversations/messages/email/{id}',
      'GET /conversations/messages/{messageId}/locations/{locationId}/recording',
      'GET /conversations/locations/{locationId}/messages/{messageId}/transcription',
      'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download',
    ],
    async run(stack) {
      const state = conversationsState(stack.simulator.store);
      const thread = seededMessage(stack, (m) => !!m.emailIds?.length);
      const call = seededMessage(stack, (m) => state.transcriptions.has(m.id));
      expectNoErrors(
        await stack.execute(
          `query($thread: ID!, $email: ID!, $call: ID!) {
            message(id: $thread) { id type }
            emailMessage(id: $email) { id subject }
            messageRecording(messageId: $call) { sizeBytes }
            messageTranscription(messageId: $call) { sentences { transcript } }
            messageTranscriptionText(messageId: $call)
          }`,
          { thread: thread.id, email: thread.emailIds![0], call: call.id },
        ),
      );
    },
  },
  {
    name: 'conversations: messageStatusUpdate',
    operations: ['PUT /conversations/messages/{messageId}/status'],
    async run(stack) {
      const m = seededMessage(stack, (x) => x.messageType === 'TYPE_SMS' && x.direction === 'outbound');
      const data = expectNoErrors(await stack.execute<any>(`mutation($input: MessageStatusUpdateInput!) { messageStatusUpdate(input: $input) { message { status } userErrors { message } } }`, { input: { messageId: m.id, status: 'DELIVERED' } }));
      noUserErrors(data.messageStatusUpdate);
    },
  },
  {
    name: 'conversations: conversationTypingIndicatorSend',
    operations: ['POST /conversations/providers/live-chat/typing'],
    async run(stack) {
      const m = seededMessage(stack, (x) => x.messageType === 'TYPE_LIVE_CHAT');
      const data = expectNoErrors(
        await stack.execute<any>(`mutation($input: ConversationTypingIndicatorSendInput!) { conversationTypingIndicatorSend(input: $input) { conversation { id } userErrors { message } } }`, {
          input: { conversationId: m.conversationId, visitorId: 'coverage-visitor', isTyping: true },
        }),
      );
      noUserErrors(data.conversationTypingIndicatorSend);
    },
  },
];

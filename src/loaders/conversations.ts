import type { ConversationSearchQuery, ConversationSearchResult, GhlConversationDetail, GhlConversationSummary, GhlEmailMessage, GhlMessage, GhlRecording, GhlTranscriptDownload, GhlTranscriptSentence, MessagePage, MessagePageQuery } from '../ghl/endpoints/conversations.js';
import {
  downloadMessageTranscription,
  getConversation,
  getConversationMessages,
  getEmailMessage,
  getMessage,
  getMessageRecording,
  getMessageTranscription,
  searchConversations,
} from '../ghl/endpoints/conversations.js';
import { GhlNotFoundError } from '../ghl/errors.js';
import { loaderKit, primingList, type LoaderDeps } from './kit.js';

/**
 * How long each conversations resource may be served from the cross-request cache. Conversations
 * and pages move with every message, so they are short; recordings and transcriptions of a past
 * call never change.
 */
export const TTL_MS = {
  conversation: 15_000,
  conversationSummary: 15_000,
  conversationSearch: 15_000,
  conversationMessages: 15_000,
  message: 30_000,
  emailMessage: 60_000,
  messageRecording: 300_000,
  messageTranscription: 300_000,
  messageTranscriptionText: 300_000,
};

/** A message without a recording or transcription is a normal state: null, cached like a value. */
const orNull = async <T>(load: () => Promise<T>): Promise<T | null> => {
  try {
    return await load();
  } catch (err) {
    if (err instanceof GhlNotFoundError) return null;
    throw err;
  }
};

export function createConversationLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const conversationSearch = kit.byArgs<ConversationSearchQuery, ConversationSearchResult>('conversationSearch', TTL_MS.conversationSearch, (q) => searchConversations(ghl, q));
  /** The search item of one conversation (the search filtered by `id`): the fields `GET /conversations/{id}` lacks. */
  const conversationSummary = kit.byId<GhlConversationSummary | null>('conversationSummary', TTL_MS.conversationSummary, async (id) => {
    const result = await searchConversations(ghl, { id, limit: 1 });
    return result.conversations.find((c) => c.id === id) ?? null;
  });
  const message = kit.byId<GhlMessage>('message', TTL_MS.message, (id) => getMessage(ghl, id));
  const conversationMessages = kit.byArgs<MessagePageQuery, MessagePage>('conversationMessages', TTL_MS.conversationMessages, (q) => getConversationMessages(ghl, q));
  return {
    conversation: kit.byId<GhlConversationDetail>('conversation', TTL_MS.conversation, (id) => getConversation(ghl, id)),
    conversationSummary,
    /** A search page; its items are primed into `conversationSummary`. */
    conversationSearch: primingList(conversationSearch, conversationSummary, (r) => r.conversations),
    message,
    /** A page of a conversation's messages; its messages are primed into `message`. */
    conversationMessages: primingList(conversationMessages, message, (page) => page.messages),
    emailMessage: kit.byId<GhlEmailMessage>('emailMessage', TTL_MS.emailMessage, (id) => getEmailMessage(ghl, id)),
    messageRecording: kit.byId<GhlRecording | null>('messageRecording', TTL_MS.messageRecording, (id) => orNull(() => getMessageRecording(ghl, id))),
    messageTranscription: kit.byId<GhlTranscriptSentence[] | null>('messageTranscription', TTL_MS.messageTranscription, (id) => orNull(() => getMessageTranscription(ghl, id))),
    messageTranscriptionText: kit.byId<GhlTranscriptDownload | null>('messageTranscriptionText', TTL_MS.messageTranscriptionText, (id) => orNull(() => downloadMessageTranscription(ghl, id))),
  };
}

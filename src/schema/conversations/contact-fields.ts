import { builder } from '../builder.js';
import { pageArgs } from '../shared/pagination.js';
import { byParentId } from '../shared/prefetch.js';
import { Contact } from '../contacts/types.js';
import { traced } from '../shared/ghl-operation.js';
import { CONVERSATION_PAGE, conversationPage } from './paging.js';
import { ConversationConnection } from './types.js';

/** Conversations one step from a contact: the search filtered by the contact (GHL has no batch form; one call per contact and page). */
const loadContactConversations = byParentId('Contact', 'conversations', (id, args: { first?: number | null; after?: string | null }, ctx) =>
  conversationPage(ctx, args, { contactId: id }),
);

builder.objectField(Contact, 'conversations', (t) =>
  t.field({
    nullable: true,
    ...traced("The contact's conversations, newest message first. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.", 'GET /conversations/search'),
    type: ConversationConnection,
    args: {
      ...pageArgs(t.arg, CONVERSATION_PAGE),
    },
    resolve: (contact, args, ctx) => loadContactConversations(contact.id, args, ctx),
  }),
);

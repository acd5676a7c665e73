import { builder } from '../builder.js';

/**
 * Closed sets of apps/conversations.json. Each GraphQL value carries GHL's own string as its
 * internal value, so resolvers pass GHL's values through and arguments arrive as GHL spells them.
 * Sets GHL keeps growing (message types, statuses, channels) have an `OTHER` value, so a value
 * added upstream degrades to `OTHER` instead of failing the whole response.
 */

type Table = readonly (readonly [name: string, ghl: string, description: string])[];

function enumOf(name: string, description: string, table: Table) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(table.map(([value, ghl, text]) => [value, { value: ghl, description: text }])),
  });
}

/** Maps a GHL value onto a set with `OTHER`; null stays null. */
export const orOther = (known: ReadonlySet<string>, value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : known.has(String(value)) ? String(value) : 'OTHER';

/** Maps a GHL value onto a closed set; unknown values become null. */
export const orNull = (known: ReadonlySet<string>, value: string | null | undefined): string | null => (value && known.has(value) ? value : null);

const MESSAGE_TYPES: Table = [
  ['CALL', 'TYPE_CALL', 'A phone call.'],
  ['SMS', 'TYPE_SMS', 'A text message (SMS or MMS).'],
  ['RCS', 'TYPE_RCS', 'An RCS (rich communication services) message.'],
  ['EMAIL', 'TYPE_EMAIL', 'An email thread.'],
  ['SMS_REVIEW_REQUEST', 'TYPE_SMS_REVIEW_REQUEST', 'A review request sent by SMS.'],
  ['WEBCHAT', 'TYPE_WEBCHAT', 'A message from the legacy website chat.'],
  ['SMS_NO_SHOW_REQUEST', 'TYPE_SMS_NO_SHOW_REQUEST', 'A follow-up SMS after a missed appointment.'],
  ['CAMPAIGN_SMS', 'TYPE_CAMPAIGN_SMS', 'An SMS sent by a campaign.'],
  ['CAMPAIGN_CALL', 'TYPE_CAMPAIGN_CALL', 'A call placed by a campaign.'],
  ['CAMPAIGN_EMAIL', 'TYPE_CAMPAIGN_EMAIL', 'An email sent by a campaign.'],
  ['CAMPAIGN_VOICEMAIL', 'TYPE_CAMPAIGN_VOICEMAIL', 'A voicemail drop sent by a campaign.'],
  ['FACEBOOK', 'TYPE_FACEBOOK', 'A Facebook Messenger message.'],
  ['CAMPAIGN_FACEBOOK', 'TYPE_CAMPAIGN_FACEBOOK', 'A Facebook message sent by a campaign.'],
  ['CAMPAIGN_MANUAL_CALL', 'TYPE_CAMPAIGN_MANUAL_CALL', 'A manual call step of a campaign.'],
  ['CAMPAIGN_MANUAL_SMS', 'TYPE_CAMPAIGN_MANUAL_SMS', 'A manual SMS step of a campaign.'],
  ['GMB', 'TYPE_GMB', 'A Google Business Profile message.'],
  ['CAMPAIGN_GMB', 'TYPE_CAMPAIGN_GMB', 'A Google Business Profile message sent by a campaign.'],
  ['REVIEW', 'TYPE_REVIEW', 'A review left on a review site.'],
  ['INSTAGRAM', 'TYPE_INSTAGRAM', 'An Instagram direct message.'],
  ['WHATSAPP', 'TYPE_WHATSAPP', 'A WhatsApp message.'],
  ['CUSTOM_SMS', 'TYPE_CUSTOM_SMS', 'An SMS sent through a custom SMS provider.'],
  ['CUSTOM_EMAIL', 'TYPE_CUSTOM_EMAIL', 'An email sent through a custom email provider.'],
  ['CUSTOM_PROVIDER_SMS', 'TYPE_CUSTOM_PROVIDER_SMS', 'An SMS through a custom conversation provider.'],
  ['CUSTOM_PROVIDER_EMAIL', 'TYPE_CUSTOM_PROVIDER_EMAIL', 'An email through a custom conversation provider.'],
  ['IVR_CALL', 'TYPE_IVR_CALL', 'A call handled by the phone menu (IVR).'],
  ['ACTIVITY_CONTACT', 'TYPE_ACTIVITY_CONTACT', 'Activity entry: something happened to the contact.'],
  ['ACTIVITY_INVOICE', 'TYPE_ACTIVITY_INVOICE', 'Activity entry: an invoice event.'],
  ['ACTIVITY_PAYMENT', 'TYPE_ACTIVITY_PAYMENT', 'Activity entry: a payment event.'],
  ['ACTIVITY_OPPORTUNITY', 'TYPE_ACTIVITY_OPPORTUNITY', 'Activity entry: an opportunity event.'],
  ['LIVE_CHAT', 'TYPE_LIVE_CHAT', 'A message of the live chat widget.'],
  ['LIVE_CHAT_INFO_MESSAGE', 'TYPE_LIVE_CHAT_INFO_MESSAGE', 'A notice inside a live chat (e.g. the chat ended).'],
  ['ACTIVITY_APPOINTMENT', 'TYPE_ACTIVITY_APPOINTMENT', 'Activity entry: an appointment event.'],
  ['FACEBOOK_COMMENT', 'TYPE_FACEBOOK_COMMENT', 'A comment on a Facebook post.'],
  ['INSTAGRAM_COMMENT', 'TYPE_INSTAGRAM_COMMENT', 'A comment on an Instagram post.'],
  ['CUSTOM_CALL', 'TYPE_CUSTOM_CALL', 'A call through a custom provider.'],
  ['INTERNAL_COMMENT', 'TYPE_INTERNAL_COMMENT', 'A comment only the team sees.'],
  ['ACTIVITY_EMPLOYEE_ACTION_LOG', 'TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG', 'Activity entry: an action a team member took.'],
  ['TIKTOK', 'TYPE_TIKTOK', 'A TikTok direct message.'],
  ['TIKTOK_COMMENT', 'TYPE_TIKTOK_COMMENT', 'A comment on a TikTok post.'],
  ['ACTIVITY_WHATSAPP', 'TYPE_ACTIVITY_WHATSAPP', 'Activity entry: a WhatsApp event.'],
  ['FORM_SUBMISSION', 'TYPE_FORM_SUBMISSION', 'A form submission.'],
  ['SMS_REACTION', 'TYPE_SMS_REACTION', 'A reaction to an SMS.'],
  ['OTHER', 'OTHER', 'A type GHL added after this gateway was built.'],
];
export const MESSAGE_TYPE_VALUES: ReadonlySet<string> = new Set(MESSAGE_TYPES.map(([, ghl]) => ghl).filter((v) => v !== 'OTHER'));
export const MessageTypeEnum = enumOf('MessageType', 'The channel or kind of a message.', MESSAGE_TYPES);

/**
 * The `type` filter of a conversation's messages accepts only these (GHL's own list), and spells
 * internal comments in the plural.
 */
export const MESSAGE_LIST_FILTER: ReadonlyMap<string, string> = new Map(
  ['TYPE_CALL', 'TYPE_SMS', 'TYPE_RCS', 'TYPE_EMAIL', 'TYPE_FACEBOOK', 'TYPE_GMB', 'TYPE_INSTAGRAM', 'TYPE_WHATSAPP', 'TYPE_ACTIVITY_APPOINTMENT', 'TYPE_ACTIVITY_CONTACT', 'TYPE_ACTIVITY_INVOICE', 'TYPE_ACTIVITY_PAYMENT', 'TYPE_ACTIVITY_OPPORTUNITY', 'TYPE_LIVE_CHAT', 'TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG', 'TYPE_TIKTOK', 'TYPE_ACTIVITY_WHATSAPP', 'TYPE_FORM_SUBMISSION']
    .map((t) => [t, t] as [string, string])
    .concat([['TYPE_INTERNAL_COMMENT', 'TYPE_INTERNAL_COMMENTS']]),
);

const CHANNELS: Table = [
  ['PHONE', 'TYPE_PHONE', 'Phone: SMS and calls (also holds emails and live chat of the contact).'],
  ['EMAIL', 'TYPE_EMAIL', 'Email.'],
  ['FACEBOOK_MESSENGER', 'TYPE_FB_MESSENGER', 'Facebook Messenger.'],
  ['REVIEW', 'TYPE_REVIEW', 'Reviews.'],
  ['GROUP_SMS', 'TYPE_GROUP_SMS', 'Group SMS.'],
  ['INTERNAL_CHAT', 'TYPE_INTERNAL_CHAT', 'Internal chat between team members.'],
  ['OTHER', 'OTHER', 'A channel GHL added after this gateway was built.'],
];
export const ConversationChannelEnum = enumOf('ConversationChannel', 'The primary channel of a conversation.', CHANNELS);
/** `GET /conversations/{id}` sends the channel as a number (its description gives the order). */
const CHANNEL_CODES = ['TYPE_PHONE', 'TYPE_EMAIL', 'TYPE_FB_MESSENGER', 'TYPE_REVIEW', 'TYPE_GROUP_SMS', 'TYPE_INTERNAL_CHAT'];
export const channelOf = (type: string | number | undefined): string | null =>
  typeof type === 'number' ? (CHANNEL_CODES[type - 1] ?? 'OTHER') : orOther(new Set(CHANNEL_CODES), type);

const STATUSES: Table = [
  ['CONNECTED', 'connected', 'A call was connected.'],
  ['DELIVERED', 'delivered', 'Delivered to the recipient (for inbound messages: received, not yet read).'],
  ['FAILED', 'failed', 'Sending failed.'],
  ['OPENED', 'opened', 'The recipient opened the email.'],
  ['PENDING', 'pending', 'Waiting to be sent.'],
  ['READ', 'read', 'Read.'],
  ['SCHEDULED', 'scheduled', 'Scheduled to be sent later.'],
  ['SENT', 'sent', 'Handed to the carrier or provider.'],
  ['UNDELIVERED', 'undelivered', 'The carrier could not deliver it.'],
  ['CLICKED', 'clicked', 'The recipient clicked a link in it.'],
  ['OPT_OUT', 'opt_out', 'The recipient opted out.'],
  ['QUEUED', 'queued', 'Queued at the provider.'],
  ['OTHER', 'OTHER', 'A status GHL added after this gateway was built.'],
];
export const MESSAGE_STATUS_VALUES: ReadonlySet<string> = new Set(STATUSES.map(([, ghl]) => ghl).filter((v) => v !== 'OTHER'));
export const MessageStatusEnum = enumOf('MessageStatus', 'Where a message is in its delivery.', STATUSES);
/** The statuses a provider may report through `messageStatusUpdate` (`UpdateMessageStatusDto`). */
export const UPDATABLE_STATUSES: ReadonlySet<string> = new Set(['delivered', 'failed', 'pending', 'read']);

const DIRECTIONS: Table = [
  ['INBOUND', 'inbound', 'From the contact to the business.'],
  ['OUTBOUND', 'outbound', 'From the business to the contact.'],
];
export const DIRECTION_VALUES: ReadonlySet<string> = new Set(DIRECTIONS.map(([, ghl]) => ghl));
export const MessageDirectionEnum = enumOf('MessageDirection', 'Which way a message went.', DIRECTIONS);

const SOURCES: Table = [
  ['WORKFLOW', 'workflow', 'Sent by a workflow.'],
  ['BULK_ACTIONS', 'bulk_actions', 'Sent by a bulk action.'],
  ['CAMPAIGN', 'campaign', 'Sent by a campaign.'],
  ['API', 'api', 'Sent through the API.'],
  ['APP', 'app', 'Sent by a person in the GHL app.'],
];
export const SOURCE_VALUES: ReadonlySet<string> = new Set(SOURCES.map(([, ghl]) => ghl));
export const MessageSourceEnum = enumOf('MessageSource', 'What sent a message.', SOURCES);

const CALL_STATUSES: Table = [
  ['PENDING', 'pending', 'The call has not started.'],
  ['COMPLETED', 'completed', 'The call took place and ended.'],
  ['ANSWERED', 'answered', 'The call was answered.'],
  ['BUSY', 'busy', 'The line was busy.'],
  ['NO_ANSWER', 'no-answer', 'Nobody answered.'],
  ['FAILED', 'failed', 'The call could not be placed.'],
  ['CANCELED', 'canceled', 'The call was canceled before it connected.'],
  ['VOICEMAIL', 'voicemail', 'The call went to voicemail.'],
];
export const CALL_STATUS_VALUES: ReadonlySet<string> = new Set(CALL_STATUSES.map(([, ghl]) => ghl));
export const CallStatusEnum = enumOf('CallStatus', 'How a call went.', CALL_STATUSES);

export const MessageActionEnum = enumOf('MessageAction', 'Whether a person or an automation sent a message.', [
  ['AUTOMATED', 'automated', 'Sent by an automation (workflow, campaign, API).'],
  ['MANUAL', 'manual', 'Sent by a person.'],
]);

export const ConversationReadStatusEnum = enumOf('ConversationReadStatus', 'Which conversations to list by their read state.', [
  ['ALL', 'all', 'Every conversation.'],
  ['READ', 'read', 'Conversations without unread messages.'],
  ['UNREAD', 'unread', 'Conversations with unread messages.'],
  ['STARRED', 'starred', 'Starred conversations.'],
  ['RECENTS', 'recents', "GHL's recents view."],
]);

export const ConversationSortFieldEnum = enumOf('ConversationSortField', 'What conversations are ordered by.', [
  ['LAST_MESSAGE_DATE', 'last_message_date', 'When the last message was sent or received.'],
  ['LAST_MANUAL_MESSAGE_DATE', 'last_manual_message_date', 'When a person last sent a message by hand.'],
]);

export const ConversationSortOrderEnum = enumOf('ConversationSortOrder', 'Ascending or descending order.', [
  ['ASC', 'asc', 'Oldest first.'],
  ['DESC', 'desc', 'Newest first.'],
]);

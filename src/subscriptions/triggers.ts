/**
 * Every "trigger" of the catalog (the reads no-code tools poll), and how a client watches it here:
 * the subscription that streams its records, or why it is not a stream. One place for the
 * decision; codegen prints it into the README and a test keeps it complete and truthful.
 */
export type TriggerStream = { stream: string } | { notAStream: string };

const CONFIG = 'Configuration that changes rarely and has no GHL webhook; read it when needed (it is cached).';
const LOOKUP = 'A look-up by its arguments, not a set of records that changes.';
const IMMUTABLE = 'A finished artefact that does not change once it exists.';

export const TRIGGER_STREAMS: Record<string, TriggerStream> = {
  'GET /contacts/{contactId}': { stream: 'contactsChanged' },
  'POST /contacts/search': { stream: 'contactsChanged' },
  'GET /contacts/business/{businessId}': { stream: 'contactsChanged' },
  'GET /contacts/search/duplicate': { notAStream: LOOKUP },
  'GET /contacts/{contactId}/appointments': { stream: 'contactAppointmentsChanged' },
  'GET /contacts/{contactId}/tasks': { stream: 'contactTasksChanged' },
  'GET /contacts/{contactId}/tasks/{taskId}': { stream: 'contactTasksChanged' },
  'GET /contacts/{contactId}/notes': { stream: 'contactNotesChanged' },
  'GET /contacts/{contactId}/notes/{id}': { stream: 'contactNotesChanged' },
  'GET /contacts/': { stream: 'contactsChanged' },
  'GET /calendars/groups': { notAStream: CONFIG },
  'GET /calendars/': { notAStream: CONFIG },
  'GET /calendars/{calendarId}': { notAStream: CONFIG },
  'GET /calendars/{calendarId}/free-slots': { notAStream: 'Availability computed for a window, not records; watch `calendarEventsChanged` and ask again when bookings change.' },
  'GET /calendars/events': { stream: 'calendarEventsChanged' },
  'GET /calendars/blocked-slots': { notAStream: 'Blocked time is set by staff ahead of time and has no GHL webhook; read it when planning (cached).' },
  'GET /calendars/events/appointments/{eventId}': { stream: 'calendarEventsChanged' },
  'GET /calendars/appointments/{appointmentId}/notes': { notAStream: 'Per-appointment notes have no GHL webhook; polling every appointment would spend the budget for little.' },
  'GET /calendars/{calendarId}/notifications': { notAStream: CONFIG },
  'GET /calendars/{calendarId}/notifications/{notificationId}': { notAStream: CONFIG },
  'GET /calendars/resources/{resourceType}': { notAStream: CONFIG },
  'GET /calendars/resources/{resourceType}/{id}': { notAStream: CONFIG },
  'POST /opportunities/search': { stream: 'opportunitiesChanged' },
  'GET /opportunities/{id}': { stream: 'opportunitiesChanged' },
  'GET /opportunities/pipelines': { notAStream: CONFIG },
  'GET /users/search': { stream: 'usersChanged' },
  'POST /users/search/filter-by-email': { notAStream: LOOKUP },
  'GET /users/{userId}': { stream: 'usersChanged' },
  'GET /users/': { stream: 'usersChanged' },
  'GET /conversations/search': { stream: 'conversationsChanged' },
  'GET /conversations/{conversationId}': { stream: 'conversationsChanged' },
  'GET /conversations/messages/email/{id}': { notAStream: IMMUTABLE },
  'GET /conversations/messages/{id}': { stream: 'conversationMessagesChanged' },
  'GET /conversations/{conversationId}/messages': { stream: 'conversationMessagesChanged' },
  'GET /conversations/messages/{messageId}/locations/{locationId}/recording': { notAStream: IMMUTABLE },
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription': { notAStream: IMMUTABLE },
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download': { notAStream: IMMUTABLE },
  'GET /businesses/{businessId}': { stream: 'businessesChanged' },
  'GET /businesses/': { stream: 'businessesChanged' },
  'GET /workflows/': { notAStream: CONFIG },
  'GET /snapshots/': { notAStream: CONFIG },
  'GET /campaigns/': { notAStream: 'Configuration; the `CampaignStatusUpdate` webhook refreshes the cached list.' },
  'GET /locations/search': { notAStream: CONFIG },
  'GET /locations/{locationId}/customFields': { notAStream: CONFIG },
  'GET /companies/{companyId}': { notAStream: CONFIG },
  'GET /associations/': { notAStream: CONFIG },
  'GET /associations/{associationId}': { notAStream: CONFIG },
  'GET /associations/key/{key_name}': { notAStream: CONFIG },
  'GET /associations/objectKey/{objectKey}': { notAStream: CONFIG },
  'GET /associations/relations/{recordId}': { notAStream: 'Relations are read per record; the `RelationCreate`/`RelationDelete` webhooks keep the cached reads fresh.' },
  'GET /blogs/posts/url-slug-exists': { notAStream: LOOKUP },
  'GET /blogs/authors': { notAStream: 'Blog content has no GHL webhook and changes at an editor\'s pace; read it when needed (cached).' },
  'GET /blogs/categories': { notAStream: 'Blog content has no GHL webhook and changes at an editor\'s pace; read it when needed (cached).' },
  'GET /blogs/posts/all': { notAStream: 'Blog content has no GHL webhook and changes at an editor\'s pace; read it when needed (cached).' },
  'GET /blogs/site/all': { notAStream: 'Blog content has no GHL webhook and changes at an editor\'s pace; read it when needed (cached).' },
};

/**
 * Schemas for what the spec leaves open. `POST /contacts/search` declares an empty body
 * (`SearchBodyV2DTO`) and no response; `GET /contacts/search/duplicate` declares no response.
 * The simulator validates these, against the shapes recorded in src/simulator/ASSUMPTIONS.md,
 * so the gateway and the simulator cannot drift apart silently there either. The matching
 * TypeScript corrections are in wire.ts; what the gateway's client checks in GHL's answers is
 * `reliedOnResponses` below.
 */

/** Base URL the spec documents are registered under in ajv, so `../common/…` refs resolve. */
export const SCHEMA_BASE = 'https://ghl-simulator.invalid/openapi/';

const CONTACT_REF = '../apps/contacts.json#/components/schemas/GetContectByIdSchema';

export const SEARCH_FILTER_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'firstNameLowerCase',
  'lastNameLowerCase',
  'fullNameLowerCase',
  'email',
  'phone',
  'companyName',
  'address1',
  'city',
  'state',
  'country',
  'postalCode',
  'website',
  'source',
  'type',
  'timezone',
  'assignedTo',
  'businessId',
  'dnd',
  'tags',
  'followers',
  'dateAdded',
  'dateUpdated',
] as const;

export const SEARCH_FILTER_OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'] as const;

export const SEARCH_SORT_FIELDS = ['dateAdded', 'dateUpdated', 'firstNameLowerCase', 'lastNameLowerCase', 'fullNameLowerCase', 'email'] as const;

export const SEARCH_MAX_PAGE_LIMIT = 500;
/** Page-based paging stops here, as in Elasticsearch's default max_result_window; deeper needs searchAfter. */
export const SEARCH_MAX_WINDOW = 10_000;

export const searchContactsBodySchema = {
  $id: `${SCHEMA_BASE}simulator/search-contacts-body.json`,
  type: 'object',
  additionalProperties: false,
  required: ['locationId'],
  properties: {
    locationId: { type: 'string', minLength: 1 },
    query: { type: 'string' },
    pageLimit: { type: 'integer', minimum: 1, maximum: SEARCH_MAX_PAGE_LIMIT },
    page: { type: 'integer', minimum: 1 },
    searchAfter: { type: 'array', minItems: 1, items: { type: ['string', 'number'] } },
    filters: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'operator'],
        properties: {
          field: { type: 'string', enum: [...SEARCH_FILTER_FIELDS] },
          operator: { type: 'string', enum: [...SEARCH_FILTER_OPERATORS] },
          value: {},
        },
      },
    },
    sort: {
      type: 'array',
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'direction'],
        properties: {
          field: { type: 'string', enum: [...SEARCH_SORT_FIELDS] },
          direction: { type: 'string', enum: ['asc', 'desc'] },
        },
      },
    },
  },
} as const;

export const searchContactsResponseSchema = {
  $id: `${SCHEMA_BASE}simulator/search-contacts-response.json`,
  type: 'object',
  required: ['contacts', 'total'],
  properties: {
    contacts: {
      type: 'array',
      items: {
        allOf: [
          { $ref: CONTACT_REF },
          {
            type: 'object',
            required: ['id', 'locationId', 'searchAfter'],
            properties: {
              followers: { type: 'array', items: { type: 'string' } },
              searchAfter: { type: 'array', minItems: 2, items: { type: ['string', 'number'] } },
            },
          },
        ],
      },
    },
    total: { type: 'integer', minimum: 0 },
  },
} as const;

export const duplicateContactResponseSchema = {
  $id: `${SCHEMA_BASE}simulator/duplicate-contact-response.json`,
  type: 'object',
  required: ['contact'],
  properties: { contact: { anyOf: [{ type: 'null' }, { $ref: CONTACT_REF }] } },
} as const;

/** Request bodies checked on top of the spec's own (which is empty for these). */
export const supplementalRequestBodies: Record<string, object> = {
  'POST /contacts/search': searchContactsBodySchema,
};

/** Responses for (operation, status) pairs where the spec has no schema. */
export const supplementalResponses: Record<string, Record<string, object>> = {
  'POST /contacts/search': { '200': searchContactsResponseSchema },
  'GET /contacts/search/duplicate': { '200': duplicateContactResponseSchema },
};

/**
 * What the gateway relies on in GHL's answers to its cached reads, checked by the client
 * (src/ghl/response-shapes.ts) before anything is cached: the envelope is an object, a record is
 * an object with its id (the key of every cache entry), a list is an array of such records.
 *
 * Only these, not the whole response schema: GHL's answers are known to stray from the specs in
 * ways the gateway handles (nulls in optional strings, a transcription answered as a list, a
 * message without `type`: ASSUMPTIONS.md and test/integration/conversations.test.ts), and a
 * refused answer fails the field. The simulator checks its own answers against the full spec
 * (`validateResponses`). wire.ts makes the same ids required in the types.
 */
const recordWith = (idField: string) => ({ type: 'object', required: [idField], properties: { [idField]: { type: 'string', minLength: 1 } } });
const record = recordWith('id');
const enveloped = (field: string) => ({ type: 'object', required: [field], properties: { [field]: record } });
/** A list may be left out (the endpoints read it as empty), but when sent it holds records. */
const listOf = (field: string, item: object = record) => ({ type: 'object', properties: { [field]: { type: 'array', items: item } } });

export const reliedOnResponses: Record<string, object> = {
  'GET /contacts/{contactId}': enveloped('contact'),
  'POST /contacts/search': { ...listOf('contacts'), required: ['contacts'] },
  'GET /contacts/{contactId}/tasks': listOf('tasks'),
  'GET /contacts/{contactId}/tasks/{taskId}': enveloped('task'),
  'GET /contacts/{contactId}/notes': listOf('notes'),
  'GET /contacts/{contactId}/notes/{id}': enveloped('note'),
  'GET /contacts/{contactId}/appointments': listOf('events'),
  'GET /businesses/{businessId}': enveloped('business'),
  'GET /businesses/': listOf('businesses'),
  'GET /locations/{locationId}': enveloped('location'),
  'GET /locations/search': listOf('locations'),
  'GET /opportunities/{id}': enveloped('opportunity'),
  'POST /opportunities/search': listOf('opportunities'),
  'GET /opportunities/pipelines': listOf('pipelines'),
  'GET /users/{userId}': record,
  'GET /users/': listOf('users'),
  'GET /users/search': listOf('users'),
  'POST /users/search/filter-by-email': listOf('users'),
  'GET /associations/{associationId}': record,
  'GET /calendars/{calendarId}': enveloped('calendar'),
  'GET /calendars/': listOf('calendars'),
  'GET /calendars/events': listOf('events'),
  'GET /calendars/events/appointments/{eventId}': enveloped('event'),
  'GET /blogs/posts/all': listOf('blogs', recordWith('_id')),
};

import type { components as Associations } from './types/associations.js';
import type { components as Blogs } from './types/blogs.js';
import type { components as Businesses } from './types/businesses.js';
import type { components as Calendars } from './types/calendars.js';
import type { components as Contacts } from './types/contacts.js';
import type { components as Locations } from './types/locations.js';
import type { components as Opportunities } from './types/opportunities.js';
import type { components as Users } from './types/users.js';

/**
 * GHL's wire shapes, named once for the gateway (src/ghl/endpoints) and the simulator alike.
 *
 * Everything here comes from the types generated out of the vendored specs
 * (scripts/wire-types.mjs → ./types/, git-ignored). Where the specs are wrong or silent, the
 * correction is made HERE, on top of the generated type, with the reason beside it: this is the
 * one place to read what the gateway believes about GHL beyond its specs. Beside it,
 * supplements.ts holds the same beliefs as JSON Schema: the shapes the simulator validates where
 * the spec has none, and what the client checks in GHL's answers (`reliedOnResponses`);
 * src/simulator/ASSUMPTIONS.md records the findings in prose.
 *
 * The endpoint modules re-export these under their `Ghl*` names, so callers import from there.
 */

/** The spec marks fields optional that GHL always sends (ids above all): these make them required. */
type Sure<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

// ── contacts.json ────────────────────────────────────────────────────────────────────────────

type ContactSchema = Contacts['schemas']['GetContectByIdSchema'];

/** The contact's own profile fields, as `GetContectByIdSchema` sends them (plain strings). */
export type ContactProfile = Pick<
  ContactSchema,
  'firstName' | 'lastName' | 'email' | 'phone' | 'companyName' | 'timezone' | 'type' | 'source' | 'assignedTo' | 'address1' | 'city' | 'state' | 'country' | 'postalCode' | 'website' | 'dateOfBirth' | 'businessId'
>;

/** `CustomFieldSchema` types `value` as a string; GHL sends numbers, lists and objects too. */
export interface WireCustomFieldValue {
  id: string;
  value?: unknown;
}

/**
 * `GetContectByIdSchema` with what the spec leaves out: `id` is always there; `followers` is
 * sent (the webhook docs and the followers endpoints name it); search results add `searchAfter`
 * (not in the spec at all: see supplements.ts, `POST /contacts/search`).
 */
export type WireContact = Sure<Omit<ContactSchema, 'customFields' | 'dndSettings' | 'attributionSource' | 'lastAttributionSource'>, 'id'> & {
  customFields?: WireCustomFieldValue[];
  followers?: string[];
  /** Only on search results: the sort values to continue after this contact. */
  searchAfter?: (string | number)[];
};

/**
 * Writable contact fields (`CreateContactDto` / `UpdateContactDto`, the parts the gateway sends).
 * The DTOs type `dateOfBirth` as an empty object (a union in NestJS's Swagger output) and each
 * custom field as one of eleven one-field shapes; the gateway sends `{id, field_value}`.
 */
export type ContactWriteBody = Partial<Omit<ContactProfile, 'type' | 'businessId' | 'dateOfBirth'>> & {
  name?: string;
  dnd?: boolean;
  tags?: string[];
  customFields?: { id: string; field_value?: unknown }[];
};

/** `UpdateTagsResponseDTO` (sic: `succeded`). */
export type BulkTagsResult = Contacts['schemas']['UpdateTagsResponseDTO'];

// ── businesses.json ──────────────────────────────────────────────────────────────────────────

/** `BusinessDto`; `createdBy`/`updatedBy` are typed as empty objects and never read. */
export type WireBusiness = Omit<Businesses['schemas']['BusinessDto'], 'createdBy' | 'updatedBy'>;

/** `UpdateBusinessDto`; `CreateBusinessDto` adds a required `name` and the `locationId`. */
export type BusinessWriteBody = Partial<Pick<WireBusiness, 'name' | 'phone' | 'email' | 'website' | 'address' | 'city' | 'state' | 'postalCode' | 'country'>>;

// ── locations.json ───────────────────────────────────────────────────────────────────────────

export type WireLocationSettings = Locations['schemas']['SettingsSchema'];
export type WireLocationSocial = Locations['schemas']['SocialSchema'];
export type WireLocationBusiness = Locations['schemas']['BusinessSchema'];

/**
 * A location (sub-account): `GetLocationByIdSchema` (get), `GetLocationSchema` (search items) and
 * `CreateLocationSuccessfulResponseDto` (create) are subsets of one shape; `id` is always sent.
 */
export type WireLocation = Sure<Omit<Locations['schemas']['GetLocationByIdSchema'], 'reseller'>, 'id'>;

/**
 * `CreateLocationDto`, the parts the gateway sends. `country` is an enum of ISO codes in the
 * spec; the gateway passes what the caller gave and lets GHL judge it.
 */
export type LocationCreateBody = Omit<Locations['schemas']['CreateLocationDto'], 'country' | 'twilio' | 'mailgun'> & { country?: string };

// ── associations.json ────────────────────────────────────────────────────────────────────────

/**
 * `GetPostSuccessfulResponseDto`, the one shape the spec declares for every association answer.
 * It types the labels, object keys and `associationType` as empty objects; GHL sends strings
 * (`associationType` is `USER_DEFINED` or `SYSTEM_DEFINED`).
 */
export type WireAssociation = Omit<Associations['schemas']['GetPostSuccessfulResponseDto'], 'firstObjectLabel' | 'firstObjectKey' | 'secondObjectLabel' | 'secondObjectKey' | 'associationType'> & {
  firstObjectKey: string;
  firstObjectLabel: string;
  secondObjectKey: string;
  secondObjectLabel: string;
  associationType: string;
};

// ── blogs.json ───────────────────────────────────────────────────────────────────────────────

/**
 * `CreateBlogPostParams` / `UpdateBlogPostParams` (the same fields). Both require `locationId`
 * in the body, but GHL takes it from the token and the gateway never sends it.
 */
export type BlogPostWriteBody = Omit<Blogs['schemas']['CreateBlogPostParams'], 'locationId'>;
export type BlogPostStatus = BlogPostWriteBody['status'];

// ── opportunities.json ───────────────────────────────────────────────────────────────────────

/** A filter of GHL's advanced opportunity search: a condition, or an AND/OR group of them. */
export type OpportunitySearchFilter = { field: string; operator: 'eq' | 'not_eq' | 'exists' | 'not_exists' | 'range'; value?: unknown } | { group: 'AND' | 'OR'; filters: OpportunitySearchFilter[] };

/**
 * Body of `POST /opportunities/search` (`OpportunitySearchBodyDTO`). The spec declares no
 * `filters` or `sort`; they come from GHL's advanced-search guide (ASSUMPTIONS.md, Opportunities).
 */
export type OpportunitySearchBody = Opportunities['schemas']['OpportunitySearchBodyDTO'] & {
  filters?: OpportunitySearchFilter[];
  sort?: { field: string; direction: 'asc' | 'desc' }[];
};

// ── users.json ───────────────────────────────────────────────────────────────────────────────

/**
 * `CreateUserDto` / `UpdateUserDto`: the writable fields, all optional (update). `scopes` and
 * `platformLanguage` are enums in the spec; GHL's own list grows faster than the spec, so they
 * are plain strings here and GHL judges them. `twilioPhone` is not exposed.
 */
/** `PermissionsDto`: feature switches, every one a boolean; GHL adds switches faster than the spec. */
export type WireUserPermissions = Record<string, boolean>;

export type UserWriteBody = Partial<Omit<Users['schemas']['CreateUserDto'], 'scopes' | 'scopesAssignedToOnly' | 'platformLanguage' | 'twilioPhone' | 'permissions'>> & {
  permissions?: WireUserPermissions;
  scopes?: string[];
  scopesAssignedToOnly?: string[];
  platformLanguage?: string;
};

// ── calendars.json ───────────────────────────────────────────────────────────────────────────

type NotificationDto = Calendars['schemas']['CreateCalendarNotificationDTO'];

/** `SchedulesDTO`: one reminder offset. */
export type WireSchedule = Calendars['schemas']['SchedulesDTO'];

/**
 * `CreateCalendarNotificationDTO` / `UpdateCalendarNotificationsDTO`, the exposed fields. The
 * three kinds are enums in the spec; they are passed through as strings.
 */
export type CalendarNotificationFields = Omit<NotificationDto, 'receiverType' | 'channel' | 'notificationType' | 'isActive'>;
export type CalendarNotificationWriteBody = Partial<CalendarNotificationFields> & { receiverType?: string; channel?: string; notificationType?: string; isActive?: boolean };

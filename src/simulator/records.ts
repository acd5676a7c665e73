/**
 * What the simulator stores, per record kind: what GHL keeps, not what it sends. The wire shapes
 * are built from these by domains/contacts-present.ts (and each domain's -present file).
 */
import type { ContactProfile, WireBusiness } from '../ghl/openapi/wire.js';

export type DndChannel = 'Call' | 'Email' | 'SMS' | 'WhatsApp' | 'GMB' | 'FB';
export interface DndSetting {
  status: 'active' | 'inactive' | 'permanent';
  message?: string;
  code?: string;
}
export interface AttributionSource {
  url: string;
  campaign?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  referrer?: string | null;
  medium?: string | null;
}

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  /** One line, as `InstalledLocationSchema.address` sends it. */
  address?: string;
  timezone: string;
  userIds: string[];
}

/** An agency (GHL "company"): owns locations; its admin installs apps for all of them. */
export interface CompanyRecord {
  id: string;
  name: string;
  /** The agency admin who performs agency-level installs. */
  adminUserId: string;
}

/** The profile fields are the wire's own (`ContactProfile`); the rest is what GHL keeps beside them. */
export interface ContactRecord extends ContactProfile {
  id: string;
  locationId: string;
  dnd: boolean;
  dndSettings?: Partial<Record<DndChannel, DndSetting>>;
  gender?: string;
  tags: string[];
  /** ISO date-time (midnight UTC). */
  dateOfBirth?: string;
  dateAdded: string;
  dateUpdated: string;
  customFields: { id: string; value: string }[];
  followers: string[];
  campaigns: string[];
  workflows: string[];
  attributionSource?: AttributionSource;
}

export interface TaskRecord {
  id: string;
  locationId: string;
  contactId: string;
  title: string;
  body?: string;
  assignedTo?: string;
  dueDate: string;
  completed: boolean;
  dateAdded: string;
  dateUpdated: string;
}

export interface NoteRecord {
  id: string;
  locationId: string;
  contactId: string;
  body: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
  dateAdded: string;
  dateUpdated: string;
}

export interface AppointmentRecord {
  id: string;
  locationId: string;
  contactId: string;
  calendarId: string;
  groupId?: string;
  title: string;
  status: string;
  appointmentStatus: string;
  assignedUserId: string;
  users: string[];
  notes?: string;
  address?: string;
  startTime: string;
  endTime: string;
  assignedResources: string[];
  dateAdded: string;
  dateUpdated: string;
  // Set by bookings through apps/calendars.json; seeded appointments leave them out.
  description?: string;
  meetingLocationType?: string;
  rrule?: string;
  createdBy?: { userId?: string; source: string };
}

/** `BusinessDto` as sent, with its timestamps always set. */
export interface BusinessRecord extends WireBusiness {
  createdAt: string;
  updatedAt: string;
}

/** One weekly opening window of a calendar (`OpenHour` in apps/calendars.json); days 0 = Sunday. */
export interface CalendarOpenHours {
  daysOfTheWeek: number[];
  hours: { openHour: number; openMinute: number; closeHour: number; closeMinute: number }[];
}

export interface CalendarRecord {
  id: string;
  locationId: string;
  groupId?: string;
  name: string;
  // What the simulator reads (free slots, defaults); absent values take the spec's defaults.
  description?: string;
  slug?: string;
  widgetSlug?: string;
  calendarType?: string;
  isActive?: boolean;
  slotDuration?: number;
  slotDurationUnit?: 'mins' | 'hours';
  slotInterval?: number;
  slotIntervalUnit?: 'mins' | 'hours';
  appoinmentPerSlot?: number;
  openHours?: CalendarOpenHours[];
  teamMembers?: { userId: string; priority?: number; isPrimary?: boolean }[];
  autoConfirm?: boolean;
  /** Every other `CalendarCreateDTO` field, kept as sent and sent back as is. */
  settings?: Record<string, unknown>;
}

export type TokenKind = 'pit' | 'readonly-pit' | 'oauth';
/** GHL's `userType`: a Sub-Account (Location) or an Agency (Company) token. */
export type UserType = 'Location' | 'Company';

export interface TokenRecord {
  token: string;
  kind: TokenKind;
  userType: UserType;
  /** The token's location; null for Company (agency) tokens. */
  locationId: string | null;
  companyId: string;
  userId: string;
  scopes: readonly string[];
  /** Epoch ms; null for private integration tokens, which do not expire. */
  expiresAt: number | null;
  /** The Marketplace app an OAuth token was issued to; absent for private integration tokens. */
  clientId?: string;
}

export interface OAuthAppRecord {
  clientId: string;
  clientSecret: string;
  /** The Marketplace app id: the part of the client id before the dash. */
  appId: string;
  /** The app's current published version (`versionId` in the OAuth responses). */
  versionId: string;
  name: string;
}

/**
 * A one-time authorization code or a refresh token: both stand for a grant of one app, to one
 * location (userType Location) or to one agency (userType Company, locationId null).
 */
export interface GrantRecord {
  value: string;
  clientId: string;
  userType: UserType;
  locationId: string | null;
  companyId: string;
  userId: string;
  scopes: readonly string[];
  expiresAt: number;
  redirectUri?: string;
}

/** The app is installed on a location, or at agency level on a company (locationId null). */
export interface InstallRecord {
  clientId: string;
  companyId: string;
  locationId: string | null;
  /** Epoch ms. */
  installedAt: number;
  versionId: string;
}

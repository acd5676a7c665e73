import { issueTokens } from './oauth.js';
import { Random } from './random.js';
import { READONLY_SCOPES, agencyScopes, locationScopes } from './scopes.js';
import type { AppointmentRecord, BusinessRecord, ContactRecord, DndChannel, DndSetting, LocationRecord, SimulatorStore } from './store.js';

/**
 * Deterministic fixtures. Every value comes from seeded PRNG streams and a fixed base date, never
 * from Date.now or Math.random, so two simulators with the same options hold identical data. Each
 * location has its own streams: its id and tokens do not change when the contact count does.
 */

export interface SeedOptions {
  locations: number;
  contactsPerLocation: number;
}

export interface SeededLocation {
  id: string;
  companyId: string;
  name: string;
  /** Private integration token with every Sub-Account scope. */
  token: string;
  /** Private integration token with `contacts.readonly` only. */
  readonlyToken: string;
}

export interface SeededOAuthApp {
  clientId: string;
  clientSecret: string;
  /** The Marketplace app id (`appId` of `GET /oauth/installedLocations`): the client id's part before the dash. */
  appId: string;
}

/** The seeded agency and the app's agency-level (Company) install over all seeded locations. */
export interface SeededAgency {
  companyId: string;
  /** Company OAuth access token of the seeded app; expires like any OAuth token. */
  accessToken: string;
  /** Its refresh token: single-use, as every refresh token. */
  refreshToken: string;
  /** `oauth.readonly oauth.write` plus every Sub-Account scope. */
  scopes: string[];
}

/** "Now" of the seed data: everything was added before it; tasks and appointments straddle it. */
export const SEED_BASE_MS = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

export function seedStore(store: SimulatorStore, opts: SeedOptions): { locations: SeededLocation[]; oauthApp: SeededOAuthApp; agency: SeededAgency } {
  // Draws are only ever appended to this stream, so older values (company id, client id) never move.
  const companyRng = new Random(1);
  const companyId = companyRng.ghlId();
  const appId = companyRng.hex(24);
  const oauthApp: SeededOAuthApp = { clientId: `${appId}-${companyRng.fromAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`, clientSecret: companyRng.uuid(), appId };
  const versionId = companyRng.hex(24);
  const agencyAdmin = companyRng.ghlId();
  store.oauthApps.set(oauthApp.clientId, { ...oauthApp, versionId, name: 'Simulator Marketplace App' });
  store.addCompany({ id: companyId, name: 'Simulator Agency', adminUserId: agencyAdmin });

  const locations: SeededLocation[] = [];
  for (let i = 0; i < opts.locations; i++) {
    const rng = new Random(1000 + i);
    const location: LocationRecord = {
      id: rng.ghlId(),
      companyId,
      name: LOCATION_NAMES[i % LOCATION_NAMES.length] + (i >= LOCATION_NAMES.length ? ` ${i + 1}` : ''),
      address: `${100 + 17 * i} ${STREETS[i % STREETS.length]}, ${CITIES[i % CITIES.length]}, ${STATES[i % STATES.length]} ${10001 + i}, USA`,
      timezone: rng.pick(TIMEZONES),
      userIds: Array.from({ length: 4 }, () => rng.ghlId()),
    };
    store.addLocation(location);
    const seeded: SeededLocation = { id: location.id, companyId, name: location.name, token: `pit-${rng.uuid()}`, readonlyToken: `pit-${rng.uuid()}` };
    const owner = location.userIds[0] as string;
    store.addToken({ token: seeded.token, kind: 'pit', userType: 'Location', locationId: location.id, companyId, userId: owner, scopes: locationScopes(), expiresAt: null });
    store.addToken({ token: seeded.readonlyToken, kind: 'readonly-pit', userType: 'Location', locationId: location.id, companyId, userId: owner, scopes: READONLY_SCOPES, expiresAt: null });
    seedLocationData(store, location, new Random(2000 + i), opts.contactsPerLocation);
    locations.push(seeded);
  }

  // The app is installed at agency level, approving every location (a bulk install).
  store.install({ clientId: oauthApp.clientId, companyId, locationId: null, installedAt: SEED_BASE_MS, versionId });
  for (const l of locations) store.install({ clientId: oauthApp.clientId, companyId, locationId: l.id, installedAt: SEED_BASE_MS, versionId });
  const scopes = [...agencyScopes()];
  // Its own stream, so the agency tokens never shift the ids the store mints at runtime.
  const pair = issueTokens(store, { clientId: oauthApp.clientId, userType: 'Company', locationId: null, companyId, userId: agencyAdmin, scopes }, new Random(3));
  const agency: SeededAgency = { companyId, accessToken: pair.accessToken, refreshToken: pair.refreshToken, scopes };
  return { locations, oauthApp, agency };
}

function seedLocationData(store: SimulatorStore, location: LocationRecord, rng: Random, contactCount: number): void {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const groupId = rng.ghlId();
  const calendars = CALENDAR_NAMES.map((name) => store.insertCalendar({ id: rng.ghlId(), locationId: location.id, groupId, name }));
  const customFieldIds = Array.from({ length: 3 }, () => rng.ghlId());

  // Few businesses for many contacts, so each business is shared by several contacts.
  const businesses: BusinessRecord[] = [];
  const businessCount = Math.max(3, Math.ceil(contactCount / 20));
  for (let b = 0; b < businessCount; b++) {
    const created = SEED_BASE_MS - rng.between(400, 900) * DAY + rng.int(DAY);
    const name = `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
    const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '')}${b}.example.com`;
    businesses.push(
      store.insertBusiness({
        id: rng.objectId(),
        locationId: location.id,
        name,
        email: `hello@${domain}`,
        website: `https://${domain}`,
        phone: `+1555${String(2000000 + b * 7919).slice(-7)}`,
        ...(rng.chance(0.7) ? { address: `${rng.between(1, 9999)} ${rng.pick(STREETS)}`, city: rng.pick(CITIES), state: rng.pick(STATES), postalCode: String(rng.between(10000, 99999)), country: 'US' } : {}),
        description: `${name}, a simulated business.`,
        createdAt: iso(created),
        updatedAt: iso(created + rng.int(200) * DAY),
      }),
    );
  }

  const phones = new Set<string>();
  for (let k = 0; k < contactCount; k++) {
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.chance(0.95) ? rng.pick(LAST_NAMES) : undefined;
    const added = SEED_BASE_MS - rng.int(730 * DAY);
    const business = rng.chance(0.5) ? rng.pick(businesses) : undefined;
    let phone: string | undefined;
    if (rng.chance(0.9)) {
      do phone = `+1${rng.pick(AREA_CODES)}${rng.between(2000000, 9999999)}`;
      while (phones.has(phone));
      phones.add(phone);
    }
    const contact: ContactRecord = {
      id: rng.ghlId(),
      locationId: location.id,
      firstName,
      ...(lastName ? { lastName } : {}),
      ...(rng.chance(0.96) ? { email: `${firstName}.${lastName ?? 'x'}${k}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase() } : {}),
      ...(phone ? { phone } : {}),
      ...(business ? { businessId: business.id, companyName: business.name } : rng.chance(0.3) ? { companyName: `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}` } : {}),
      timezone: rng.chance(0.7) ? location.timezone : rng.pick(TIMEZONES),
      dnd: false,
      type: rng.chance(0.7) ? 'lead' : 'customer',
      source: rng.pick(SOURCES),
      ...(rng.chance(0.6) ? { assignedTo: rng.pick(location.userIds) } : {}),
      ...(rng.chance(0.5) ? { address1: `${rng.between(1, 9999)} ${rng.pick(STREETS)}`, city: rng.pick(CITIES), state: rng.pick(STATES), postalCode: String(rng.between(10000, 99999)), country: 'US' } : {}),
      ...(rng.chance(0.15) ? { website: `https://${firstName.toLowerCase()}${k}.example.org` } : {}),
      tags: rng.sample(TAGS, rng.int(4)),
      ...(rng.chance(0.3) ? { dateOfBirth: iso(Date.UTC(rng.between(1950, 2004), rng.int(12), rng.between(1, 28))) } : {}),
      dateAdded: iso(added),
      dateUpdated: iso(added + rng.int(Math.min(60 * DAY, SEED_BASE_MS - added) + 1)),
      customFields: rng.chance(0.3) ? rng.sample(customFieldIds, rng.between(1, 2)).map((id) => ({ id, value: rng.pick(CUSTOM_VALUES) })) : [],
      followers: rng.chance(0.15) ? rng.sample(location.userIds, rng.between(1, 2)) : [],
      campaigns: [],
      workflows: [],
      ...(rng.chance(0.2) ? { attributionSource: { url: `https://example.com/${rng.pick(['landing', 'pricing', 'contact'])}`, utmSource: rng.pick(['google', 'facebook', 'newsletter']), utmMedium: rng.pick(['cpc', 'email', 'social']), campaign: null, referrer: null } } : {}),
    };
    if (rng.chance(0.08)) {
      contact.dnd = true;
      contact.dndSettings = Object.fromEntries(DND_CHANNELS.map((ch) => [ch, { status: 'active', message: 'Opted out', code: '' } satisfies DndSetting]));
    } else if (rng.chance(0.25)) {
      contact.dndSettings = { [rng.pick(DND_CHANNELS)]: { status: 'inactive', message: '', code: '' } };
    }
    store.insertContact(contact);

    if (rng.chance(0.35)) {
      for (let t = rng.between(1, 4); t > 0; t--) {
        const taskAdded = added + rng.int(Math.max(1, SEED_BASE_MS - added));
        store.insertTask({
          id: rng.ghlId(),
          locationId: location.id,
          contactId: contact.id,
          title: rng.pick(TASK_TITLES),
          ...(rng.chance(0.7) ? { body: rng.pick(TASK_BODIES) } : {}),
          ...(rng.chance(0.7) ? { assignedTo: rng.pick(location.userIds) } : {}),
          dueDate: iso(SEED_BASE_MS + (rng.int(120) - 60) * DAY + rng.between(9, 17) * 3_600_000),
          completed: rng.chance(0.4),
          dateAdded: iso(taskAdded),
          dateUpdated: iso(taskAdded),
        });
      }
    }
    if (rng.chance(0.45)) {
      for (let n = rng.between(1, 3); n > 0; n--) {
        const noteAdded = added + rng.int(Math.max(1, SEED_BASE_MS - added));
        store.insertNote({
          id: rng.ghlId(),
          locationId: location.id,
          contactId: contact.id,
          body: rng.pick(NOTE_BODIES),
          userId: rng.pick(location.userIds),
          ...(rng.chance(0.4) ? { title: rng.pick(NOTE_TITLES) } : {}),
          ...(rng.chance(0.2) ? { color: rng.pick(['#FFAA00', '#3B82F6', '#10B981']) } : {}),
          pinned: rng.chance(0.1),
          dateAdded: iso(noteAdded),
          dateUpdated: iso(noteAdded),
        });
      }
    }
    if (rng.chance(0.3)) {
      for (let a = rng.between(1, 3); a > 0; a--) {
        const calendar = rng.pick(calendars);
        const start = Math.floor((SEED_BASE_MS + (rng.int(150) - 90) * DAY) / DAY) * DAY + rng.between(18, 34) * 1_800_000;
        const status = rng.pick(APPOINTMENT_STATUSES);
        const assignedUserId = rng.pick(location.userIds);
        const appointment: AppointmentRecord = {
          id: rng.ghlId(),
          locationId: location.id,
          contactId: contact.id,
          calendarId: calendar.id,
          ...(calendar.groupId ? { groupId: calendar.groupId } : {}),
          title: `${calendar.name.replace(/s$/, '')} with ${firstName}${lastName ? ` ${lastName}` : ''}`,
          status: status === 'cancelled' ? 'cancelled' : 'booked',
          appointmentStatus: status,
          assignedUserId,
          users: [assignedUserId],
          ...(rng.chance(0.4) ? { notes: rng.pick(NOTE_BODIES) } : {}),
          ...(rng.chance(0.5) ? { address: rng.pick(['Zoom', 'Google Meet', 'Office', 'Phone call']) } : {}),
          startTime: iso(start),
          endTime: iso(start + rng.pick([30, 60]) * 60_000),
          assignedResources: [],
          dateAdded: iso(Math.min(start, SEED_BASE_MS) - rng.between(1, 20) * DAY),
          dateUpdated: iso(Math.min(start, SEED_BASE_MS)),
        };
        store.insertAppointment(appointment);
      }
    }
  }
}

const LOCATION_NAMES = ['Sunrise Dental Studio', 'Harbor Fitness Club', 'Maple Street Realty', 'Bluebird Coffee Roasters', 'Summit Legal Group'];
const TIMEZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Asia/Calcutta'];
const CALENDAR_NAMES = ['Consultations', 'Follow-ups', 'Demos'];
const FIRST_NAMES = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'William', 'Mia', 'Benjamin', 'Charlotte', 'Lucas', 'Amelia', 'Henry', 'Harper', 'Alexander', 'Evelyn', 'Mason', 'Abigail', 'Michael', 'Emily', 'Ethan', 'Ella', 'Daniel', 'Elizabeth', 'Jacob', 'Camila', 'Logan', 'Luna', 'Jackson', 'Sofia', 'Levi', 'Avery', 'Sebastian', 'Mila', 'Mateo', 'Aria', 'Jack', 'Scarlett', 'Owen', 'Penelope', 'Theodore', 'Layla', 'Aiden', 'Chloe', 'Samuel', 'Victoria', 'Joseph', 'Madison', 'John', 'Eleanor', 'David', 'Grace', 'Wyatt', 'Nora', 'Matthew', 'Riley', 'Luke', 'Zoey', 'Asher', 'Hannah', 'Carter', 'Hazel', 'Julian', 'Lily', 'Grayson', 'Ellie', 'Leo', 'Violet', 'Jayden', 'Lillian', 'Gabriel', 'Zoe', 'Isaac', 'Stella', 'Lincoln', 'Aurora', 'Anthony', 'Natalie', 'Priya', 'Rahul', 'Mei', 'Hiroshi', 'Fatima', 'Omar', 'Ingrid', 'Lars', 'Chiara'];
const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Patel', 'Sharma', 'Kim', 'Tanaka', 'Okafor', 'Novak', 'Rossi', 'Jensen', 'Dubois', "O'Brien"];
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'];
const AREA_CODES = ['212', '305', '312', '415', '512', '617', '702', '808', '917', '206'];
const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Cyberdyne', 'Soylent', 'Tyrell', 'Gringotts', 'Oscorp', 'Pied Piper'];
const COMPANY_SUFFIXES = ['Inc', 'LLC', 'Group', 'Partners', 'Labs', 'Co'];
const STREETS = ['Main St', 'Oak Ave', 'Pine Rd', 'Maple Dr', 'Cedar Ln', '1st St N', 'Elm St', 'Lakeview Blvd'];
const CITIES = ['Springfield', 'Riverton', 'Fairview', 'Franklin', 'Greenville', 'Bristol', 'Clinton', 'Georgetown'];
const STATES = ['AL', 'CA', 'CO', 'FL', 'GA', 'IL', 'MA', 'NY', 'TX', 'WA'];
const SOURCES = ['public api', 'form', 'manual', 'facebook', 'import', 'website'];
const TAGS = ['vip', 'newsletter', 'lead', 'customer', 'webinar', 'trial', 'referral', 'follow-up', 'cold', 'hot'];
const CUSTOM_VALUES = ['Gold', 'Silver', 'Bronze', '42', 'Yes', 'No', 'Spring campaign'];
const DND_CHANNELS: DndChannel[] = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];
const TASK_TITLES = ['Call back', 'Send proposal', 'Follow up on quote', 'Schedule demo', 'Collect documents', 'Renewal reminder'];
const TASK_BODIES = ['Discuss pricing options.', 'They asked for a PDF.', 'Confirm the preferred time.', 'Check whether the invoice was paid.'];
const NOTE_TITLES = ['Call summary', 'Follow-up summary', 'Meeting notes'];
const NOTE_BODIES = ['Interested in the premium plan.', 'Prefers email over phone.', 'Met at the spring expo.', 'Asked about discounts for annual billing.', 'Will decide next quarter.', 'Referred by an existing customer.'];
const APPOINTMENT_STATUSES = ['confirmed', 'confirmed', 'showed', 'noshow', 'cancelled', 'new'];

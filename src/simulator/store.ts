import type { Clock } from '../lib/clock.js';
import { Random } from './random.js';
import type { AppointmentRecord, BusinessRecord, CalendarRecord, CompanyRecord, ContactRecord, GrantRecord, InstallRecord, LocationRecord, NoteRecord, OAuthAppRecord, TaskRecord, TokenRecord } from './records.js';

/**
 * In-memory GHL data, per location. Records hold what GHL stores; the wire shapes are built by
 * domains/contacts-present.ts, so derived fields (name, *LowerCase) can never go stale. Every write through
 * the store's methods bumps `dateUpdated`/`updatedAt` from the injected clock. Tests may call these
 * methods directly to change data "in GHL" behind the gateway's back.
 */

export type { DndChannel, DndSetting, AttributionSource, LocationRecord, CompanyRecord, ContactRecord, TaskRecord, NoteRecord, AppointmentRecord, BusinessRecord, CalendarRecord, CalendarOpenHours, TokenKind, UserType, TokenRecord, OAuthAppRecord, GrantRecord, InstallRecord } from './records.js';

/** Token lifetimes (ms). GHL's: one day (the spec's `expires_in` 86399 s) and one year. */
export interface TokenLifetimes {
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
}

export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = { accessTokenTtlMs: 86_399_000, refreshTokenTtlMs: 365 * 86_400_000 };

/** Why a refresh token no longer works; kept so the refusal can say so (the token itself is never echoed). */
export type DeadRefreshReason = 'used' | 'revoked';

/** `undefined` in a patch removes the field. */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

export class SimulatorStore {
  readonly locations = new Map<string, LocationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly oauthApps = new Map<string, OAuthAppRecord>();
  readonly authorizationCodes = new Map<string, GrantRecord>();
  readonly refreshTokens = new Map<string, GrantRecord>();
  /** Refresh tokens that were rotated away or revoked. */
  readonly deadRefreshTokens = new Map<string, DeadRefreshReason>();
  readonly companies = new Map<string, CompanyRecord>();
  /** App installs, keyed by `installKey`. */
  readonly installs = new Map<string, InstallRecord>();
  tokenLifetimes: TokenLifetimes = { ...DEFAULT_TOKEN_LIFETIMES };
  /** State of the domains under src/simulator/domains/, created on first use. */
  private readonly domainStates = new Map<string, unknown>();

  /** A domain's own state, created once per store: `store.domainState('calendars', () => new CalendarsState(store))`. */
  domainState<T>(name: string, create: () => T): T {
    let state = this.domainStates.get(name) as T | undefined;
    if (state === undefined) {
      state = create();
      this.domainStates.set(name, state);
    }
    return state;
  }

  private readonly contacts = new Map<string, ContactRecord>();
  private readonly contactsByLocation = new Map<string, Map<string, ContactRecord>>();
  // Children are indexed by contact: the gateway fetches them per contact, often for many contacts.
  private readonly tasks = new ChildIndex<TaskRecord>();
  private readonly notes = new ChildIndex<NoteRecord>();
  private readonly appointments = new ChildIndex<AppointmentRecord>();
  private readonly businesses = new Map<string, BusinessRecord>();
  private readonly calendars = new Map<string, CalendarRecord>();
  private readonly usedIds = new Set<string>();

  constructor(
    readonly clock: Clock,
    /** Mints runtime ids and tokens; seeded, so a replayed scenario gets the same ids. */
    readonly random: Random = new Random(0x5eed),
  ) {}

  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  newId(): string {
    return this.unique(() => this.random.ghlId());
  }

  newObjectId(): string {
    return this.unique(() => this.random.objectId());
  }

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  private claim(id: string): void {
    if (this.usedIds.has(id)) throw new Error(`Duplicate id ${id}`);
    this.usedIds.add(id);
  }

  // Locations ---------------------------------------------------------------------------------

  addLocation(location: LocationRecord): void {
    this.claim(location.id);
    this.locations.set(location.id, location);
    this.contactsByLocation.set(location.id, new Map());
  }

  /** A new location (`POST /locations/`) with a freshly minted id. */
  createLocation(fields: Omit<LocationRecord, 'id'>): LocationRecord {
    const location: LocationRecord = { id: this.newId(), ...fields };
    this.locations.set(location.id, location);
    this.contactsByLocation.set(location.id, new Map());
    return location;
  }

  // Contacts ----------------------------------------------------------------------------------

  getContact(id: string): ContactRecord | undefined {
    return this.contacts.get(id);
  }

  /** A location's contacts in insertion order; callers sort. */
  listContacts(locationId: string): ContactRecord[] {
    return [...(this.contactsByLocation.get(locationId)?.values() ?? [])];
  }

  /** Adds a fully formed record as is (seeding); no timestamps are touched. */
  insertContact(contact: ContactRecord): ContactRecord {
    this.claim(contact.id);
    this.contacts.set(contact.id, contact);
    this.locationContacts(contact.locationId).set(contact.id, contact);
    return contact;
  }

  createContact(locationId: string, fields: Patch<Omit<ContactRecord, 'id' | 'locationId' | 'dateAdded' | 'dateUpdated'>>): ContactRecord {
    const now = this.nowIso();
    const contact: ContactRecord = { id: this.newId(), locationId, dnd: false, tags: [], customFields: [], followers: [], campaigns: [], workflows: [], dateAdded: now, dateUpdated: now };
    applyPatch(contact, fields);
    this.contacts.set(contact.id, contact);
    this.locationContacts(locationId).set(contact.id, contact);
    return contact;
  }

  updateContact(id: string, patch: Patch<Omit<ContactRecord, 'id' | 'locationId' | 'dateAdded'>>): ContactRecord {
    const contact = this.mustGet(this.contacts, id, 'contact');
    applyPatch(contact, patch);
    contact.dateUpdated = this.nowIso();
    return contact;
  }

  /** Deletes the contact with its tasks, notes and appointments. */
  deleteContact(id: string): boolean {
    const contact = this.contacts.get(id);
    if (!contact) return false;
    this.contacts.delete(id);
    this.contactsByLocation.get(contact.locationId)?.delete(id);
    this.tasks.deleteContact(id);
    this.notes.deleteContact(id);
    this.appointments.deleteContact(id);
    return true;
  }

  private locationContacts(locationId: string): Map<string, ContactRecord> {
    const map = this.contactsByLocation.get(locationId);
    if (!map) throw new Error(`Unknown location ${locationId}`);
    return map;
  }

  // Tasks -------------------------------------------------------------------------------------

  getTask(id: string): TaskRecord | undefined {
    return this.tasks.get(id);
  }

  listTasks(contactId: string): TaskRecord[] {
    return this.tasks.ofContact(contactId);
  }

  insertTask(task: TaskRecord): TaskRecord {
    this.claim(task.id);
    this.tasks.set(task);
    return task;
  }

  createTask(contact: ContactRecord, fields: Pick<TaskRecord, 'title' | 'dueDate' | 'completed'> & Patch<Pick<TaskRecord, 'body' | 'assignedTo'>>): TaskRecord {
    const now = this.nowIso();
    const task: TaskRecord = { id: this.newId(), locationId: contact.locationId, contactId: contact.id, title: '', dueDate: now, completed: false, dateAdded: now, dateUpdated: now };
    applyPatch(task, fields);
    this.tasks.set(task);
    return task;
  }

  updateTask(id: string, patch: Patch<Pick<TaskRecord, 'title' | 'body' | 'assignedTo' | 'dueDate' | 'completed'>>): TaskRecord {
    const task = this.mustGet(this.tasks.byId, id, 'task');
    applyPatch(task, patch);
    task.dateUpdated = this.nowIso();
    return task;
  }

  deleteTask(id: string): boolean {
    return this.tasks.delete(id);
  }

  // Notes -------------------------------------------------------------------------------------

  getNote(id: string): NoteRecord | undefined {
    return this.notes.get(id);
  }

  listNotes(contactId: string): NoteRecord[] {
    return this.notes.ofContact(contactId);
  }

  insertNote(note: NoteRecord): NoteRecord {
    this.claim(note.id);
    this.notes.set(note);
    return note;
  }

  createNote(contact: ContactRecord, fields: Pick<NoteRecord, 'body'> & Patch<Pick<NoteRecord, 'userId' | 'title' | 'color' | 'pinned'>>): NoteRecord {
    const now = this.nowIso();
    const note: NoteRecord = { id: this.newId(), locationId: contact.locationId, contactId: contact.id, body: '', dateAdded: now, dateUpdated: now };
    applyPatch(note, fields);
    this.notes.set(note);
    return note;
  }

  updateNote(id: string, patch: Patch<Pick<NoteRecord, 'body' | 'userId' | 'title' | 'color' | 'pinned'>>): NoteRecord {
    const note = this.mustGet(this.notes.byId, id, 'note');
    applyPatch(note, patch);
    note.dateUpdated = this.nowIso();
    return note;
  }

  deleteNote(id: string): boolean {
    return this.notes.delete(id);
  }

  // Appointments and calendars ----------------------------------------------------------------

  listAppointments(contactId: string): AppointmentRecord[] {
    return this.appointments.ofContact(contactId);
  }

  insertAppointment(appointment: AppointmentRecord): AppointmentRecord {
    this.claim(appointment.id);
    this.appointments.set(appointment);
    return appointment;
  }

  listCalendars(locationId: string): CalendarRecord[] {
    return [...this.calendars.values()].filter((c) => c.locationId === locationId);
  }

  insertCalendar(calendar: CalendarRecord): CalendarRecord {
    this.claim(calendar.id);
    this.calendars.set(calendar.id, calendar);
    return calendar;
  }

  getAppointment(id: string): AppointmentRecord | undefined {
    return this.appointments.get(id);
  }

  /** A location's appointments, whatever their contact, in insertion order. */
  listLocationAppointments(locationId: string): AppointmentRecord[] {
    return [...this.appointments.byId.values()].filter((a) => a.locationId === locationId);
  }

  /** Books an appointment: the same record `GET /contacts/{id}/appointments` lists. */
  createAppointment(fields: Omit<AppointmentRecord, 'id' | 'dateAdded' | 'dateUpdated'>): AppointmentRecord {
    const now = this.nowIso();
    const appointment: AppointmentRecord = { ...fields, id: this.newId(), dateAdded: now, dateUpdated: now };
    this.appointments.set(appointment);
    return appointment;
  }

  updateAppointment(id: string, patch: Patch<Omit<AppointmentRecord, 'id' | 'locationId' | 'contactId' | 'dateAdded'>>): AppointmentRecord {
    const appointment = this.mustGet(this.appointments.byId, id, 'appointment');
    applyPatch(appointment, patch);
    appointment.dateUpdated = this.nowIso();
    return appointment;
  }

  deleteAppointment(id: string): boolean {
    return this.appointments.delete(id);
  }

  getCalendar(id: string): CalendarRecord | undefined {
    return this.calendars.get(id);
  }

  createCalendar(locationId: string, fields: Pick<CalendarRecord, 'name'> & Patch<Omit<CalendarRecord, 'id' | 'locationId' | 'name'>>): CalendarRecord {
    const calendar: CalendarRecord = { id: this.newId(), locationId, name: '' };
    applyPatch(calendar, fields);
    this.calendars.set(calendar.id, calendar);
    return calendar;
  }

  updateCalendar(id: string, patch: Patch<Omit<CalendarRecord, 'id' | 'locationId'>>): CalendarRecord {
    const calendar = this.mustGet(this.calendars, id, 'calendar');
    applyPatch(calendar, patch);
    return calendar;
  }

  /** Deletes the calendar with the appointments booked on it. */
  deleteCalendar(id: string): boolean {
    const calendar = this.calendars.get(id);
    if (!calendar) return false;
    this.calendars.delete(id);
    for (const a of this.listLocationAppointments(calendar.locationId)) if (a.calendarId === id) this.appointments.delete(a.id);
    return true;
  }

  // Businesses --------------------------------------------------------------------------------

  getBusiness(id: string): BusinessRecord | undefined {
    return this.businesses.get(id);
  }

  listBusinesses(locationId: string): BusinessRecord[] {
    return [...this.businesses.values()].filter((b) => b.locationId === locationId);
  }

  insertBusiness(business: BusinessRecord): BusinessRecord {
    this.claim(business.id);
    this.businesses.set(business.id, business);
    return business;
  }

  createBusiness(locationId: string, fields: Pick<BusinessRecord, 'name'> & Patch<Omit<BusinessRecord, 'id' | 'locationId' | 'name' | 'createdAt' | 'updatedAt'>>): BusinessRecord {
    const now = this.nowIso();
    const business: BusinessRecord = { id: this.newObjectId(), locationId, name: '', createdAt: now, updatedAt: now };
    applyPatch(business, fields);
    this.businesses.set(business.id, business);
    return business;
  }

  updateBusiness(id: string, patch: Patch<Omit<BusinessRecord, 'id' | 'locationId' | 'createdAt' | 'updatedAt'>>): BusinessRecord {
    const business = this.mustGet(this.businesses, id, 'business');
    applyPatch(business, patch);
    business.updatedAt = this.nowIso();
    return business;
  }

  /** Deletes the business and detaches its contacts (a write to each of them). */
  deleteBusiness(id: string): boolean {
    const business = this.businesses.get(id);
    if (!business) return false;
    this.businesses.delete(id);
    for (const c of this.listContacts(business.locationId)) if (c.businessId === id) this.updateContact(c.id, { businessId: undefined });
    return true;
  }

  // Tokens ------------------------------------------------------------------------------------

  addToken(token: TokenRecord): void {
    this.tokens.set(token.token, token);
  }

  // Companies and app installs -----------------------------------------------------------------

  addCompany(company: CompanyRecord): void {
    this.claim(company.id);
    this.companies.set(company.id, company);
  }

  /** A company's locations, in insertion order. */
  companyLocations(companyId: string): LocationRecord[] {
    return [...this.locations.values()].filter((l) => l.companyId === companyId);
  }

  /** Records an install (idempotent: a re-install keeps the first `installedAt`). */
  install(record: InstallRecord): InstallRecord {
    const key = installKey(record.clientId, record.companyId, record.locationId);
    const existing = this.installs.get(key);
    if (existing) return existing;
    this.installs.set(key, record);
    return record;
  }

  getInstall(clientId: string, companyId: string, locationId: string | null): InstallRecord | undefined {
    return this.installs.get(installKey(clientId, companyId, locationId));
  }

  removeInstall(clientId: string, companyId: string, locationId: string | null): boolean {
    return this.installs.delete(installKey(clientId, companyId, locationId));
  }

  private mustGet<T>(map: Map<string, T>, id: string, what: string): T {
    const v = map.get(id);
    if (!v) throw new Error(`No ${what} ${id}`);
    return v;
  }
}

function installKey(clientId: string, companyId: string, locationId: string | null): string {
  return `${clientId} ${companyId} ${locationId ?? '*'}`;
}

function applyPatch<T extends object>(target: T, patch: object): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete (target as Record<string, unknown>)[k];
    else (target as Record<string, unknown>)[k] = v;
  }
}

/** Records by id, plus by contact id. */
class ChildIndex<T extends { id: string; contactId: string }> {
  readonly byId = new Map<string, T>();
  private readonly byContact = new Map<string, Map<string, T>>();

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  set(record: T): void {
    this.byId.set(record.id, record);
    let children = this.byContact.get(record.contactId);
    if (!children) this.byContact.set(record.contactId, (children = new Map()));
    children.set(record.id, record);
  }

  delete(id: string): boolean {
    const record = this.byId.get(id);
    if (!record) return false;
    this.byId.delete(id);
    this.byContact.get(record.contactId)?.delete(id);
    return true;
  }

  ofContact(contactId: string): T[] {
    return [...(this.byContact.get(contactId)?.values() ?? [])];
  }

  deleteContact(contactId: string): void {
    for (const id of this.byContact.get(contactId)?.keys() ?? []) this.byId.delete(id);
    this.byContact.delete(contactId);
  }
}

import type { Clock, TimerHandle } from '../lib/clock.js';
import type { SeededLocation } from './seed.js';
import { opportunitiesState } from './domains/opportunities-state.js';
import { Random } from './random.js';
import type { SimulatorStore } from './store.js';

/**
 * Steady, realistic changes, as the people using a GHL location would make them: new contacts
 * arrive, tasks come due, appointments are booked for today, opportunities move along their
 * pipeline. Every change is an ordinary API call to the simulator itself, with the location's own
 * token, so it is validated, counted against the rate budget and announced by webhooks exactly
 * like a change made in GHL's app. Steps run on the injected clock: tests call `step()` or
 * advance a manual clock, never wait on real time.
 */

export type ActivityKind = 'contactCreated' | 'taskDue' | 'appointmentBooked' | 'opportunityMoved';

/** The kinds in the order the activity cycles through them. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['contactCreated', 'taskDue', 'opportunityMoved', 'appointmentBooked'];

export const DEFAULT_ACTIVITY_INTERVAL_MS = 4_000;

export interface ActivityOptions {
  /** Start making changes at once. Default false. */
  running?: boolean;
  /** Time between two changes, on the simulator clock. Default 4 s. */
  intervalMs?: number;
  /** Seed of the names, times and choices. Default fixed. */
  seed?: number;
}

/** One change the activity made. */
export interface ActivityChange {
  kind: ActivityKind;
  locationId: string;
  /** Id of the record written (contact, task, appointment, opportunity). */
  id: string;
  /** What a person would read in a feed, e.g. `New contact: Ada Moreno`. */
  summary: string;
  /** The simulator's HTTP status for the write (2xx unless the location's budget ran out). */
  status: number;
  at: string;
}

export interface SimulatorActivity {
  readonly running: boolean;
  readonly intervalMs: number;
  /** Every change made so far, oldest first. */
  readonly changes: readonly ActivityChange[];
  start(): void;
  stop(): void;
  /** Makes one change now (of `kind`, else the next kind in turn). */
  step(kind?: ActivityKind): Promise<ActivityChange>;
}

const FIRST = ['Ada', 'Bruno', 'Chloé', 'Dev', 'Elif', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Oskar', 'Priya'];
const LAST = ['Moreno', 'Okafor', 'Lindqvist', 'Tanaka', 'Novak', 'Haddad', 'Schmidt', 'Rossi', 'Kowalski', 'Mensah', 'Dubois', 'Patel'];
const TASKS = ['Call back about the quote', 'Send the proposal', 'Confirm the site visit', 'Follow up on the invoice', 'Book the onboarding call'];
const MEETINGS = ['Discovery call', 'Site visit', 'Demo', 'Consultation', 'Contract review'];

const MINUTE = 60_000;

export function createActivity(deps: { clock: Clock; store: SimulatorStore; baseUrl: string; location: SeededLocation; options?: ActivityOptions }): SimulatorActivity {
  const { clock, store, location } = deps;
  const intervalMs = deps.options?.intervalMs ?? DEFAULT_ACTIVITY_INTERVAL_MS;
  if (!(intervalMs > 0)) throw new Error(`activity intervalMs must be a number > 0, got ${String(intervalMs)}`);
  const random = new Random(deps.options?.seed ?? 0xac71);
  const changes: ActivityChange[] = [];
  let turn = 0;
  let timer: TimerHandle | null = null;
  let running = false;

  async function write(method: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, any> }> {
    const res = await fetch(`${deps.baseUrl}${path}`, {
      method,
      // GHL versions the calendars API apart from the rest.
      headers: { authorization: `Bearer ${location.token}`, version: path.startsWith('/calendars') ? '2021-04-15' : '2021-07-28', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  const pick = <T>(items: readonly T[]): T => items[random.int(items.length)] as T;
  /** The contacts most recently touched: the ones a dashboard is most likely showing. */
  const recentContacts = () => store.listContacts(location.id).sort((a, b) => b.dateUpdated.localeCompare(a.dateUpdated)).slice(0, 8);
  const record = (change: Omit<ActivityChange, 'locationId' | 'at'>): ActivityChange => {
    const full = { ...change, locationId: location.id, at: new Date(clock.now()).toISOString() };
    changes.push(full);
    return full;
  };

  const makers: Record<ActivityKind, () => Promise<ActivityChange>> = {
    async contactCreated() {
      const firstName = pick(FIRST);
      const lastName = pick(LAST);
      const email = `${firstName}.${lastName}.${random.hex(4)}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const { status, json } = await write('POST', '/contacts/', { locationId: location.id, firstName, lastName, email, source: 'Website form' });
      return record({ kind: 'contactCreated', id: String(json['contact']?.id ?? ''), summary: `New contact: ${firstName} ${lastName}`, status });
    },
    async taskDue() {
      const contact = pick(recentContacts());
      // Most are due later today; one in four is already overdue.
      const due = clock.now() + (random.chance(0.25) ? -random.between(60, 24 * 60) : random.between(30, 6 * 60)) * MINUTE;
      const title = pick(TASKS);
      const { status, json } = await write('POST', `/contacts/${contact.id}/tasks`, { title, dueDate: new Date(due).toISOString(), completed: false });
      const who = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.id;
      return record({ kind: 'taskDue', id: String(json['task']?.id ?? ''), summary: `Task due: ${title} (${who})`, status });
    },
    async appointmentBooked() {
      const calendar = store.listCalendars(location.id)[0];
      const contact = pick(recentContacts());
      if (!calendar) return makers.contactCreated();
      const dayStart = Math.floor(clock.now() / (24 * 60 * MINUTE)) * 24 * 60 * MINUTE;
      // A slot later today when there is one, else earlier today: "today's appointments" grows.
      const quarter = 15 * MINUTE;
      const later = Math.ceil((clock.now() + random.between(1, 12) * quarter) / quarter) * quarter;
      const start = later + 45 * MINUTE < dayStart + 24 * 60 * MINUTE ? later : dayStart + (8 * 60 + random.between(0, 32) * 15) * MINUTE;
      const title = pick(MEETINGS);
      const { status, json } = await write('POST', '/calendars/events/appointments', {
        calendarId: calendar.id,
        locationId: location.id,
        contactId: contact.id,
        title,
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + 45 * MINUTE).toISOString(),
        appointmentStatus: 'confirmed',
        ignoreFreeSlotValidation: true,
      });
      return record({ kind: 'appointmentBooked', id: String(json['id'] ?? ''), summary: `Booked: ${title} at ${new Date(start).toISOString().slice(11, 16)} UTC`, status });
    },
    async opportunityMoved() {
      const state = opportunitiesState(store);
      const open = state.listOf(location.id).filter((o) => o.status === 'open');
      if (open.length === 0) return makers.contactCreated();
      const opportunity = pick(open);
      const stages = state.getPipeline(opportunity.pipelineId)?.stages ?? [];
      const at = stages.findIndex((s) => s.id === opportunity.pipelineStageId);
      const next = stages[at + 1] ?? stages[0];
      if (!next) return makers.contactCreated();
      const { status } = await write('PUT', `/opportunities/${opportunity.id}`, { pipelineStageId: next.id });
      return record({ kind: 'opportunityMoved', id: opportunity.id, summary: `${opportunity.name} moved to ${next.name}`, status });
    },
  };

  function schedule(): void {
    timer = clock.setTimeout(() => {
      timer = null;
      void api.step().catch(() => undefined).finally(() => {
        if (running) schedule();
      });
    }, intervalMs);
  }

  const api: SimulatorActivity = {
    get running() {
      return running;
    },
    intervalMs,
    get changes() {
      return changes;
    },
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      if (timer) clock.clearTimeout(timer);
      timer = null;
    },
    step(kind) {
      const next = kind ?? (ACTIVITY_KINDS[turn++ % ACTIVITY_KINDS.length] as ActivityKind);
      return makers[next]();
    },
  };
  if (deps.options?.running) api.start();
  return api;
}

/// <reference lib="dom" />
import {
  CalendarEventsChangedDocument,
  ContactCreateDocument,
  ContactsChangedDocument,
  ContactTasksChangedDocument,
  DashboardDocument,
  OpportunitiesChangedDocument,
  RateBudgetDocument,
  type AppointmentRow,
  type ContactRow,
  type DashboardQuery,
  type OpportunityRow,
  type RateBudgetFields,
  type TaskRow,
} from './documents.js';
import { createDashboardClient } from './graphql-client.js';

/**
 * The live dashboard: one load of `Dashboard`, then subscriptions keep every panel current.
 * Plain DOM on purpose: each panel re-renders from its state when an event touches it.
 */

type Source = 'POLL' | 'WEBHOOK' | 'MUTATION';
interface ContactState extends ContactRow {
  /** How the dashboard last heard of it: set by live events, not by the first load. */
  badge: { kind: 'CREATED' | 'UPDATED'; source: Source } | null;
  /** When it last changed, as far as the dashboard knows: orders the list (webhook payloads may lack `dateUpdated`). */
  touchedAt: string;
}

const state = {
  location: null as DashboardQuery['currentLocation'],
  contacts: new Map<string, ContactState>(),
  contactTotal: 0,
  tasks: new Map<string, TaskRow>(),
  appointments: new Map<string, AppointmentRow>(),
  calendars: [] as { id: string; name: string }[],
  pipelines: [] as DashboardQuery['pipelines']['nodes'],
  opportunities: new Map<string, OpportunityRow>(),
  budget: null as RateBudgetFields | null,
  log: [] as { at: string; text: string; source: Source }[],
  activity: { available: false, running: false },
};

const $ = (id: string) => document.getElementById(id)!;
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false }) : '');
/** A time today, else the date: how a feed shows when something happened. */
const when = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? time(iso) : d.toLocaleDateString([], { month: 'short', day: 'numeric' });
};
const day = () => {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 24 * 3600_000 - 1);
  return { start, end };
};

const endpoint = new URL('/graphql', location.href);
endpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
// `#key=<gateway API key>&location=<location id>`: who the dashboard runs as, when the gateway asks
// (simulator mode needs neither). A fragment, so the key never reaches a server log.
const who = new URLSearchParams(location.hash.slice(1));
const client = createDashboardClient(endpoint.href, {
  ...(who.get('key') ? { authorization: `Bearer ${who.get('key')}` } : {}),
  ...(who.get('location') ? { 'x-location-id': who.get('location')! } : {}),
});
client.onStatus((status) => {
  const el = $('status');
  el.dataset['status'] = status;
  el.textContent = status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Offline';
});

function note(text: string, source: Source): void {
  state.log.unshift({ at: new Date().toISOString(), text, source });
  state.log.length = Math.min(state.log.length, 12);
  renderLog();
}

// Rendering ----------------------------------------------------------------------------------------

function renderHeader(): void {
  $('location').textContent = state.location?.name ?? 'Location';
  const b = state.budget;
  const meter = $('budget');
  if (!b) {
    meter.innerHTML = '<span class="muted">Rate budget unavailable</span>';
    return;
  }
  const share = Math.min(1, b.usedInBurstWindow / b.burstLimit);
  meter.innerHTML = `
    <div class="budget-label">Rate budget <strong data-testid="budget-used">${b.usedInBurstWindow}</strong> / ${b.burstLimit} per ${b.burstWindowSeconds} s
      <span class="muted">· ${b.usedToday.toLocaleString()} / ${b.dailyLimit.toLocaleString()} today${b.queuedInteractive + b.queuedBackground ? ` · ${b.queuedInteractive + b.queuedBackground} queued` : ''}</span></div>
    <div class="bar"><span style="width:${(share * 100).toFixed(1)}%" class="${share > 0.8 ? 'hot' : ''}"></span></div>`;
}

function renderActivity(): void {
  const button = $('activity') as HTMLButtonElement;
  button.hidden = !state.activity.available;
  button.textContent = state.activity.running ? 'Stop simulator activity' : 'Start simulator activity';
  button.dataset['running'] = String(state.activity.running);
}

function renderContacts(): void {
  const rows = [...state.contacts.values()].sort((a, b) => b.touchedAt.localeCompare(a.touchedAt)).slice(0, 15);
  $('contacts-count').textContent = `${state.contactTotal.toLocaleString()} in total`;
  $('contacts').innerHTML = rows
    .map(
      (c) => `<li data-testid="contact" data-id="${esc(c.id)}" class="${c.badge ? 'fresh' : ''}">
        <div><strong>${esc(c.name || c.email || c.id)}</strong><div class="muted small">${esc(c.email ?? c.phone ?? '')}</div></div>
        <div class="right">${c.badge ? `<span class="badge ${c.badge.kind.toLowerCase()}">${c.badge.kind === 'CREATED' ? 'new' : 'updated'}</span><span class="badge source">${c.badge.source.toLowerCase()}</span>` : ''}
        <div class="muted small">${esc(when(c.touchedAt))}</div></div></li>`,
    )
    .join('');
}

function renderTasks(): void {
  const { end } = day();
  const now = Date.now();
  const due = [...state.tasks.values()]
    .filter((t) => !t.completed && t.dueDate && Date.parse(t.dueDate) <= end.getTime())
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  const overdue = due.filter((t) => Date.parse(t.dueDate!) < now).length;
  $('tasks-count').textContent = `${due.length} due · ${overdue} overdue`;
  $('tasks').innerHTML =
    due
      .slice(0, 12)
      .map((t) => {
        const late = Date.parse(t.dueDate!) < now;
        const who = state.contacts.get(t.contactId ?? '')?.name ?? '';
        return `<li data-testid="task" class="${late ? 'late' : ''}"><div><strong>${esc(t.title)}</strong><div class="muted small">${esc(who)}</div></div>
          <div class="right"><span class="badge ${late ? 'overdue' : 'today'}">${late ? 'overdue' : 'today'}</span><div class="muted small">${esc(when(t.dueDate))}</div></div></li>`;
      })
      .join('') || '<li class="empty">Nothing due today.</li>';
}

function renderAppointments(): void {
  const { start, end } = day();
  const list = [...state.appointments.values()]
    .filter((a) => a.startTime && Date.parse(a.startTime) >= start.getTime() && Date.parse(a.startTime) <= end.getTime() && a.appointmentStatus !== 'CANCELLED')
    .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  const calendarName = (id: string | null) => state.calendars.find((c) => c.id === id)?.name ?? '';
  $('appointments-count').textContent = `${list.length} today`;
  $('appointments').innerHTML =
    list
      .map(
        (a) => `<li data-testid="appointment"><div class="when">${esc(time(a.startTime))}<div class="muted small">${esc(time(a.endTime))}</div></div>
        <div class="grow"><strong>${esc(a.title || 'Appointment')}</strong><div class="muted small">${esc(a.contact?.name ?? '')} · ${esc(calendarName(a.calendarId))}</div></div>
        <span class="badge">${esc((a.appointmentStatus ?? '').toLowerCase())}</span></li>`,
      )
      .join('') || '<li class="empty">No appointments today.</li>';
}

function renderPipeline(): void {
  const open = [...state.opportunities.values()].filter((o) => o.status === 'OPEN');
  $('pipeline').innerHTML = state.pipelines
    .map((p) => {
      const stages = [...p.stages].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
      const totals = stages.map((s) => {
        const inStage = open.filter((o) => o.stageId === s.id);
        return { stage: s, count: inStage.length, value: inStage.reduce((sum, o) => sum + (o.monetaryValue ?? 0), 0) };
      });
      const max = Math.max(1, ...totals.map((t) => t.value));
      return `<h3>${esc(p.name)}</h3><ol class="stages">${totals
        .map(
          (t) => `<li data-testid="stage" data-stage="${esc(t.stage.id)}"><span class="stage-name">${esc(t.stage.name)}</span>
          <span class="stage-bar"><span style="width:${((t.value / max) * 100).toFixed(1)}%"></span></span>
          <span class="stage-figures"><strong data-testid="stage-count">${t.count}</strong> · ${esc(money.format(t.value))}</span></li>`,
        )
        .join('')}</ol>`;
    })
    .join('');
}

function renderLog(): void {
  $('log').innerHTML = state.log.map((e) => `<li data-testid="event"><span class="muted small">${esc(time(e.at))}</span> ${esc(e.text)} <span class="badge source">${e.source.toLowerCase()}</span></li>`).join('') || '<li class="empty">Waiting for changes…</li>';
}

function renderAll(): void {
  renderHeader();
  renderActivity();
  renderContacts();
  renderTasks();
  renderAppointments();
  renderPipeline();
  renderLog();
}

// Live updates -------------------------------------------------------------------------------------

const taskStreams = new Map<string, () => void>();
function watchTasks(contactId: string): void {
  if (taskStreams.has(contactId)) return;
  const stop = client.subscribe(ContactTasksChangedDocument, { contactId }, ({ contactTasksChanged: e }) => {
    if (e.kind === 'DELETED') state.tasks.delete(e.id);
    else state.tasks.set(e.id, { ...e.node, contactId: e.node.contactId ?? contactId });
    if (e.kind === 'CREATED') note(`Task added: ${e.node.title ?? ''}`, e.source);
    renderTasks();
  });
  taskStreams.set(contactId, stop);
}

function subscribeAll(): void {
  client.subscribe(ContactsChangedDocument, {}, ({ contactsChanged: e }) => {
    if (e.kind === 'DELETED') {
      state.contacts.delete(e.id);
      state.contactTotal = Math.max(0, state.contactTotal - 1);
    } else {
      if (e.kind === 'CREATED' && !state.contacts.has(e.id)) state.contactTotal++;
      const touchedAt = [e.occurredAt, e.node.dateUpdated ?? ''].sort().at(-1)!;
      state.contacts.set(e.id, { ...e.node, badge: { kind: e.kind, source: e.source }, touchedAt });
      watchTasks(e.id);
    }
    note(`${e.kind === 'CREATED' ? 'New contact' : e.kind === 'UPDATED' ? 'Contact updated' : 'Contact deleted'}: ${e.node.name ?? e.node.email ?? e.id}${e.kind === 'UPDATED' ? ` (${e.changedFields.join(', ')})` : ''}`, e.source);
    renderContacts();
  });
  client.subscribe(OpportunitiesChangedDocument, {}, ({ opportunitiesChanged: e }) => {
    if (e.kind === 'DELETED') state.opportunities.delete(e.id);
    else state.opportunities.set(e.id, e.node);
    const stage = state.pipelines.flatMap((p) => p.stages).find((s) => s.id === e.node.stageId);
    note(e.changedFields.includes('stageId') && stage ? `${e.node.name} moved to ${stage.name}` : `Opportunity ${e.kind.toLowerCase()}: ${e.node.name ?? e.id}`, e.source);
    renderPipeline();
  });
  const { start, end } = day();
  for (const calendar of state.calendars) {
    client.subscribe(CalendarEventsChangedDocument, { calendarId: calendar.id, from: start.toISOString(), to: end.toISOString() }, ({ calendarEventsChanged: e }) => {
      if (e.kind === 'DELETED') state.appointments.delete(e.id);
      else state.appointments.set(e.id, e.node);
      if (e.kind === 'CREATED') note(`Booked: ${e.node.title ?? 'appointment'} at ${time(e.node.startTime)}`, e.source);
      renderAppointments();
    });
  }
  for (const id of state.contacts.keys()) watchTasks(id);
}

async function refreshBudget(): Promise<void> {
  try {
    const data = await client.request(RateBudgetDocument, {});
    state.budget = data.currentLocation?.rateBudget ?? null;
    renderHeader();
  } catch {
    // Shown as unavailable at the next success; the connection status says why.
  }
}

async function refreshActivity(): Promise<void> {
  const res = await fetch('/dashboard/activity');
  state.activity = res.ok ? ((await res.json()) as typeof state.activity) : { available: false, running: false };
  renderActivity();
}

// Start --------------------------------------------------------------------------------------------

async function load(): Promise<void> {
  const { start, end } = day();
  const data = await client.request(DashboardDocument, { todayStart: start.toISOString(), todayEnd: end.toISOString() });
  state.location = data.currentLocation;
  state.budget = data.currentLocation?.rateBudget ?? null;
  state.contactTotal = data.contacts.totalCount ?? data.contacts.nodes.length;
  for (const { tasks, ...contact } of data.contacts.nodes) {
    state.contacts.set(contact.id, { ...contact, badge: null, touchedAt: contact.dateUpdated ?? contact.dateAdded ?? '' });
    // A contact whose tasks could not be read has them null (a partial result): shown without them.
    for (const t of tasks ?? []) state.tasks.set(t.id, { ...t, contactId: t.contactId ?? contact.id });
  }
  state.pipelines = data.pipelines.nodes;
  for (const o of data.opportunities.nodes) state.opportunities.set(o.id, o);
  state.calendars = data.calendars.nodes.map((c) => ({ id: c.id, name: c.name }));
  for (const c of data.calendars.nodes) for (const a of c.events?.nodes ?? []) state.appointments.set(a.id, a);
  renderAll();
  subscribeAll();
  document.body.dataset['ready'] = 'true';
}

$('activity').addEventListener('click', async () => {
  const res = await fetch('/dashboard/activity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ running: !state.activity.running }) });
  if (res.ok) state.activity = (await res.json()) as typeof state.activity;
  renderActivity();
});

$('quick-add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const fields = Object.fromEntries(new FormData(form)) as Record<string, string>;
  const input = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
  const out = $('quick-add-errors');
  try {
    const { contactCreate } = await client.request(ContactCreateDocument, { input });
    out.textContent = contactCreate.userErrors.map((e) => e.message).join(' ');
    if (contactCreate.userErrors.length === 0) form.reset();
  } catch (err) {
    out.textContent = err instanceof Error ? err.message : String(err);
  }
});

setInterval(() => void refreshBudget(), 5_000);
setInterval(() => renderTasks(), 60_000);
void refreshActivity();
load().catch((err: unknown) => {
  $('error').textContent = `Could not load the dashboard: ${err instanceof Error ? err.message : String(err)}`;
});

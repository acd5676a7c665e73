import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';
import { WIDE_COST_CEILINGS } from '../helpers/cost.js';

/**
 * The calendars domain end to end: GraphQL → gateway → simulator, asserting on the data and on
 * the simulator's request log at each step.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

type UserErrors = { code: string; field: string[] | null; message: string }[];

const GROUP_CREATE = `mutation($input: CalendarGroupCreateInput!) { calendarGroupCreate(input: $input) { calendarGroup { id name slug isActive } userErrors { code field message } } }`;
const CALENDAR_CREATE = `mutation($input: CalendarCreateInput!) { calendarCreate(input: $input) { calendar { id name groupId slotDuration openHours { days windows { openHour closeHour } } } userErrors { code field message } } }`;
const FREE_SLOTS = `query($calendarId: ID!, $from: DateTime!, $to: DateTime!, $tz: String) { calendarFreeSlots(calendarId: $calendarId, startDate: $from, endDate: $to, timezone: $tz) { date slots localSlots } }`;
const BOOK = `mutation($input: AppointmentCreateInput!) { appointmentCreate(input: $input) { appointment { id calendarId contactId startTime endTime title appointmentStatus } userErrors { code field message } } }`;
const UPDATE = `mutation($input: AppointmentUpdateInput!) { appointmentUpdate(input: $input) { appointment { id title startTime endTime appointmentStatus } userErrors { code field message } } }`;
const NOTE_CREATE = `mutation($input: AppointmentNoteCreateInput!) { appointmentNoteCreate(input: $input) { appointmentNote { id body appointmentId } userErrors { code field message } } }`;
const EVENT_DELETE = `mutation($input: CalendarEventDeleteInput!) { calendarEventDelete(input: $input) { deletedEventId userErrors { code field message } } }`;
const GRAPH = `query($id: ID!) {
  appointment(id: $id) {
    id title startTime appointmentStatus
    contact { id name }
    calendar { id name group { id name slug } }
    appointmentNotes(first: 5) { nodes { id body } pageInfo { hasNextPage } }
  }
}`;
const CONTACT_APPOINTMENTS = `query($id: ID!) { contact(id: $id) { id appointments { id title } } }`;

type Slots = { calendarFreeSlots: { date: string; slots: string[]; localSlots: string[] }[] };
type Booked = { id: string; calendarId: string; contactId: string; startTime: string; endTime: string; title: string; appointmentStatus: string };

const location = () => stack.simulator.locations[0]!;
const aContact = () => stack.simulator.store.listContacts(location().id)[3]!;

describe('a booking from group to note, through the graph', () => {
  it('creates a group and a calendar, books a free slot for a contact, notes it, reads it back, moves it and deletes it', async () => {
    // 1. A group, then a calendar in it: one write each.
    const group = expectNoErrors(await stack.execute<{ calendarGroupCreate: { calendarGroup: { id: string; slug: string; isActive: boolean }; userErrors: UserErrors } }>(GROUP_CREATE, { input: { name: 'Workshops', slug: 'workshops' } }));
    expect(group.calendarGroupCreate).toMatchObject({ userErrors: [], calendarGroup: { slug: 'workshops', isActive: true } });
    const groupId = group.calendarGroupCreate.calendarGroup.id;
    const calendar = expectNoErrors(
      await stack.execute<{ calendarCreate: { calendar: { id: string; groupId: string; slotDuration: number }; userErrors: UserErrors } }>(CALENDAR_CREATE, {
        input: { name: 'Tax clinic', groupId, slotDuration: 60, slotInterval: 60, openHours: [{ days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], windows: [{ openHour: 10, closeHour: 13 }] }] },
      }),
    );
    expect(calendar.calendarCreate).toMatchObject({ userErrors: [], calendar: { groupId, slotDuration: 60 } });
    const calendarId = calendar.calendarCreate.calendar.id;
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /calendars/groups': 1, 'POST /calendars/': 1 });
    expect(stack.upstream().map((r) => [r.status, r.version])).toEqual([
      [201, '2021-04-15'],
      [200, '2021-04-15'],
    ]);

    // 2. Free slots of one week: three one-hour slots a weekday, in the location's time zone, grouped by day.
    stack.resetLog();
    const tz = stack.simulator.store.locations.get(location().id)!.timezone;
    const week = { calendarId, from: '2025-01-13T00:00:00Z', to: '2025-01-18T00:00:00Z', tz };
    const before = expectNoErrors(await stack.execute<Slots>(FREE_SLOTS, week)).calendarFreeSlots;
    expect(before.map((d) => d.date)).toEqual(['2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17']);
    expect(before.every((d) => d.slots.length === 3)).toBe(true);
    expect(before[0]!.localSlots[0]).toMatch(/^2025-01-13T10:00:00[+-]\d\d:\d\d$/);
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /calendars/{calendarId}/free-slots': 1 });
    const slot = before[0]!.slots[0]!;

    // 3. Book that slot for a contact; the booking is then one of the contact's appointments.
    stack.resetLog();
    const contact = aContact();
    const booked = expectNoErrors(await stack.execute<{ appointmentCreate: { appointment: Booked; userErrors: UserErrors } }>(BOOK, { input: { calendarId, contactId: contact.id, startTime: slot, title: 'Tax review' } }));
    expect(booked.appointmentCreate.userErrors).toEqual([]);
    const appointment = booked.appointmentCreate.appointment;
    expect(appointment).toMatchObject({ calendarId, contactId: contact.id, startTime: slot, title: 'Tax review', appointmentStatus: 'CONFIRMED' });
    expect(Date.parse(appointment.endTime) - Date.parse(appointment.startTime)).toBe(3_600_000);
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /calendars/events/appointments': 1 });
    const ofContact = expectNoErrors(await stack.execute<{ contact: { appointments: { id: string }[] } }>(CONTACT_APPOINTMENTS, { id: contact.id }));
    expect(ofContact.contact.appointments.map((a) => a.id)).toContain(appointment.id);

    // The booked slot is gone from the free slots (the write made the cached ones stale).
    stack.resetLog();
    const after = expectNoErrors(await stack.execute<Slots>(FREE_SLOTS, week)).calendarFreeSlots;
    expect(after[0]!.slots).not.toContain(slot);
    expect(after[0]!.slots).toHaveLength(2);
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /calendars/{calendarId}/free-slots': 1 });

    // 4. A note on the appointment.
    stack.resetLog();
    const note = expectNoErrors(await stack.execute<{ appointmentNoteCreate: { appointmentNote: { id: string; body: string; appointmentId: string }; userErrors: UserErrors } }>(NOTE_CREATE, { input: { appointmentId: appointment.id, body: 'Bring last year\'s return.' } }));
    expect(note.appointmentNoteCreate).toMatchObject({ userErrors: [], appointmentNote: { body: "Bring last year's return.", appointmentId: appointment.id } });
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /calendars/appointments/{appointmentId}/notes': 1 });

    // 5. One query follows appointment → contact and calendar → group, with the notes: one read each
    // (the contact comes from the cache: step 3 read it within its TTL).
    stack.resetLog();
    const graphRes = await stack.execute<{ appointment: any }>(GRAPH, { id: appointment.id });
    const graph = expectNoErrors(graphRes);
    expect(graphRes.extensions?.['cost']).toMatchObject({ cacheHits: 1 });
    expect(graph.appointment).toMatchObject({
      id: appointment.id,
      title: 'Tax review',
      contact: { id: contact.id },
      calendar: { id: calendarId, name: 'Tax clinic', group: { id: groupId, name: 'Workshops', slug: 'workshops' } },
      appointmentNotes: { nodes: [{ id: note.appointmentNoteCreate.appointmentNote.id, body: "Bring last year's return." }], pageInfo: { hasNextPage: false } },
    });
    expect(countByRoute(stack.upstream())).toEqual({
      'GET /calendars/events/appointments/{eventId}': 1,
      'GET /calendars/{calendarId}': 1,
      'GET /calendars/groups': 1,
      'GET /calendars/appointments/{appointmentId}/notes': 1,
    });

    // 6. Move it to the next day's first slot and mark it showed; the graph sees the change at once.
    stack.resetLog();
    const next = before[1]!.slots[0]!;
    const moved = expectNoErrors(await stack.execute<{ appointmentUpdate: { appointment: Booked; userErrors: UserErrors } }>(UPDATE, { input: { id: appointment.id, startTime: next, appointmentStatus: 'SHOWED' } }));
    expect(moved.appointmentUpdate).toMatchObject({ userErrors: [], appointment: { id: appointment.id, startTime: next, appointmentStatus: 'SHOWED' } });
    expect(Date.parse(moved.appointmentUpdate.appointment.endTime) - Date.parse(next)).toBe(3_600_000);
    const reread = expectNoErrors(await stack.execute<{ appointment: { startTime: string } }>(GRAPH, { id: appointment.id }));
    expect(reread.appointment.startTime).toBe(next);
    expect(countByRoute(stack.upstream())['PUT /calendars/events/appointments/{eventId}']).toBe(1);
    expect(countByRoute(stack.upstream())['GET /calendars/events/appointments/{eventId}']).toBe(1);

    // 7. Delete it: GHL answers 201; the appointment is gone, from the graph and from the contact.
    stack.resetLog();
    const deleted = expectNoErrors(await stack.execute(EVENT_DELETE, { input: { id: appointment.id } }));
    expect(deleted).toEqual({ calendarEventDelete: { deletedEventId: appointment.id, userErrors: [] } });
    expect(stack.upstream().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual(['DELETE /calendars/events/{eventId} 201']);
    const gone = await stack.execute(GRAPH, { id: appointment.id });
    expect(gone.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const ofContactAfter = expectNoErrors(await stack.execute<{ contact: { appointments: { id: string }[] } }>(CONTACT_APPOINTMENTS, { id: contact.id }));
    expect(ofContactAfter.contact.appointments.map((a) => a.id)).not.toContain(appointment.id);
    expect(stack.simulator.store.getAppointment(appointment.id)).toBeUndefined();
  });

  it('turns a taken slot into a user error: GHL refuses, one call, nothing booked', async () => {
    const calendarId = stack.simulator.store.listCalendars(location().id)[0]!.id;
    const free = expectNoErrors(await stack.execute<Slots>(FREE_SLOTS, { calendarId, from: '2025-02-03T00:00:00Z', to: '2025-02-05T00:00:00Z' })).calendarFreeSlots;
    const slot = free[0]!.slots[0]!;
    const first = expectNoErrors(await stack.execute<{ appointmentCreate: { userErrors: UserErrors } }>(BOOK, { input: { calendarId, contactId: aContact().id, startTime: slot } }));
    expect(first.appointmentCreate.userErrors).toEqual([]);
    stack.resetLog();
    const second = expectNoErrors(await stack.execute<{ appointmentCreate: { appointment: null; userErrors: UserErrors } }>(BOOK, { input: { calendarId, contactId: aContact().id, startTime: slot } }));
    expect(second.appointmentCreate.appointment).toBeNull();
    expect(second.appointmentCreate.userErrors).toEqual([expect.objectContaining({ code: 'REJECTED', message: expect.stringMatching(/no longer available/) })]);
    expect(stack.upstream().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual(['POST /calendars/events/appointments 400']);
  });

  it('reports a taken group slug as TAKEN on the slug field', async () => {
    const validate = `mutation($input: CalendarGroupSlugValidateInput!) { calendarGroupSlugValidate(input: $input) { slug available userErrors { code } } }`;
    expect(expectNoErrors(await stack.execute(validate, { input: { slug: 'main' } }))).toEqual({ calendarGroupSlugValidate: { slug: 'main', available: false, userErrors: [] } });
    const res = expectNoErrors(await stack.execute<{ calendarGroupCreate: { calendarGroup: null; userErrors: UserErrors } }>(GROUP_CREATE, { input: { name: 'Again', slug: 'main' } }));
    expect(res.calendarGroupCreate).toEqual({ calendarGroup: null, userErrors: [expect.objectContaining({ code: 'TAKEN', field: ['input', 'slug'] })] });
  });
});

describe('input checks', () => {
  it('refuses bad mutation input with field paths and calls nothing', async () => {
    const calendarId = stack.simulator.store.listCalendars(location().id)[0]!.id;
    const cases: [string, Record<string, unknown>, string[][]][] = [
      [BOOK, { input: { calendarId, contactId: aContact().id, startTime: '2025-02-03T10:00:00Z', endTime: '2025-02-03T09:00:00Z', appointmentStatus: 'COMPLETED' } }, [['input', 'endTime'], ['input', 'appointmentStatus']]],
      [CALENDAR_CREATE, { input: { name: ' ', slotDuration: 0, eventColor: 'red', openHours: [{ days: [], windows: [{ openHour: 14, closeHour: 9 }] }] } }, [['input', 'name'], ['input', 'eventColor'], ['input', 'slotDuration'], ['input', 'openHours', '0', 'days'], ['input', 'openHours', '0', 'windows', '0']]],
      [GROUP_CREATE, { input: { name: 'Fine', slug: 'Not A Slug' } }, [['input', 'slug']]],
      [
        `mutation($input: CalendarNotificationCreateInput!) { calendarNotificationCreate(input: $input) { calendarNotifications { id } userErrors { code field message } } }`,
        { input: { calendarId, notifications: [{ receiverType: 'EMAILS', channel: 'EMAIL', notificationType: 'BOOKED', additionalEmailIds: ['nope'] }] } },
        [['input', 'notifications', '0', 'additionalEmailIds', '0']],
      ],
      [
        `mutation($input: BlockedSlotCreateInput!) { blockedSlotCreate(input: $input) { blockedSlot { id } userErrors { code field message } } }`,
        { input: { calendarId, startTime: '2025-02-03T10:00:00Z', endTime: '2025-02-03T10:00:00Z' } },
        [['input', 'endTime']],
      ],
    ];
    for (const [doc, variables, fields] of cases) {
      const data = expectNoErrors(await stack.execute<Record<string, { userErrors: UserErrors }>>(doc, variables));
      expect(Object.values(data)[0]!.userErrors.map((e) => e.field)).toEqual(fields);
    }
    expect(stack.upstream()).toHaveLength(0);
  });

  it('refuses a free-slot range over 31 days and an event window without owner, before any call', async () => {
    const calendarId = stack.simulator.store.listCalendars(location().id)[0]!.id;
    const long = await stack.execute(FREE_SLOTS, { calendarId, from: '2025-01-01T00:00:00Z', to: '2025-02-02T00:00:00Z' });
    expect(long.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const ownerless = await stack.execute(`{ calendarEvents(startTime: "2025-01-01T00:00:00Z", endTime: "2025-02-01T00:00:00Z") { nodes { id } } }`);
    expect(ownerless.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe('time-window connections', () => {
  it('pages a group\'s events without overlap or gaps, one upstream call per page, and ends', async () => {
    const groupId = stack.simulator.store.listCalendars(location().id)[0]!.groupId!;
    const all = stack.simulator.store
      .listLocationAppointments(location().id)
      .filter((a) => stack.simulator.store.getCalendar(a.calendarId)?.groupId === groupId)
      .filter((a) => Date.parse(a.startTime) >= Date.parse('2024-10-01T00:00:00Z') && Date.parse(a.startTime) <= Date.parse('2025-06-01T00:00:00Z'));
    expect(all.length).toBeGreaterThan(10);
    const page = `query($after: String, $groupId: ID!) { calendarEvents(groupId: $groupId, startTime: "2024-10-01T00:00:00Z", endTime: "2025-06-01T00:00:00Z", first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id startTime } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      type Page = { calendarEvents: { totalCount: number | null; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; startTime: string }[] } };
      const res: Page = expectNoErrors(await stack.execute<Page>(page, { after, groupId }));
      if (pages === 0) expect(res.calendarEvents.totalCount).toBe(all.length);
      seen.push(...res.calendarEvents.nodes.map((n) => n.id));
      after = res.calendarEvents.pageInfo.hasNextPage ? res.calendarEvents.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(all.map((a) => a.id)));
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /calendars/events': pages });
  });

  it('ends the list when a cursor points at the last event: an empty page, no next page', async () => {
    const calendarId = stack.simulator.store.listCalendars(location().id)[0]!.id;
    const q = `query($after: String, $c: ID!) { calendarEvents(calendarId: $c, startTime: "2024-10-01T00:00:00Z", endTime: "2025-06-01T00:00:00Z", first: 200, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`;
    type Page = { calendarEvents: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } };
    const whole = expectNoErrors(await stack.execute<Page>(q, { c: calendarId })).calendarEvents;
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const past = expectNoErrors(await stack.execute<Page>(q, { c: calendarId, after: whole.pageInfo.endCursor })).calendarEvents;
    expect(past).toEqual({ pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    const forged = await stack.execute(q, { c: calendarId, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('location boundary', () => {
  it("answers FORBIDDEN for another location's calendar and appointment", async () => {
    const other = stack.simulator.locations[1]!;
    const calendarId = stack.simulator.store.listCalendars(other.id)[0]!.id;
    const appointmentId = stack.simulator.store.listLocationAppointments(other.id)[0]!.id;
    const res = await stack.execute(`query($c: ID!, $a: ID!) { calendar(id: $c) { id } appointment(id: $a) { id } }`, { c: calendarId, a: appointmentId });
    expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(stack.upstream().map((r) => r.status)).toEqual([403, 403]);
  });
});

describe('connected fields', () => {
  it('loads N appointments with their contact and calendar with one upstream call per distinct contact and calendar', async () => {
    const fresh = await startStack({ env: WIDE_COST_CEILINGS });
    try {
      const loc = fresh.simulator.locations[0]!;
      const groupId = fresh.simulator.store.listCalendars(loc.id)[0]!.groupId!;
      const query = `query($groupId: ID!) { calendarEvents(groupId: $groupId, startTime: "2024-10-01T00:00:00Z", endTime: "2025-06-01T00:00:00Z", first: 200) { nodes { id contact { id name } calendar { id name group { id } } } } }`;
      const data = expectNoErrors(await fresh.execute<{ calendarEvents: { nodes: { contact: { id: string }; calendar: { id: string; group: { id: string } } }[] } }>(query, { groupId }));
      const nodes = data.calendarEvents.nodes;
      const contacts = new Set(nodes.map((n) => n.contact.id));
      const calendars = new Set(nodes.map((n) => n.calendar.id));
      expect(nodes.length).toBeGreaterThan(contacts.size);
      expect(calendars.size).toBe(3);
      expect(nodes.every((n) => n.calendar.group.id === groupId)).toBe(true);
      expect(countByRoute(fresh.upstream())).toEqual({
        'GET /calendars/events': 1,
        'GET /contacts/{contactId}': contacts.size,
        'GET /calendars/{calendarId}': calendars.size,
        'GET /calendars/groups': 1,
      });
    } finally {
      await fresh.stop();
    }
  });
});

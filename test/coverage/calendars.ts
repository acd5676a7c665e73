import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Catalog coverage for calendars: each case reaches its GHL operations through GraphQL. */

/** Runs a document; throws on GraphQL errors and on any non-empty `userErrors` in the data. */
async function run<T = any>(stack: Stack, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const data = expectNoErrors(await stack.execute<Record<string, any>>(query, variables));
  for (const [field, value] of Object.entries(data)) {
    if (value && Array.isArray(value.userErrors) && value.userErrors.length > 0) throw new Error(`${field}: ${JSON.stringify(value.userErrors)}`);
  }
  return data as T;
}

const loc = (stack: Stack) => stack.simulator.locations[0]!;
const contactId = (stack: Stack) => stack.simulator.store.listContacts(loc(stack).id)[0]!.id;
let n = 0;

async function newCalendar(stack: Stack, name: string): Promise<string> {
  const res = await run(stack, `mutation($input: CalendarCreateInput!) { calendarCreate(input: $input) { calendar { id } userErrors { message } } }`, { input: { name: `${name} ${++n}` } });
  return res.calendarCreate.calendar.id;
}

async function firstFreeSlot(stack: Stack, calendarId: string): Promise<string> {
  const res = await run(stack, `query($id: ID!) { calendarFreeSlots(calendarId: $id, startDate: "2025-03-03T00:00:00Z", endDate: "2025-03-10T00:00:00Z") { date slots } }`, { id: calendarId });
  return res.calendarFreeSlots[0].slots[0];
}

async function book(stack: Stack, calendarId: string): Promise<string> {
  const startTime = await firstFreeSlot(stack, calendarId);
  const res = await run(stack, `mutation($input: AppointmentCreateInput!) { appointmentCreate(input: $input) { appointment { id } userErrors { message } } }`, { input: { calendarId, contactId: contactId(stack), startTime } });
  return res.appointmentCreate.appointment.id;
}

export const cases: CoverageCase[] = [
  {
    name: 'calendar groups: list, check a slug, create, update, turn off, delete',
    operations: ['GET /calendars/groups', 'POST /calendars/groups/validate-slug', 'POST /calendars/groups', 'PUT /calendars/groups/{groupId}', 'PUT /calendars/groups/{groupId}/status', 'DELETE /calendars/groups/{groupId}'],
    async run(stack) {
      await run(stack, `{ calendarGroups { nodes { id slug } } }`);
      const slug = `coverage-${++n}`;
      await run(stack, `mutation($input: CalendarGroupSlugValidateInput!) { calendarGroupSlugValidate(input: $input) { available userErrors { message } } }`, { input: { slug } });
      const created = await run(stack, `mutation($input: CalendarGroupCreateInput!) { calendarGroupCreate(input: $input) { calendarGroup { id } userErrors { message } } }`, { input: { name: 'Coverage', slug } });
      const id = created.calendarGroupCreate.calendarGroup.id;
      await run(stack, `mutation($input: CalendarGroupUpdateInput!) { calendarGroupUpdate(input: $input) { calendarGroup { id name } userErrors { message } } }`, { input: { id, name: 'Coverage renamed', slug: `${slug}-x`, description: 'Renamed' } });
      await run(stack, `mutation($input: CalendarGroupStatusUpdateInput!) { calendarGroupStatusUpdate(input: $input) { calendarGroup { isActive } userErrors { message } } }`, { input: { id, isActive: false } });
      await run(stack, `mutation($input: CalendarGroupDeleteInput!) { calendarGroupDelete(input: $input) { deletedCalendarGroupId userErrors { message } } }`, { input: { id } });
    },
  },
  {
    name: 'calendars: list, create, read, update, free slots, delete',
    operations: ['GET /calendars/', 'POST /calendars/', 'GET /calendars/{calendarId}', 'PUT /calendars/{calendarId}', 'GET /calendars/{calendarId}/free-slots', 'DELETE /calendars/{calendarId}'],
    async run(stack) {
      await run(stack, `{ calendars(showDrafted: false) { nodes { id name } } }`);
      const id = await newCalendar(stack, 'Coverage calendar');
      await run(stack, `query($id: ID!) { calendar(id: $id) { id name } }`, { id });
      await run(stack, `mutation($input: CalendarUpdateInput!) { calendarUpdate(input: $input) { calendar { id slotDuration } userErrors { message } } }`, { input: { id, slotDuration: 45, eventColor: '#336699' } });
      await firstFreeSlot(stack, id);
      await run(stack, `mutation($input: CalendarDeleteInput!) { calendarDelete(input: $input) { deletedCalendarId userErrors { message } } }`, { input: { id } });
    },
  },
  {
    name: 'events: book, read, move, list, block time, change the block, delete both',
    operations: [
      'POST /calendars/events/appointments',
      'GET /calendars/events/appointments/{eventId}',
      'PUT /calendars/events/appointments/{eventId}',
      'GET /calendars/events',
      'POST /calendars/events/block-slots',
      'PUT /calendars/events/block-slots/{eventId}',
      'GET /calendars/blocked-slots',
      'DELETE /calendars/events/{eventId}',
    ],
    async run(stack) {
      const calendarId = await newCalendar(stack, 'Coverage events');
      const id = await book(stack, calendarId);
      await run(stack, `query($id: ID!) { appointment(id: $id) { id contact { id } } }`, { id });
      await run(stack, `mutation($input: AppointmentUpdateInput!) { appointmentUpdate(input: $input) { appointment { id } userErrors { message } } }`, { input: { id, title: 'Moved', appointmentStatus: 'CONFIRMED' } });
      const window = { calendarId, from: '2025-03-01T00:00:00Z', to: '2025-03-31T00:00:00Z' };
      await run(stack, `query($calendarId: ID!, $from: DateTime!, $to: DateTime!) { calendarEvents(calendarId: $calendarId, startTime: $from, endTime: $to) { nodes { id } } }`, window);
      const block = await run(stack, `mutation($input: BlockedSlotCreateInput!) { blockedSlotCreate(input: $input) { blockedSlot { id } userErrors { message } } }`, { input: { calendarId, startTime: '2025-03-04T12:00:00Z', endTime: '2025-03-04T13:00:00Z', title: 'Lunch' } });
      const blockId = block.blockedSlotCreate.blockedSlot.id;
      await run(stack, `mutation($input: BlockedSlotUpdateInput!) { blockedSlotUpdate(input: $input) { blockedSlot { id } userErrors { message } } }`, { input: { id: blockId, calendarId, endTime: '2025-03-04T14:00:00Z' } });
      await run(stack, `query($calendarId: ID!, $from: DateTime!, $to: DateTime!) { blockedSlots(calendarId: $calendarId, startTime: $from, endTime: $to) { nodes { id } } }`, window);
      for (const eventId of [id, blockId]) await run(stack, `mutation($input: CalendarEventDeleteInput!) { calendarEventDelete(input: $input) { deletedEventId userErrors { message } } }`, { input: { id: eventId } });
    },
  },
  {
    name: 'appointment notes: write, list, edit, delete',
    operations: ['POST /calendars/appointments/{appointmentId}/notes', 'GET /calendars/appointments/{appointmentId}/notes', 'PUT /calendars/appointments/{appointmentId}/notes/{noteId}', 'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}'],
    async run(stack) {
      const appointmentId = await book(stack, await newCalendar(stack, 'Coverage notes'));
      const note = await run(stack, `mutation($input: AppointmentNoteCreateInput!) { appointmentNoteCreate(input: $input) { appointmentNote { id } userErrors { message } } }`, { input: { appointmentId, body: 'First note' } });
      const id = note.appointmentNoteCreate.appointmentNote.id;
      await run(stack, `query($id: ID!) { appointmentNotes(appointmentId: $id, first: 5) { nodes { id body } } }`, { id: appointmentId });
      await run(stack, `mutation($input: AppointmentNoteUpdateInput!) { appointmentNoteUpdate(input: $input) { appointmentNote { id } userErrors { message } } }`, { input: { appointmentId, id, body: 'Edited' } });
      await run(stack, `mutation($input: AppointmentNoteDeleteInput!) { appointmentNoteDelete(input: $input) { deletedAppointmentNoteId userErrors { message } } }`, { input: { appointmentId, id } });
    },
  },
  {
    name: 'calendar notifications: create, list, read, update, delete',
    operations: [
      'POST /calendars/{calendarId}/notifications',
      'GET /calendars/{calendarId}/notifications',
      'GET /calendars/{calendarId}/notifications/{notificationId}',
      'PUT /calendars/{calendarId}/notifications/{notificationId}',
      'DELETE /calendars/{calendarId}/notifications/{notificationId}',
    ],
    async run(stack) {
      const calendarId = await newCalendar(stack, 'Coverage notifications');
      const created = await run(stack, `mutation($input: CalendarNotificationCreateInput!) { calendarNotificationCreate(input: $input) { calendarNotifications { id } userErrors { message } } }`, {
        input: { calendarId, notifications: [{ receiverType: 'CONTACT', channel: 'EMAIL', notificationType: 'CONFIRMATION', subject: 'Booked', body: 'See you.' }] },
      });
      const id = created.calendarNotificationCreate.calendarNotifications[0].id;
      await run(stack, `query($c: ID!) { calendarNotifications(calendarId: $c) { nodes { id } } }`, { c: calendarId });
      await run(stack, `query($c: ID!, $id: ID!) { calendarNotification(calendarId: $c, id: $id) { id } }`, { c: calendarId, id });
      await run(stack, `mutation($input: CalendarNotificationUpdateInput!) { calendarNotificationUpdate(input: $input) { calendarNotification { id isActive } userErrors { message } } }`, { input: { calendarId, id, isActive: false } });
      await run(stack, `mutation($input: CalendarNotificationDeleteInput!) { calendarNotificationDelete(input: $input) { deletedCalendarNotificationId userErrors { message } } }`, { input: { calendarId, id } });
    },
  },
  {
    name: 'calendar resources: create, list, read, update, delete',
    operations: ['POST /calendars/resources/{resourceType}', 'GET /calendars/resources/{resourceType}', 'GET /calendars/resources/{resourceType}/{id}', 'PUT /calendars/resources/{resourceType}/{id}', 'DELETE /calendars/resources/{resourceType}/{id}'],
    async run(stack) {
      const created = await run(stack, `mutation($input: CalendarResourceCreateInput!) { calendarResourceCreate(input: $input) { calendarResource { id } userErrors { message } } }`, { input: { resourceType: 'ROOM', name: 'Coverage room', capacity: 6 } });
      const id = created.calendarResourceCreate.calendarResource.id;
      await run(stack, `{ calendarResources(resourceType: ROOM) { nodes { id name } } }`);
      await run(stack, `query($id: ID!) { calendarResource(resourceType: ROOM, id: $id) { id name } }`, { id });
      await run(stack, `mutation($input: CalendarResourceUpdateInput!) { calendarResourceUpdate(input: $input) { calendarResource { id capacity } userErrors { message } } }`, { input: { resourceType: 'ROOM', id, capacity: 10 } });
      await run(stack, `mutation($input: CalendarResourceDeleteInput!) { calendarResourceDelete(input: $input) { deletedCalendarResourceId userErrors { message } } }`, { input: { resourceType: 'ROOM', id } });
    },
  },
];

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoErrors, type GraphQLResponse, startStack, type Stack } from '../helpers/stack.js';

/**
 * Bounded input (issue 8): oversized or malformed values are refused with BAD_USER_INPUT naming the
 * field, before any upstream call; values inside the bounds still go through.
 */
let stack: Stack;
let contactId: string;

beforeAll(async () => {
  stack = await startStack();
  contactId = stack.simulator.store.listContacts(stack.simulator.locations[0]!.id)[0]!.id;
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const CREATE = `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id tags } userErrors { code field } } }`;

function expectRefused(res: GraphQLResponse, field: string[], reason: RegExp) {
  const error = res.errors?.[0];
  expect(error?.extensions?.['code'], JSON.stringify(res).slice(0, 300)).toBe('BAD_USER_INPUT');
  expect(error?.extensions?.['field']).toEqual(field);
  expect(error?.message).toMatch(reason);
  expect(stack.upstream()).toEqual([]);
}

describe('bounded input', () => {
  it('refuses a 1 MB name, naming the field, with no upstream call', async () => {
    expectRefused(await stack.execute(CREATE, { input: { firstName: 'x'.repeat(1_000_000) } }), ['input', 'firstName'], /^input\.firstName is longer than 255 characters/);
  });

  it('refuses 10,000 tags, and one tag that is too long', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `t${i}`);
    expectRefused(await stack.execute(CREATE, { input: { firstName: 'Tags', tags: many } }), ['input', 'tags'], /has more than 100 items/);
    expectRefused(await stack.execute(CREATE, { input: { firstName: 'Tags', tags: ['ok', 'y'.repeat(300)] } }), ['input', 'tags', '1'], /^input\.tags\[1\] is longer than 255/);
  });

  it('takes 100 tags of 255 characters', async () => {
    const tags = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(255, 'z'));
    const data = expectNoErrors(await stack.execute<{ contactCreate: { contact: { tags: string[] } } }>(CREATE, { input: { firstName: 'Many', tags } }));
    expect(data.contactCreate.contact.tags).toHaveLength(100);
  });

  it('refuses an overlong email and phone', async () => {
    expectRefused(await stack.execute(CREATE, { input: { email: `${'a'.repeat(300)}@example.com` } }), ['input', 'email'], /longer than 254/);
    expectRefused(await stack.execute(CREATE, { input: { firstName: 'P', phone: `+1${'5'.repeat(40)}` } }), ['input', 'phone'], /longer than 32/);
  });

  it('refuses a time zone that is not an IANA name, in inputs and arguments', async () => {
    expectRefused(await stack.execute(CREATE, { input: { firstName: 'Z', timezone: 'Mars/Olympus' } }), ['input', 'timezone'], /IANA/);
    const slots = await stack.execute(`query($tz: String) { calendarFreeSlots(calendarId: "c1", startDate: "2030-01-01T00:00:00Z", endDate: "2030-01-02T00:00:00Z", timezone: $tz) { date } }`, { tz: '+05:00' });
    expectRefused(slots, ['timezone'], /IANA/);
  });

  it('refuses free text over its bound, and GHL\'s documented 5,000 for appointment notes', async () => {
    const note = await stack.execute(`mutation($input: ContactNoteCreateInput!) { contactNoteCreate(input: $input) { note { id } } }`, { input: { contactId, body: 'n'.repeat(70_000) } });
    expectRefused(note, ['input', 'body'], /longer than 65536/);
    const apptNote = await stack.execute(`mutation($input: AppointmentNoteCreateInput!) { appointmentNoteCreate(input: $input) { userErrors { code } } }`, { input: { appointmentId: 'a1', body: 'n'.repeat(5001) } });
    expectRefused(apptNote, ['input', 'body'], /longer than 5000/);
  });

  it('refuses a 20 KB id, and unsafe ids inside lists', async () => {
    expectRefused(await stack.execute(`query($id: ID!) { contact(id: $id) { id } }`, { id: 'i'.repeat(20_000) }), ['id'], /longer than 128/);
    const bulk = await stack.execute(`mutation($input: ContactsTagsBulkUpdateInput!) { contactsTagsBulkUpdate(input: $input) { succeeded } }`, { input: { contactIds: [contactId, '..'], action: 'ADD', tags: ['t'] } });
    expectRefused(bulk, ['input', 'contactIds', '1'], /^input\.contactIds\[1\] must not be "\." or "\.\."/);
  });

  it.each(['2025-02-31T10:00:00Z', '2025-02-29T10:00:00Z', '2025-04-31', '2025-13-01T00:00:00Z'])('refuses the date %s, which does not exist', async (dueDate) => {
    const res = await stack.execute(`mutation($input: ContactTaskCreateInput!) { contactTaskCreate(input: $input) { task { id } } }`, { input: { contactId, title: 'Later', dueDate } });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.upstream()).toEqual([]);
  });

  it('takes a leap day that exists', async () => {
    const res = await stack.execute(`mutation($input: ContactTaskCreateInput!) { contactTaskCreate(input: $input) { task { dueDate } userErrors { code } } }`, { input: { contactId, title: 'Leap', dueDate: '2028-02-29T10:00:00Z' } });
    expect(expectNoErrors(res)).toMatchObject({ contactTaskCreate: { task: { dueDate: '2028-02-29T10:00:00.000Z' }, userErrors: [] } });
  });
});

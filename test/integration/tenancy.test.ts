import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

const LIST = `query($first: Int) { contacts(first: $first) { nodes { id locationId tasks { id } business { id locationId } } } }`;
const ONE = `query($id: ID!) { contact(id: $id) { id locationId } }`;

type ListData = { contacts: { nodes: { id: string; locationId: string; business: { id: string; locationId: string } | null }[] } };

let stack: Stack;
let locA: { id: string; token: string; readonlyToken: string };
let locB: { id: string; token: string; readonlyToken: string };

beforeAll(async () => {
  stack = await startStack();
  [locA, locB] = stack.simulator.locations as unknown as [typeof locA, typeof locB];
});
afterAll(async () => {
  await stack.stop();
});
beforeEach(() => stack.resetLog());

const asHeld = (locationId: string) => ({ 'x-location-id': locationId });
const asToken = (token: string, locationId: string) => ({ authorization: `Bearer ${token}`, 'x-location-id': locationId });

describe('tenancy', () => {
  it('serves each location only its own contacts (held installations)', async () => {
    const a = expectNoErrors(await stack.execute<ListData>(LIST, { first: 30 }, asHeld(locA.id)));
    const b = expectNoErrors(await stack.execute<ListData>(LIST, { first: 30 }, asHeld(locB.id)));
    expect(a.contacts.nodes.every((n) => n.locationId === locA.id)).toBe(true);
    expect(b.contacts.nodes.every((n) => n.locationId === locB.id)).toBe(true);
    expect(a.contacts.nodes.flatMap((n) => (n.business ? [n.business.locationId] : []))).not.toContain(locB.id);
    const idsA = new Set(a.contacts.nodes.map((n) => n.id));
    expect(b.contacts.nodes.some((n) => idsA.has(n.id))).toBe(false);
    // Each location's calls went out with its own token.
    const byLocation = new Set(stack.upstream().map((r) => r.locationId));
    expect(byLocation).toEqual(new Set([locA.id, locB.id]));
  });

  it("never serves location A's cached contact to location B", async () => {
    const a = expectNoErrors(await stack.execute<ListData>(LIST, { first: 5 }, asHeld(locA.id)));
    const idA = a.contacts.nodes[0]!.id;
    // A's copy is now in the cross-request cache; warm it through `contact(id)` as well.
    expectNoErrors(await stack.execute(ONE, { id: idA }, asHeld(locA.id)));
    stack.resetLog();

    const fromB = await stack.execute<{ contact: unknown }>(ONE, { id: idA }, asHeld(locB.id));
    expect(fromB.data?.contact ?? null).toBeNull();
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(fromB.errors?.[0]?.extensions?.['code']);
    // B's request was not answered from A's cache: it went to GHL with B's credential.
    expect(stack.upstream().map((r) => [r.route, r.locationId])).toEqual([['/contacts/{contactId}', locB.id]]);
  });

  it('keeps pass-through tokens apart, even for the same location', async () => {
    // The read-only token holds contacts.readonly only, so ask for contact fields alone.
    const CONTACTS_ONLY = `query($first: Int) { contacts(first: $first) { nodes { id locationId tasks { id } } } }`;
    const full = expectNoErrors(await stack.execute<ListData>(CONTACTS_ONLY, { first: 5 }, asToken(locA.token, locA.id)));
    expect(full.contacts.nodes).toHaveLength(5);
    stack.resetLog();
    // Another credential for the same location gets no cached data: its scopes may differ.
    const readonly = expectNoErrors(await stack.execute<ListData>(CONTACTS_ONLY, { first: 5 }, asToken(locA.readonlyToken, locA.id)));
    expect(readonly).toEqual(full);
    expect(stack.upstream().length).toBeGreaterThan(0);
    expect(stack.upstream().every((r) => r.tokenKind === 'readonly-pit')).toBe(true);
  });

  it("refuses B's token claiming to be location A, and leaks nothing from A's cache", async () => {
    const a = expectNoErrors(await stack.execute<ListData>(LIST, { first: 5 }, asToken(locA.token, locA.id)));
    stack.resetLog();
    const res = await stack.execute<ListData>(LIST, { first: 5 }, asToken(locB.token, locA.id));
    expect(res.data?.contacts ?? null).toBeNull();
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(res.errors?.[0]?.extensions?.['code']);
    expect(JSON.stringify(res)).not.toContain(a.contacts.nodes[0]!.id);
    expect(stack.upstream().length).toBe(1);
  });

  it('never echoes a token in errors', async () => {
    const res = await stack.execute(LIST, { first: 5 }, asToken('pit-this-is-not-a-real-token-123', locA.id));
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res)).not.toContain('pit-this-is-not-a-real-token-123');
  });
});

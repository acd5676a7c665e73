import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/** `Location.rateBudget`: the gateway's own ledger for the caller's location, read without a GHL call. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const QUERY = `{ currentLocation { id rateBudget { burstLimit burstWindowSeconds usedInBurstWindow dailyLimit usedToday queuedInteractive queuedBackground throttled } } }`;

describe('Location.rateBudget', () => {
  it("shows the calls spent in the caller's location against GHL's limits", async () => {
    const first = expectNoErrors(await stack.execute<any>(QUERY));
    // The location read itself is one call; the budget adds none.
    expect(first.currentLocation.rateBudget).toMatchObject({ burstLimit: 100_000, burstWindowSeconds: 10, dailyLimit: 200_000, usedInBurstWindow: 1, usedToday: 1, queuedInteractive: 0, queuedBackground: 0, throttled: 0 });
    stack.resetLog();
    expectNoErrors(await stack.execute(`{ contacts(first: 3) { nodes { id } } }`));
    const second = expectNoErrors(await stack.execute<any>(QUERY));
    expect(second.currentLocation.rateBudget.usedInBurstWindow).toBe(2);
    expect(stack.upstream().map((r) => r.route)).toEqual(['/contacts/search']);
  });

  it("keeps each location's budget apart: another location sees only its own spend", async () => {
    const other = stack.simulator.locations[1]!.id;
    const res = expectNoErrors(await stack.execute<any>(QUERY, {}, { 'x-location-id': other }));
    expect(res.currentLocation.id).toBe(other);
    expect(res.currentLocation.rateBudget).toMatchObject({ usedInBurstWindow: 1, usedToday: 1 });
  });
});

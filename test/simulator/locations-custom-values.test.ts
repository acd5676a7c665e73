import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/simulator/openapi.js';
import { startSimulator, type SeededLocation, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

/** A location's custom values (ASSUMPTIONS.md UL14), which the official SDK's custom value methods call. */

let sim: Simulator;
let a: SeededLocation;
let b: SeededLocation;
beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 5 } });
  [a, b] = [sim.locations[0]!, sim.locations[1]!];
});
afterAll(() => sim.stop());

const values = (loc = a) => `/locations/${loc.id}/customValues`;

describe('location custom values', () => {
  it('lists the seeded values by name, each with its merge-field key', async () => {
    const res = await call(sim, 'GET', values());
    expect(res.body.customValues.map((v: { name: string }) => v.name)).toEqual(['Booking Link', 'Office Hours', 'Support Phone']);
    expect(res.body.customValues[0]).toMatchObject({ fieldKey: '{{ custom_values.booking_link }}', value: 'https://example.com/book', locationId: a.id });
  });

  it('creates (201), reads, updates and deletes a value, in the spec shapes', async () => {
    const created = await call(sim, 'POST', values(), { body: { name: 'Promo Code', value: 'SPRING25' } });
    expect(created.status).toBe(201);
    expect(created.body.customValue).toMatchObject({ name: 'Promo Code', value: 'SPRING25', fieldKey: '{{ custom_values.promo_code }}' });
    const path = `${values()}/${created.body.customValue.id}`;
    expect((await call(sim, 'GET', path)).body.customValue.value).toBe('SPRING25');
    const updated = await call(sim, 'PUT', path, { body: { name: 'Promo Code', value: 'SUMMER30' } });
    expect(updated.body.customValue.value).toBe('SUMMER30');
    const deleted = await call(sim, 'DELETE', path);
    expect(deleted.body).toEqual({ succeded: true });
    expect(validateResponse('POST', '/locations/{locationId}/customValues', 201, created.body)).toEqual([]);
    expect(validateResponse('PUT', '/locations/{locationId}/customValues/{id}', 200, updated.body)).toEqual([]);
    expect((await call(sim, 'GET', path)).status).toBe(404);
  });

  it('refuses a blank name, a name whose key is taken, and other locations\' values', async () => {
    expect((await call(sim, 'POST', values(), { body: { name: ' ', value: 'x' } })).body.message).toEqual(['name should not be empty']);
    expect((await call(sim, 'POST', values(), { body: { name: 'No value' } })).status).toBe(422);
    const dup = await call(sim, 'POST', values(), { body: { name: 'booking  LINK', value: 'x' } });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toBe('A custom value with the key {{ custom_values.booking_link }} already exists');
    expect((await call(sim, 'GET', values(b))).status).toBe(403);
    const theirs = (await call(sim, 'GET', values(b), { token: b.token })).body.customValues[0].id as string;
    expect((await call(sim, 'GET', `${values()}/${theirs}`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/simulator/openapi.js';
import { startSimulator, type SeededLocation, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

/** A location's tag list (ASSUMPTIONS.md UL13), which the official SDK's tag methods call. */

let sim: Simulator;
let a: SeededLocation;
let b: SeededLocation;
beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 30 } });
  [a, b] = [sim.locations[0]!, sim.locations[1]!];
});
afterAll(() => sim.stop());

const tags = (loc = a) => `/locations/${loc.id}/tags`;
const names = async (): Promise<string[]> => ((await call(sim, 'GET', tags())).body.tags as { name: string }[]).map((t) => t.name);

describe('location tags', () => {
  it('lists the tags the seeded contacts use, by name', async () => {
    const seeded = [...new Set(sim.store.listContacts(a.id).flatMap((c) => c.tags))].sort();
    expect(seeded.length).toBeGreaterThan(0);
    expect(await names()).toEqual(seeded);
  });

  it('creates, reads, renames and deletes a tag, in the spec shapes', async () => {
    const created = await call(sim, 'POST', tags(), { body: { name: ' Spring Promo ' } });
    expect(created.status).toBe(200);
    expect(created.body.tag).toMatchObject({ name: 'Spring Promo', locationId: a.id });
    const path = `${tags()}/${created.body.tag.id}`;
    expect((await call(sim, 'GET', path)).body.tag.name).toBe('Spring Promo');
    const renamed = await call(sim, 'PUT', path, { body: { name: 'Summer Promo' } });
    expect(renamed.body.tag.name).toBe('Summer Promo');
    expect(await names()).toContain('Summer Promo');
    const deleted = await call(sim, 'DELETE', path);
    expect(deleted.body).toEqual({ succeded: true });
    for (const [method, res] of [['POST', created], ['PUT', renamed], ['DELETE', deleted]] as const) {
      expect(validateResponse(method, method === 'POST' ? '/locations/{locationId}/tags' : '/locations/{locationId}/tags/{tagId}', 200, res.body)).toEqual([]);
    }
    expect((await call(sim, 'GET', path)).status).toBe(404);
    expect(await names()).not.toContain('Summer Promo');
  });

  it('refuses a blank or taken name, another location\'s tags, and a tag id of another location', async () => {
    expect((await call(sim, 'POST', tags(), { body: { name: '  ' } })).body.message).toEqual(['name should not be empty']);
    expect((await call(sim, 'POST', tags(), { body: {} })).status).toBe(422);
    const taken = (await names())[0]!;
    const dup = await call(sim, 'POST', tags(), { body: { name: taken.toUpperCase() } });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toBe(`The tag ${taken.toUpperCase()} already exists`);
    expect((await call(sim, 'GET', tags(b))).status).toBe(403);
    const theirs = (await call(sim, 'GET', tags(b), { token: b.token })).body.tags[0].id as string;
    expect((await call(sim, 'GET', `${tags()}/${theirs}`)).status).toBe(403);
  });
});

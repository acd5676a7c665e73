import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunitiesState } from '../../src/simulator/domains/opportunities-state.js';
import { validateResponse } from '../../src/simulator/openapi.js';
import { startSimulator, type SeededLocation, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

/** `GET /opportunities/search` (ASSUMPTIONS.md O13), the query-string search the official SDK calls. */

let sim: Simulator;
let a: SeededLocation;
let b: SeededLocation;
beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 40 }, rateLimit: { burstMax: 100_000 } });
  [a, b] = [sim.locations[0]!, sim.locations[1]!];
});
afterAll(() => sim.stop());

const search = (query: Record<string, string | number | boolean>, token = a.token) => call(sim, 'GET', '/opportunities/search', { token, query: { location_id: a.id, ...query } });
const ofA = () => opportunitiesState(sim.store).listOf(a.id);

describe('GET /opportunities/search', () => {
  it('walks every opportunity of the location once by the meta cursor, newest first, in the spec shape', async () => {
    const seen: string[] = [];
    let query: Record<string, string | number> = { limit: 7 };
    for (let i = 0; i < 100; i++) {
      const res = await search(query);
      expect(res.status).toBe(200);
      expect(validateResponse('GET', '/opportunities/search', 200, res.body)).toEqual([]);
      seen.push(...res.body.opportunities.map((o: { id: string }) => o.id));
      expect(res.body.meta.total).toBe(ofA().length);
      if (!res.body.meta.nextPage) break;
      expect(res.body.meta.nextPageUrl).toContain(`startAfterId=${res.body.meta.startAfterId}`);
      query = { limit: 7, startAfterId: res.body.meta.startAfterId, startAfter: res.body.meta.startAfter };
    }
    const expected = [...ofA()].sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt) || (x.id < y.id ? -1 : 1)).map((o) => o.id);
    expect(seen).toEqual(expected);
  });

  it('pages by page number too, with currentPage, nextPage and prevPage', async () => {
    const first = await search({ limit: 5, order: 'added_asc' });
    const second = await search({ limit: 5, order: 'added_asc', page: 2 });
    expect(first.body.meta).toMatchObject({ currentPage: 1, nextPage: 2 });
    expect(first.body.meta.prevPage).toBeUndefined();
    expect(second.body.meta).toMatchObject({ currentPage: 2, prevPage: 1 });
    const firstIds = first.body.opportunities.map((o: { id: string }) => o.id);
    expect(second.body.opportunities.map((o: { id: string }) => o.id).some((id: string) => firstIds.includes(id))).toBe(false);
  });

  it('filters by status, pipeline, stage, contact and id, and sees writes at once', async () => {
    const target = ofA().find((o) => o.status === 'won')!;
    const byStatus = await search({ status: 'won', limit: 100 });
    expect(byStatus.body.opportunities.every((o: { status: string }) => o.status === 'won')).toBe(true);
    expect(byStatus.body.meta.total).toBe(ofA().filter((o) => o.status === 'won').length);
    const exact = await search({ pipeline_id: target.pipelineId, pipeline_stage_id: target.pipelineStageId, contact_id: target.contactId, id: target.id });
    expect(exact.body.opportunities.map((o: { id: string }) => o.id)).toEqual([target.id]);
    const renamed = await call(sim, 'PUT', `/opportunities/${target.id}`, { body: { name: 'Zebra crossing deal' } });
    expect(renamed.status).toBe(200);
    expect((await search({ q: 'zebra crossing' })).body.opportunities.map((o: { id: string }) => o.id)).toEqual([target.id]);
    await call(sim, 'DELETE', `/opportunities/${target.id}`);
    expect((await search({ id: target.id })).body.meta.total).toBe(0);
  });

  it('adds the contact\'s notes, tasks and events only when asked', async () => {
    const plain = await search({ limit: 3 });
    expect(plain.body.opportunities[0].notes).toBeUndefined();
    const rich = await search({ limit: 3, getNotes: true, getTasks: true, getCalendarEvents: true });
    for (const key of ['notes', 'tasks', 'calendarEvents']) expect(Array.isArray(rich.body.opportunities[0][key]), key).toBe(true);
  });

  it('refuses bad paging, orders and dates with 422, and another location with 403', async () => {
    expect((await search({ limit: 101 })).status).toBe(422);
    expect((await search({ order: 'name_asc' })).body.message).toEqual(['order must be one of the following values: added_desc, added_asc']);
    expect((await search({ date: '2024-01-31' })).body.message).toEqual(['date must be a date in mm-dd-yyyy format']);
    expect((await call(sim, 'GET', '/opportunities/search', { query: {} })).status).toBe(422);
    expect((await search({}, b.token)).status).toBe(403);
  });

  it('limits by the day range date..endDate (UTC days, both included)', async () => {
    const sorted = [...ofA()].sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt));
    const day = new Date(sorted[Math.floor(sorted.length / 2)]!.createdAt);
    const mmddyyyy = `${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}-${day.getUTCFullYear()}`;
    const res = await search({ date: mmddyyyy, endDate: mmddyyyy, limit: 100 });
    expect(res.body.meta.total).toBeGreaterThan(0);
    expect(res.body.opportunities).toHaveLength(res.body.meta.total);
    for (const o of res.body.opportunities as { createdAt: string }[]) expect(o.createdAt.slice(0, 10)).toBe(day.toISOString().slice(0, 10));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/simulator/openapi.js';
import { servedOperations, startSimulator, type SeededLocation, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';
import { allSamples } from './samples/index.js';
import type { SampleEnv } from './samples/types.js';

/**
 * One real success call per served operation, checked against the spec's response schema. The
 * list of operations comes from the simulator's route table, so a new handler without a sample
 * here fails the coverage test.
 */

let sim: Simulator;
let loc: SeededLocation;

beforeAll(async () => {
  // One call per operation adds up past GHL's 100 per 10 s: the budget is not what this test checks.
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 60 }, rateLimit: { burstMax: 100_000 } });
  loc = sim.locations[0]!;
});
afterAll(async () => {
  await sim.stop();
});

const env = (): SampleEnv => ({ sim, loc });
const samples = allSamples(env);
let fresh = 0;
const newContact = async (): Promise<string> => {
  const res = await call(sim, 'POST', '/contacts/', { body: { locationId: loc.id, firstName: 'Envelope', lastName: `Contact${++fresh}`, email: `envelope${fresh}@example.com` } });
  expect(res.status).toBe(201);
  return res.body.contact.id;
};

describe('contract: every served operation answers as the spec says', () => {
  it('has a success sample for every served operation, and none for unserved ones', () => {
    expect(Object.keys(samples).sort()).toEqual(servedOperations());
  });

  it('serves at least the 27 distinct Contacts-category operations, the business reads and the three OAuth endpoints', () => {
    expect(servedOperations().length).toBeGreaterThanOrEqual(27 + 2 + 3);
  });

  for (const key of servedOperations()) {
    it(`${key} → 2xx conforming to its response schema`, async () => {
      const sample = samples[key];
      if (!sample) throw new Error(`No success sample for ${key}: add one to test/simulator/samples/<domain>.ts`);
      const before = sim.requests.length;
      const res = await sample();
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      const last = sim.requests.at(-1)!;
      expect(sim.requests.length).toBeGreaterThan(before);
      expect(`${last.method} ${last.route}`).toBe(key);
      const [method, template] = key.split(' ') as [string, string];
      expect(validateResponse(method, template, res.status, res.body)).toEqual([]);
    });
  }

  it('sends the spec envelopes, misspellings included', async () => {
    const c = await call(sim, 'DELETE', `/contacts/${await newContact()}`);
    expect(c.body).toEqual({ succeded: true });
    const b = await call(sim, 'POST', '/businesses/', { body: { name: 'Envelope Co', locationId: loc.id } });
    expect(b.status).toBe(201);
    expect(Object.keys(b.body).sort()).toEqual(['buiseness', 'success']);
  });
});

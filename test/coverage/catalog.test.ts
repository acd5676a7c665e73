import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOperation } from '../../src/simulator/openapi.js';
import { startStack, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';
import { cases as associations } from './associations.js';
import { cases as blogs } from './blogs.js';
import { cases as calendars } from './calendars.js';
import { cases as contacts } from './contacts.js';
import { cases as conversations } from './conversations.js';
import { cases as locations } from './locations.js';
import { cases as opportunities } from './opportunities.js';
import { cases as users } from './users.js';
import { cases as workflowsCampaigns } from './workflows-campaigns.js';

/**
 * Walks operations.json: every catalog operation must be reached through GraphQL, against the
 * simulator, with a 2xx answer in the simulator's request log, and no call may break the spec
 * (the simulator answers 422 to any request that does not validate, and 500 to its own drift).
 */
const catalog = JSON.parse(readFileSync(new URL('../../src/ghl/openapi/operations.json', import.meta.url), 'utf8')) as { method: string; path: string; operationId: string }[];
const allCases: CoverageCase[] = [...contacts, ...calendars, ...opportunities, ...users, ...conversations, ...workflowsCampaigns, ...locations, ...associations, ...blogs];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const normalize = (path: string) => path.replace(/\/+$/, '');


describe('catalog coverage', () => {
  for (const c of allCases) {
    it(`case: ${c.name}`, async () => {
      const before = stack.simulator.requests.length;
      await c.run(stack);
      const mine = stack.simulator.requests.slice(before);
      for (const op of c.operations) {
        const [method, path] = op.split(' ') as [string, string];
        const hit = mine.some((r) => r.method === method && r.route !== null && normalize(r.route) === normalize(path) && r.status >= 200 && r.status < 300);
        expect(hit, `${c.name} should reach ${op} with a 2xx`).toBe(true);
      }
    });
  }

  it('reaches every operation of operations.json with a 2xx, and every call conforms to the spec', () => {
    const log = stack.simulator.requests;
    const reached = catalog.filter((op) =>
      log.some((r) => r.method === op.method && r.route !== null && normalize(r.route) === normalize(op.path) && r.status >= 200 && r.status < 300),
    );
    const missing = catalog.filter((op) => !reached.includes(op)).map((op) => `${op.method} ${op.path} (${op.operationId})`);
    console.log(`catalog coverage: ${reached.length}/${catalog.length}`);
    const nonConforming = log.filter((r) => r.status === 422 || r.status === 500).map((r) => `${r.method} ${r.path} → ${r.status}`);
    expect(nonConforming).toEqual([]);
    expect(missing).toEqual([]);
    expect(reached).toHaveLength(124);
  });

  it('sent each spec\'s own Version on every call, against a strict simulator', () => {
    expect(stack.simulator.strictVersions).toBe(true);
    const withVersion = stack.simulator.requests.filter((r) => r.route !== null && getOperation(`${r.method} ${r.route}`).versions !== null);
    const wrong = withVersion.filter((r) => !getOperation(`${r.method} ${r.route}`).versions!.includes(r.version ?? '')).map((r) => `${r.method} ${r.route} sent ${r.version}`);
    expect(withVersion.length).toBeGreaterThan(124);
    expect(wrong).toEqual([]);
  });
});

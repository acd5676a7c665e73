import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opportunitiesState } from '../../src/simulator/domains/opportunities-state.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';
import { WIDE_COST_CEILINGS } from '../helpers/cost.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: WIDE_COST_CEILINGS });
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const loc = () => stack.simulator.locations[0]!;
const state = () => opportunitiesState(stack.simulator.store);
const pipelines = () => state().pipelinesOf(loc().id);
const calls = () => countByRoute(stack.upstream());

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: OpportunityFilterInput, $sort: OpportunitySort) {
    opportunities(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { id name status monetaryValue pipelineId stageId contactId contact { id name } pipeline { id name } stage { id name pipelineId } }
    }
  }
`;
type Node = { id: string; name: string; status: string; monetaryValue: number; pipelineId: string; stageId: string; contactId: string; contact: { id: string } | null; pipeline: { id: string } | null; stage: { id: string; pipelineId: string } | null };
type ListData = { opportunities: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; nodes: Node[] } };

describe('the Opportunity graph', () => {
  it('lists 20 opportunities with contact, pipeline and stage: 1 search, 1 pipeline list, 1 GET per distinct contact', async () => {
    const { opportunities } = expectNoErrors(await stack.execute<ListData>(LIST, { first: 20 }));
    expect(opportunities.nodes).toHaveLength(20);
    for (const n of opportunities.nodes) {
      expect(n.contact?.id).toBe(n.contactId);
      expect(n.pipeline?.id).toBe(n.pipelineId);
      expect(n.stage).toMatchObject({ id: n.stageId, pipelineId: n.pipelineId });
    }
    const distinctContacts = new Set(opportunities.nodes.map((n) => n.contactId));
    expect(calls()).toEqual({ 'POST /opportunities/search': 1, 'GET /opportunities/pipelines': 1, 'GET /contacts/{contactId}': distinctContacts.size });
    expect(opportunities.totalCount).toBe(state().listOf(loc().id).length);

    stack.resetLog();
    expectNoErrors(await stack.execute<ListData>(LIST, { first: 20 }));
    expect(stack.upstream()).toHaveLength(0);
  });

  it('pages without overlap through searchAfter, in the requested order', async () => {
    const seen: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: ListData = expectNoErrors(await stack.execute<ListData>(LIST, { first: 15, after, sort: 'MONETARY_VALUE_DESC' }));
      seen.push(...res.opportunities.nodes);
      expect(res.opportunities.pageInfo.hasPreviousPage).toBe(page > 0);
      after = res.opportunities.pageInfo.endCursor;
    }
    expect(new Set(seen.map((n) => n.id)).size).toBe(45);
    const values = seen.map((n) => n.monetaryValue);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(calls()['POST /opportunities/search']).toBe(3);

    const stale = await stack.execute(LIST, { first: 15, after, sort: 'CREATED_AT_ASC' });
    expect(stale.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('filters by pipeline, stage and status as GHL does', async () => {
    const pipeline = pipelines()[0]!;
    const stage = pipeline.stages[1]!;
    const res = expectNoErrors(await stack.execute<ListData>(LIST, { first: 100, filter: { pipelineId: pipeline.id, stageId: stage.id, status: 'OPEN' } }));
    const expected = state().listOf(loc().id).filter((o) => o.pipelineId === pipeline.id && o.pipelineStageId === stage.id && o.status === 'open');
    expect(res.opportunities.totalCount).toBe(expected.length);
    expect(new Set(res.opportunities.nodes.map((n) => n.id))).toEqual(new Set(expected.map((o) => o.id)));
  });

  it('resolves Contact.opportunities for a page of contacts in one search', async () => {
    const q = `{ contacts(first: 25) { nodes { id opportunities { id contactId stage { name } } } } }`;
    const data = expectNoErrors(await stack.execute<{ contacts: { nodes: { id: string; opportunities: { id: string; contactId: string }[] }[] } }>(q));
    for (const c of data.contacts.nodes) {
      expect(new Set(c.opportunities.map((o) => o.id))).toEqual(new Set(state().listOf(loc().id).filter((o) => o.contactId === c.id).map((o) => o.id)));
    }
    expect(data.contacts.nodes.some((c) => c.opportunities.length > 0)).toBe(true);
    const counts = calls();
    expect(counts['POST /contacts/search']).toBe(1);
    expect(counts['POST /opportunities/search']).toBe(1);
    expect(counts['GET /opportunities/pipelines'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('lists pipelines with stages, and a stage lists its opportunities', async () => {
    const q = `{ pipelines { totalCount nodes { id name stages { id name position opportunities(first: 3) { totalCount nodes { stageId } } } } } }`;
    type Data = { pipelines: { totalCount: number; nodes: { id: string; stages: { id: string; position: number; opportunities: { totalCount: number; nodes: { stageId: string }[] } }[] }[] } };
    const { pipelines: got } = expectNoErrors(await stack.execute<Data>(q));
    expect(got.nodes.map((p) => p.id)).toEqual(pipelines().map((p) => p.id));
    const stage = got.nodes[0]!.stages[0]!;
    expect(stage.opportunities.totalCount).toBe(state().listOf(loc().id).filter((o) => o.pipelineStageId === stage.id).length);
    expect(got.nodes.flatMap((p) => p.stages.flatMap((s) => s.opportunities.nodes.map((n) => n.stageId === s.id))).every(Boolean)).toBe(true);
    // One pipeline list for the whole query; one search per stage (each is its own connection).
    const stageCount = pipelines().reduce((n, p) => n + p.stages.length, 0);
    const { 'GET /opportunities/pipelines': pipelineReads = 0, ...others } = calls();
    expect(pipelineReads).toBeLessThanOrEqual(1);
    expect(others).toEqual({ 'POST /opportunities/search': stageCount });

    stack.resetLog();
    const one = expectNoErrors(await stack.execute<{ pipeline: { name: string; stages: { pipeline: { id: string } }[] } }>(`query($id: ID!) { pipeline(id: $id) { name stages { pipeline { id } } } }`, { id: pipelines()[1]!.id }));
    expect(one.pipeline.name).toBe(pipelines()[1]!.name);
    expect(one.pipeline.stages.every((s) => s.pipeline.id === pipelines()[1]!.id)).toBe(true);
    const unknown = await stack.execute(`{ pipeline(id: "nopipeline0000000000") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // Served from the pipeline list cached by the query above.
    expect(stack.upstream()).toHaveLength(0);
  });

  it('reports an opportunity of another location as FORBIDDEN and an unknown one as NOT_FOUND', async () => {
    const foreign = state().listOf(stack.simulator.locations[1]!.id)[0]!;
    const res = await stack.execute(`query($id: ID!) { opportunity(id: $id) { id } }`, { id: foreign.id });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const missing = await stack.execute(`{ opportunity(id: "nope0000000000000000") { id } }`);
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

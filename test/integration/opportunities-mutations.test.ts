import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opportunitiesState } from '../../src/simulator/domains/opportunities-state.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // Warm the pipeline list (the placement check reads it), so every step below counts only its own calls.
  expectNoErrors(await stack.execute(`{ pipelines { nodes { id } } }`));
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const loc = () => stack.simulator.locations[0]!;
const state = () => opportunitiesState(stack.simulator.store);
const sales = () => state().pipelinesOf(loc().id)[0]!;
const users = () => stack.simulator.store.locations.get(loc().id)!.userIds;
const calls = () => countByRoute(stack.upstream());

type UserErrors = { code: string; field: string[] | null; message: string }[];
type Opp = { id: string; name: string; status: string; monetaryValue: number; stage: { id: string; name: string }; followers: string[]; lastStageChangeAt: string; lastStatusChangeAt: string };

const OPP = 'id name status monetaryValue followers lastStageChangeAt lastStatusChangeAt stage { id name }';
const m = (name: string, type: string, select: string) => `mutation($input: ${type}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`;
const CREATE = m('opportunityCreate', 'OpportunityCreateInput', `opportunity { ${OPP} }`);

async function newContact(firstName: string): Promise<string> {
  const res = expectNoErrors(await stack.execute<{ contactCreate: { contact: { id: string } } }>(m('contactCreate', 'ContactCreateInput', 'contact { id }'), { input: { firstName } }));
  return res.contactCreate.contact.id;
}

describe('opportunity mutations', () => {
  it('creates, moves, wins, follows and deletes an opportunity, each step visible through the graph', async () => {
    const contactId = await newContact('Flow');
    const pipeline = sales();
    stack.resetLog();

    // Create: lands in the pipeline's first stage.
    const created = expectNoErrors(await stack.execute<{ opportunityCreate: { opportunity: Opp; userErrors: UserErrors } }>(CREATE, { input: { contactId, pipelineId: pipeline.id, name: 'Flow deal', monetaryValue: 1500 } }));
    const opp = created.opportunityCreate.opportunity;
    expect(created.opportunityCreate.userErrors).toEqual([]);
    expect(opp).toMatchObject({ name: 'Flow deal', status: 'OPEN', monetaryValue: 1500, stage: { id: pipeline.stages[0]!.id } });
    expect(calls()).toEqual({ 'POST /opportunities/': 1 });
    expect(stack.upstream()[0]!.status).toBe(201);
    expect(state().get(opp.id)).toMatchObject({ contactId, pipelineId: pipeline.id, status: 'open' });

    // Move to the third stage: one PUT, the stage's time moves.
    stack.resetLog();
    const target = pipeline.stages[2]!;
    const moved = expectNoErrors(await stack.execute<{ opportunityStageUpdate: { opportunity: Opp; userErrors: UserErrors } }>(m('opportunityStageUpdate', 'OpportunityStageUpdateInput', `opportunity { ${OPP} }`), { input: { id: opp.id, stageId: target.id } }));
    expect(moved.opportunityStageUpdate).toMatchObject({ userErrors: [], opportunity: { stage: { id: target.id, name: target.name } } });
    expect(moved.opportunityStageUpdate.opportunity.lastStageChangeAt >= opp.lastStageChangeAt).toBe(true);
    expect(calls()).toEqual({ 'PUT /opportunities/{id}': 1 });
    expect(state().get(opp.id)?.pipelineStageId).toBe(target.id);

    // Won: GHL answers `succeded` only, so the opportunity is read back once because it is selected.
    stack.resetLog();
    const won = expectNoErrors(await stack.execute<{ opportunityStatusUpdate: { opportunity: Opp; userErrors: UserErrors } }>(m('opportunityStatusUpdate', 'OpportunityStatusUpdateInput', `opportunity { ${OPP} }`), { input: { id: opp.id, status: 'WON' } }));
    expect(won.opportunityStatusUpdate).toMatchObject({ userErrors: [], opportunity: { id: opp.id, status: 'WON' } });
    expect(calls()).toEqual({ 'PUT /opportunities/{id}/status': 1, 'GET /opportunities/{id}': 1 });
    expect(state().get(opp.id)?.status).toBe('won');

    // Followers: add two, remove one.
    stack.resetLog();
    const [u1, u2] = users() as [string, string];
    const added = expectNoErrors(
      await stack.execute<{ opportunityFollowersAdd: { followersAdded: string[]; opportunity: Opp; userErrors: UserErrors } }>(m('opportunityFollowersAdd', 'OpportunityFollowersAddInput', `followersAdded opportunity { followers }`), { input: { id: opp.id, followers: [u1, u2] } }),
    );
    expect(added.opportunityFollowersAdd).toMatchObject({ userErrors: [], followersAdded: [u1, u2], opportunity: { followers: [u1, u2] } });
    expect(calls()).toEqual({ 'POST /opportunities/{id}/followers': 1, 'GET /opportunities/{id}': 1 });
    stack.resetLog();
    const removed = expectNoErrors(
      await stack.execute<{ opportunityFollowersRemove: { followersRemoved: string[]; opportunity: Opp } }>(m('opportunityFollowersRemove', 'OpportunityFollowersRemoveInput', `followersRemoved opportunity { followers }`), { input: { id: opp.id, followers: [u1] } }),
    );
    expect(removed.opportunityFollowersRemove).toMatchObject({ followersRemoved: [u1], opportunity: { followers: [u2] } });
    expect(calls()).toEqual({ 'DELETE /opportunities/{id}/followers': 1, 'GET /opportunities/{id}': 1 });

    // Read back through the graph: opportunity → contact, pipeline, stage; contact → opportunities.
    stack.resetLog();
    const READ = `query($id: ID!) { opportunity(id: $id) { id status followers pipeline { id name } stage { id pipeline { id } } contact { id firstName opportunities { id status stage { id } } } } }`;
    type Read = { opportunity: { status: string; followers: string[]; pipeline: { id: string }; stage: { id: string; pipeline: { id: string } }; contact: { id: string; firstName: string; opportunities: { id: string; status: string; stage: { id: string } }[] } } };
    const read = expectNoErrors(await stack.execute<Read>(READ, { id: opp.id }));
    expect(read.opportunity).toMatchObject({ status: 'WON', followers: [u2], pipeline: { id: pipeline.id }, stage: { id: target.id, pipeline: { id: pipeline.id } }, contact: { id: contactId, firstName: 'Flow' } });
    expect(read.opportunity.contact.opportunities).toEqual([{ id: opp.id, status: 'WON', stage: { id: target.id } }]);
    // The opportunity itself is in the TTL cache since the followers step read it after invalidating.
    expect(calls()).toEqual({ 'GET /contacts/{contactId}': 1, 'POST /opportunities/search': 1 });

    // Delete: gone from GHL, from the graph and from the contact's list.
    stack.resetLog();
    const del = expectNoErrors(await stack.execute(m('opportunityDelete', 'OpportunityDeleteInput', 'deletedOpportunityId'), { input: { id: opp.id } }));
    expect(del).toEqual({ opportunityDelete: { deletedOpportunityId: opp.id, userErrors: [] } });
    expect(calls()).toEqual({ 'DELETE /opportunities/{id}': 1 });
    expect(state().get(opp.id)).toBeUndefined();
    const after = await stack.execute(`query($id: ID!) { opportunity(id: $id) { id } }`, { id: opp.id });
    expect(after.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const contact = expectNoErrors(await stack.execute<{ contact: { opportunities: unknown[] } }>(`query($id: ID!) { contact(id: $id) { opportunities { id } } }`, { id: contactId }));
    expect(contact.contact.opportunities).toEqual([]);
  });

  it('refuses bad input with field paths and calls nothing', async () => {
    const contactId = stack.simulator.store.listContacts(loc().id)[0]!.id;
    const pipeline = sales();
    stack.resetLog();
    const bad = expectNoErrors(await stack.execute<{ opportunityCreate: { opportunity: null; userErrors: UserErrors } }>(CREATE, { input: { contactId, pipelineId: pipeline.id, name: '  ', monetaryValue: -5 } }));
    expect(bad.opportunityCreate.userErrors).toEqual([expect.objectContaining({ code: 'BLANK', field: ['input', 'name'] }), expect.objectContaining({ code: 'INVALID', field: ['input', 'monetaryValue'] })]);

    const otherStage = state().pipelinesOf(loc().id)[1]!.stages[0]!.id;
    const wrongStage = expectNoErrors(await stack.execute<{ opportunityCreate: { userErrors: UserErrors } }>(CREATE, { input: { contactId, pipelineId: pipeline.id, stageId: otherStage, name: 'X' } }));
    expect(wrongStage.opportunityCreate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'stageId'] })]);
    const noPipeline = expectNoErrors(await stack.execute<{ opportunityCreate: { userErrors: UserErrors } }>(CREATE, { input: { contactId, pipelineId: 'nopipeline0000000000', name: 'X' } }));
    expect(noPipeline.opportunityCreate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'pipelineId'] })]);

    const unfollow = expectNoErrors(await stack.execute<{ opportunityFollowersRemove: { userErrors: UserErrors } }>(m('opportunityFollowersRemove', 'OpportunityFollowersRemoveInput', 'followersRemoved'), { input: { id: 'x' } }));
    expect(unfollow.opportunityFollowersRemove.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'followers'] })]);
    const upsert = expectNoErrors(await stack.execute<{ opportunityUpsert: { userErrors: UserErrors } }>(m('opportunityUpsert', 'OpportunityUpsertInput', 'created'), { input: { pipelineId: pipeline.id, name: 'X' } }));
    expect(upsert.opportunityUpsert.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'id'] })]);
    expect(stack.upstream()).toHaveLength(0);
  });

  it("turns GHL's refusal of a second opportunity for the contact in the pipeline into a user error", async () => {
    const existing = state().listOf(loc().id)[0]!;
    stack.resetLog();
    const res = expectNoErrors(await stack.execute<{ opportunityCreate: { opportunity: null; userErrors: UserErrors } }>(CREATE, { input: { contactId: existing.contactId, pipelineId: existing.pipelineId, name: 'Again' } }));
    expect(res.opportunityCreate.opportunity).toBeNull();
    expect(res.opportunityCreate.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN' })]);
    expect(calls()).toEqual({ 'POST /opportunities/': 1 });
  });

  it('upserts: creates for a contact without one in the pipeline, then updates the same opportunity', async () => {
    const contactId = await newContact('Upsert');
    const pipeline = sales();
    const UPSERT = m('opportunityUpsert', 'OpportunityUpsertInput', 'created opportunity { id name monetaryValue status }');
    type Res = { opportunityUpsert: { created: boolean; opportunity: { id: string; name: string; monetaryValue: number; status: string }; userErrors: UserErrors } };
    stack.resetLog();
    const first = expectNoErrors(await stack.execute<Res>(UPSERT, { input: { contactId, pipelineId: pipeline.id, name: 'Upserted', monetaryValue: 10 } }));
    expect(first.opportunityUpsert).toMatchObject({ created: true, userErrors: [], opportunity: { name: 'Upserted', monetaryValue: 10, status: 'OPEN' } });
    const second = expectNoErrors(await stack.execute<Res>(UPSERT, { input: { contactId, pipelineId: pipeline.id, monetaryValue: 20, status: 'LOST' } }));
    expect(second.opportunityUpsert).toMatchObject({ created: false, opportunity: { id: first.opportunityUpsert.opportunity.id, name: 'Upserted', monetaryValue: 20, status: 'LOST' } });
    expect(calls()).toEqual({ 'POST /opportunities/upsert': 2 });
  });

  it("deleting a contact deletes its opportunities, as GHL does", async () => {
    const contactId = await newContact('Doomed');
    const created = expectNoErrors(await stack.execute<{ opportunityCreate: { opportunity: Opp } }>(CREATE, { input: { contactId, pipelineId: sales().id, name: 'Doomed deal' } }));
    expectNoErrors(await stack.execute(m('contactDelete', 'ContactDeleteInput', 'deletedContactId'), { input: { id: contactId } }));
    const read = await stack.execute(`query($id: ID!) { opportunity(id: $id) { id } }`, { id: created.opportunityCreate.opportunity.id });
    expect(read.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(state().listOf(loc().id).some((o) => o.contactId === contactId)).toBe(false);
  });

  it('updates fields and moves to another pipeline, landing in its first stage', async () => {
    const contactId = await newContact('Mover');
    const [p0, p1] = state().pipelinesOf(loc().id) as [ReturnType<typeof sales>, ReturnType<typeof sales>];
    const created = expectNoErrors(await stack.execute<{ opportunityCreate: { opportunity: Opp } }>(CREATE, { input: { contactId, pipelineId: p0.id, name: 'Mover deal' } }));
    stack.resetLog();
    const UPDATE = m('opportunityUpdate', 'OpportunityUpdateInput', 'opportunity { id name monetaryValue pipeline { id } stage { id } customFields { id value values } }');
    const res = expectNoErrors(
      await stack.execute<{ opportunityUpdate: { opportunity: { name: string; pipeline: { id: string }; stage: { id: string }; customFields: unknown[] }; userErrors: UserErrors } }>(UPDATE, {
        input: { id: created.opportunityCreate.opportunity.id, pipelineId: p1.id, name: 'Moved deal', monetaryValue: 42.5, customFields: [{ id: 'budget', values: ['a', 'b'] }] },
      }),
    );
    expect(res.opportunityUpdate).toMatchObject({ userErrors: [], opportunity: { name: 'Moved deal', monetaryValue: 42.5, pipeline: { id: p1.id }, stage: { id: p1.stages[0]!.id }, customFields: [{ id: 'budget', value: 'a, b', values: ['a', 'b'] }] } });
    expect(calls()).toEqual({ 'PUT /opportunities/{id}': 1 });
  });
});

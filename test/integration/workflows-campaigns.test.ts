import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignsState } from '../../src/simulator/domains/campaigns-state.js';
import { workflowsState } from '../../src/simulator/domains/workflows-state.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/** Workflows and campaigns: the lists (whole in GHL, paged by the gateway) and enrolment, with GHL's refusals. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const ERRORS = 'userErrors { code field message }';
type UserErrors = { code: string; field: string[] | null }[];
const calls = () => countByRoute(stack.upstream());
const loc = () => stack.simulator.locations[0]!;
const other = () => stack.simulator.locations[1]!;
const contactId = () => stack.simulator.store.listContacts(loc().id)[0]!.id;

describe('workflows', () => {
  it('pages the whole list from one GHL call, without overlap', async () => {
    const LIST = `query($after: String) { workflows(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name status version createdAt locationId } } }`;
    type Page = { workflows: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; status: string; locationId: string }[] } };
    const expected = workflowsState(stack.simulator.store).list(loc().id);
    const seen: Page['workflows']['nodes'] = [];
    let after: string | null = null;
    for (;;) {
      const data: Page = expectNoErrors(await stack.execute<Page>(LIST, { after }));
      expect(data.workflows.totalCount).toBe(expected.length);
      seen.push(...data.workflows.nodes);
      if (!data.workflows.pageInfo.hasNextPage) break;
      after = data.workflows.pageInfo.endCursor;
    }
    expect(seen.map((w) => w.id)).toEqual(expected.map((w) => w.id));
    expect(seen.map((w) => w.status)).toEqual(expected.map((w) => w.status.toUpperCase()));
    expect(seen.every((w) => w.locationId === loc().id)).toBe(true);
    // The list is cached for the location: later pages cost no further call.
    expect(calls()).toEqual({ 'GET /workflows/': 1 });
  });

  it('refuses an unknown workflow (NOT_FOUND on workflowId) and another location\'s (FORBIDDEN)', async () => {
    const ADD = `mutation($input: ContactWorkflowAddInput!) { contactWorkflowAdd(input: $input) { contact { id } ${ERRORS} } }`;
    const unknown = expectNoErrors(
      await stack.execute<{ contactWorkflowAdd: { contact: null; userErrors: UserErrors } }>(ADD, { input: { contactId: contactId(), workflowId: '00000000-0000-4000-8000-000000000000' } }),
    );
    expect(unknown.contactWorkflowAdd).toEqual({ contact: null, userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'workflowId'] })] });
    const foreign = workflowsState(stack.simulator.store).list(other().id)[0]!;
    const res = await stack.execute(ADD, { input: { contactId: contactId(), workflowId: foreign.id } });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(stack.simulator.store.getContact(contactId())?.workflows).toEqual([]);
  });
});

describe('campaigns', () => {
  const LIST = `query($status: CampaignStatus) { campaigns(status: $status) { totalCount nodes { id name status } } }`;
  type List = { campaigns: { totalCount: number; nodes: { id: string; status: string }[] } };

  it('lists all campaigns, or those of one status (GHL filters)', async () => {
    const all = campaignsState(stack.simulator.store).list(loc().id);
    const everything = expectNoErrors(await stack.execute<List>(LIST));
    expect(everything.campaigns.nodes.map((c) => c.id)).toEqual(all.map((c) => c.id));
    const drafts = expectNoErrors(await stack.execute<List>(LIST, { status: 'DRAFT' }));
    expect(drafts.campaigns.nodes.map((c) => c.id)).toEqual(all.filter((c) => c.status === 'draft').map((c) => c.id));
    expect(drafts.campaigns.nodes.every((c) => c.status === 'DRAFT')).toBe(true);
    expect(calls()).toEqual({ 'GET /campaigns/': 2 });
    expect(stack.upstream().map((r) => r.query['status'] ?? null)).toEqual([null, 'draft']);
  });

  it('enrols a contact in two campaigns and takes it out of all of them with the literal removeAll route', async () => {
    const [a, b] = campaignsState(stack.simulator.store).list(loc().id);
    const id = stack.simulator.store.listContacts(loc().id)[1]!.id;
    const ADD = `mutation($input: ContactCampaignAddInput!) { contactCampaignAdd(input: $input) { campaign { id name } ${ERRORS} } }`;
    for (const c of [a!, b!]) {
      const res = expectNoErrors(await stack.execute<{ contactCampaignAdd: { campaign: { id: string }; userErrors: UserErrors } }>(ADD, { input: { contactId: id, campaignId: c.id } }));
      expect(res.contactCampaignAdd).toEqual({ campaign: { id: c.id, name: c.name }, userErrors: [] });
    }
    expect(stack.simulator.store.getContact(id)?.campaigns).toEqual([a!.id, b!.id]);
    stack.resetLog();
    const all = expectNoErrors(
      await stack.execute(`mutation($input: ContactCampaignsRemoveAllInput!) { contactCampaignsRemoveAll(input: $input) { contact { id } ${ERRORS} } }`, { input: { contactId: id } }),
    );
    expect(all).toEqual({ contactCampaignsRemoveAll: { contact: { id }, userErrors: [] } });
    expect(stack.simulator.store.getContact(id)?.campaigns).toEqual([]);
    expect(stack.upstream()[0]).toMatchObject({ method: 'DELETE', route: '/contacts/{contactId}/campaigns/removeAll', path: `/contacts/${id}/campaigns/removeAll` });
  });

  it('reports an unknown campaign on campaignId', async () => {
    const res = expectNoErrors(
      await stack.execute<{ contactCampaignRemove: { userErrors: UserErrors } }>(`mutation($input: ContactCampaignRemoveInput!) { contactCampaignRemove(input: $input) { ${ERRORS} } }`, {
        input: { contactId: contactId(), campaignId: 'noSuchCampaign000000' },
      }),
    );
    expect(res.contactCampaignRemove.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'campaignId'] })]);
  });
});

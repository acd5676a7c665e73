import { opportunitiesState } from '../../../src/simulator/domains/opportunities-state.js';
import { call } from '../helpers.js';
import type { DomainSamples, SampleEnv } from './types.js';

/** Success samples for the opportunities operations the simulator serves. */
export const opportunitiesSamples: DomainSamples = (env) => {
  const state = () => opportunitiesState(env().sim.store);
  const pipelines = () => state().pipelinesOf(env().loc.id);
  const someOpportunity = () => state().listOf(env().loc.id)[0]!;
  /**
   * A fresh contact, so an opportunity for it never meets the one-per-pipeline rule. Set-up data
   * goes straight into the store: only the sampled call itself goes over HTTP (and rate budget).
   */
  const freshContact = async ({ sim, loc }: SampleEnv, tag: string): Promise<string> => sim.store.createContact(loc.id, { firstName: 'Deal', lastName: tag }).id;
  const freshOpportunity = async (tag: string): Promise<string> => {
    const { loc } = env();
    const pipeline = pipelines()[0]!;
    const contactId = await freshContact(env(), tag);
    return state().create({ locationId: loc.id, contactId, name: `Sample ${tag}`, pipelineId: pipeline.id, pipelineStageId: pipeline.stages[0]!.id, status: 'open' }).id;
  };

  return {
    'GET /opportunities/search': () => {
      const { sim, loc } = env();
      return call(sim, 'GET', '/opportunities/search', { query: { location_id: loc.id, status: 'open', limit: 3, order: 'added_asc', getNotes: true, getTasks: true, getCalendarEvents: true } });
    },
    'POST /opportunities/search': () => {
      const { sim, loc } = env();
      return call(sim, 'POST', '/opportunities/search', {
        body: {
          locationId: loc.id,
          query: '',
          limit: 5,
          page: 1,
          searchAfter: [],
          additionalDetails: { notes: true, tasks: true, calendarEvents: true, unReadConversations: false },
          filters: [{ field: 'status', operator: 'eq', value: 'open' }, { group: 'OR', filters: pipelines().map((p) => ({ field: 'pipeline_id', operator: 'eq', value: p.id })) }],
          sort: [{ field: 'monetary_value', direction: 'desc' }],
        },
      });
    },
    'GET /opportunities/pipelines': () => call(env().sim, 'GET', '/opportunities/pipelines', { query: { locationId: env().loc.id } }),
    'GET /opportunities/{id}': () => call(env().sim, 'GET', `/opportunities/${someOpportunity().id}`),
    'POST /opportunities/': async () => {
      const { sim, loc } = env();
      const pipeline = pipelines()[1]!;
      return call(sim, 'POST', '/opportunities/', {
        body: { locationId: loc.id, pipelineId: pipeline.id, pipelineStageId: pipeline.stages[1]!.id, name: 'New deal', status: 'open', contactId: await freshContact(env(), 'create'), monetaryValue: 1200, customFields: [{ id: 'cf-budget', field_value: 'high' }] },
      });
    },
    'PUT /opportunities/{id}': async () => {
      const id = await freshOpportunity('update');
      const stage = pipelines()[0]!.stages[2]!;
      return call(env().sim, 'PUT', `/opportunities/${id}`, { body: { pipelineStageId: stage.id, monetaryValue: 900, name: 'Renamed deal' } });
    },
    'DELETE /opportunities/{id}': async () => call(env().sim, 'DELETE', `/opportunities/${await freshOpportunity('delete')}`),
    'PUT /opportunities/{id}/status': async () => call(env().sim, 'PUT', `/opportunities/${await freshOpportunity('status')}/status`, { body: { status: 'won' } }),
    'POST /opportunities/upsert': async () => {
      const { sim, loc } = env();
      return call(sim, 'POST', '/opportunities/upsert', {
        body: { locationId: loc.id, pipelineId: pipelines()[0]!.id, contactId: await freshContact(env(), 'upsert'), name: 'Upserted deal', status: 'open', monetaryValue: 300, followers: [], isRemoveAllFollowers: false, followersActionType: 'add' },
      });
    },
    'POST /opportunities/{id}/followers': async () => call(env().sim, 'POST', `/opportunities/${await freshOpportunity('follow')}/followers`, { body: { followers: [env().sim.store.locations.get(env().loc.id)!.userIds[0]!] } }),
    'DELETE /opportunities/{id}/followers': async () => {
      const id = await freshOpportunity('unfollow');
      state().update(id, { followers: ['userA0000000000000001'] });
      return call(env().sim, 'DELETE', `/opportunities/${id}/followers`, { body: { followers: ['userA0000000000000001'] } });
    },
  };
};

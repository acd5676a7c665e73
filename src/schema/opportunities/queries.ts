import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { sliceConnection } from '../shared/offset-connection.js';
import { pageArgs } from '../shared/pagination.js';
import { eqFilters, OPPORTUNITY_PAGE, opportunityPage, SORTS, type SortName } from './page.js';
import { findPipeline, locationPipelines } from './pipelines.js';
import { Opportunity, OpportunityConnection, OpportunityStatus, Pipeline, PipelineConnection } from './types.js';

/** Pipelines come whole from GHL; the connection pages over them. */
const PIPELINE_PAGE = { defaultSize: 50, maxSize: 100 };

export const OpportunitySort = builder.enumType('OpportunitySort', {
  description: 'Orders for lists of opportunities. Ties are broken by id, so paging is stable.',
  values: Object.fromEntries(Object.entries(SORTS).map(([name, sort]) => [name, { value: name, description: sort.about }])) as Record<SortName, { value: SortName; description: string }>,
});

const OpportunityFilterInput = builder.inputType('OpportunityFilterInput', {
  description: 'Conditions an opportunity must all meet to be listed.',
  fields: (t) => ({
    pipelineId: t.id({ description: 'Only opportunities in this pipeline.' }),
    stageId: t.id({ description: 'Only opportunities in this pipeline stage.' }),
    status: t.field({ type: OpportunityStatus, description: 'Only opportunities with this status.' }),
    contactId: t.id({ description: 'Only opportunities with this contact.' }),
    assignedTo: t.id({ description: 'Only opportunities owned by this GHL user.' }),
    query: t.string({ description: "Text matched against the opportunity's name and its contact's name, email, company and phone." }),
  }),
});

builder.queryFields((t) => ({
  opportunity: t.field({
    ...traced('One opportunity by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /opportunities/{id}'),
    type: Opportunity,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's opportunity id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.opportunity.read(id),
  }),
  opportunities: t.field({
    ...traced("Opportunities of the caller's location, filtered and sorted.", 'POST /opportunities/search'),
    type: OpportunityConnection,
    args: {
      ...pageArgs(t.arg, OPPORTUNITY_PAGE),
      filter: t.arg({ type: OpportunityFilterInput, description: 'Conditions to meet; all of them.' }),
      sort: t.arg({ type: OpportunitySort, description: 'Order of the list. Default CREATED_AT_DESC.' }),
    },
    resolve: (_root, { first, after, filter, sort }, ctx) =>
      opportunityPage(ctx, {
        first,
        after,
        sort: sort ?? null,
        query: filter?.query ?? null,
        filters: eqFilters({ pipeline_id: filter?.pipelineId, pipeline_stage_id: filter?.stageId, status: filter?.status, contact_id: filter?.contactId, assigned_to: filter?.assignedTo }),
      }),
  }),
  pipelines: t.field({
    ...traced("The location's pipelines with their stages, in GHL's order.", 'GET /opportunities/pipelines'),
    type: PipelineConnection,
    args: {
      ...pageArgs(t.arg, PIPELINE_PAGE),
    },
    // GHL returns every pipeline at once; the connection pages over that one list.
    resolve: async (_root, args, ctx) => sliceConnection(await locationPipelines(ctx), args, { ...PIPELINE_PAGE, idOf: (p) => p.id }),
  }),
  pipeline: t.field({
    ...traced('One pipeline by its GHL id; null with a NOT_FOUND error when the location has no such pipeline.', 'GET /opportunities/pipelines'),
    type: Pipeline,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's pipeline id." }) },
    resolve: async (_root, { id }, ctx) => {
      const found = await findPipeline(ctx, id);
      if (!found) throw new GraphQLError(`Pipeline ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
      return found;
    },
  }),
}));

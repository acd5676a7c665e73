import { builder } from '../builder.js';
import { pageArgs } from '../shared/pagination.js';
import { byParentId } from '../shared/prefetch.js';
import { Contact } from '../contacts/types.js';
import { eqFilters, OPPORTUNITY_PAGE, opportunityPage } from './page.js';
import { OpportunitySort } from './queries.js';
import { Opportunity, OpportunityConnection, OpportunityStatus, PipelineStage } from './types.js';

/** Links from other types to opportunities, added from this domain so their files stay theirs. */

const loadContactOpportunities = byParentId('Contact', 'opportunities', (id, _args, ctx) => ctx.loaders.opportunitiesByContact.load(id));

builder.objectField(Contact, 'opportunities', (t) =>
  t.field({
    nullable: true,
    type: [Opportunity],
    description:
      "The contact's opportunities, newest first. Contacts resolved together share one search. GHL: `search-opportunities-advanced` (POST /opportunities/search), filtered by contact. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.",
    resolve: async (c, _args, ctx) => {
      const list = await loadContactOpportunities(c.id, {}, ctx);
      return [...list].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.id.localeCompare(b.id));
    },
  }),
);

builder.objectField(PipelineStage, 'opportunities', (t) =>
  t.field({
    nullable: true,
    type: OpportunityConnection,
    description: 'Opportunities in this stage. GHL: `search-opportunities-advanced` (POST /opportunities/search), filtered by stage. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.',
    args: {
      ...pageArgs(t.arg, OPPORTUNITY_PAGE),
      status: t.arg({ type: OpportunityStatus, description: 'Only opportunities with this status.' }),
      sort: t.arg({ type: OpportunitySort, description: 'Order of the list. Default CREATED_AT_DESC.' }),
    },
    resolve: (stage, args, ctx) =>
      opportunityPage(ctx, { first: args.first, after: args.after, sort: args.sort ?? null, filters: eqFilters({ pipeline_id: stage.pipelineId, pipeline_stage_id: stage.id, status: args.status }) }),
  }),
);

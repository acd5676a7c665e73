import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { changeEventType, changesOf, resolveChange, streamArgs } from '../shared/subscriptions.js';
import { opportunitySource } from '../../subscriptions/sources.js';
import { Opportunity } from './types.js';

const OpportunityChangeEvent = changeEventType('Opportunity', Opportunity, 'opportunity', undefined, { pipelineStageId: 'stageId' });

builder.subscriptionField('opportunitiesChanged', (t) =>
  t.field({
    ...traced(
      'Opportunities as they are created, updated (stage, status, value, owner…) or deleted, in the whole location or one pipeline or stage. Polls the most recently updated ones; deletions arrive by webhook.',
      'POST /opportunities/search',
    ),
    type: OpportunityChangeEvent,
    args: {
      pipelineId: t.arg.id({ description: 'Only opportunities in this pipeline.' }),
      stageId: t.arg.id({ description: 'Only opportunities in this pipeline stage.' }),
      ...streamArgs(t.arg),
    },
    subscribe: (_root, args, ctx) => changesOf(ctx, opportunitySource, { pipelineId: args.pipelineId ?? null, stageId: args.stageId ?? null }, args),
    resolve: resolveChange,
  }),
);

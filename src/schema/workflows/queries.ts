import { builder } from '../builder.js';
import { listFingerprint, sliceConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { WorkflowConnection } from './types.js';

builder.queryField('workflows', (t) =>
  t.field({
    ...traced("The location's workflows. GHL returns them all at once; the gateway pages them.", 'GET /workflows/'),
    type: WorkflowConnection,
    args: {
      ...pageArgs(t.arg, { defaultSize: 50, maxSize: 100 }),
    },
    resolve: async (_root, args, ctx) =>
      sliceConnection(await ctx.loaders.workflowList.load(), args, { defaultSize: 50, maxSize: 100, fingerprint: listFingerprint({ list: 'workflows' }) }),
  }),
);

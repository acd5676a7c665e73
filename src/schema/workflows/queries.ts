import { builder } from '../builder.js';
import { listFingerprint, sliceConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { WorkflowConnection } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 50, maxSize: 100 };

builder.queryField('workflows', (t) =>
  t.field({
    ...traced("The location's workflows. GHL returns them all at once; the gateway pages them.", 'GET /workflows/'),
    type: WorkflowConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, args, ctx) =>
      sliceConnection(await ctx.loaders.workflowList.load(), args, { ...PAGE, fingerprint: listFingerprint({ list: 'workflows' }) }),
  }),
);

import { builder } from '../builder.js';
import { listFingerprint, sliceConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { WorkflowConnection } from './types.js';

builder.queryField('workflows', (t) =>
  t.field({
    ...traced("The location's workflows. GHL returns them all at once; the gateway pages them.", 'GET /workflows/'),
    type: WorkflowConnection,
    args: {
      first: t.arg.int({ description: 'Page size, 1 to 100. Default 50.' }),
      after: t.arg.string({ description: 'Cursor from `pageInfo.endCursor` of the previous page.' }),
    },
    resolve: async (_root, args, ctx) =>
      sliceConnection(await ctx.loaders.workflowList.load(), args, { defaultSize: 50, maxSize: 100, fingerprint: listFingerprint({ list: 'workflows' }) }),
  }),
);

import { builder } from '../builder.js';
import { listFingerprint, sliceConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { CampaignConnection, CampaignStatus } from './types.js';

builder.queryField('campaigns', (t) =>
  t.field({
    ...traced("The location's campaigns, optionally only those of one status. GHL returns them all at once; the gateway pages them.", 'GET /campaigns/'),
    type: CampaignConnection,
    args: {
      status: t.arg({ type: CampaignStatus, description: 'Only campaigns with this status (GHL filters).' }),
      first: t.arg.int({ description: 'Page size, 1 to 100. Default 50.' }),
      after: t.arg.string({ description: 'Cursor from `pageInfo.endCursor` of the previous page.' }),
    },
    resolve: async (_root, { status, ...args }, ctx) => {
      const filter = status ? { status } : {};
      const all = await ctx.loaders.campaignList.load(filter);
      return sliceConnection(all, args, { defaultSize: 50, maxSize: 100, fingerprint: listFingerprint({ list: 'campaigns', ...filter }) });
    },
  }),
);

import { builder } from '../builder.js';
import { listFingerprint, sliceConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { CampaignConnection, CampaignStatus } from './types.js';

builder.queryField('campaigns', (t) =>
  t.field({
    ...traced("The location's campaigns, optionally only those of one status. GHL returns them all at once; the gateway pages them.", 'GET /campaigns/'),
    type: CampaignConnection,
    args: {
      status: t.arg({ type: CampaignStatus, description: 'Only campaigns with this status (GHL filters).' }),
      ...pageArgs(t.arg, { defaultSize: 50, maxSize: 100 }),
    },
    resolve: async (_root, { status, ...args }, ctx) => {
      const filter = status ? { status } : {};
      const all = await ctx.loaders.campaignList.load(filter);
      return sliceConnection(all, args, { defaultSize: 50, maxSize: 100, fingerprint: listFingerprint({ list: 'campaigns', ...filter }) });
    },
  }),
);

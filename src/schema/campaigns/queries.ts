import { builder } from '../builder.js';
import { listFingerprint, sliceConnection } from '../contacts/offset-paging.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { CampaignConnection, CampaignStatus } from './types.js';

/** `first`'s default and maximum, for the arguments' documentation and the resolver alike. */
const PAGE = { defaultSize: 50, maxSize: 100 };

builder.queryField('campaigns', (t) =>
  t.field({
    ...traced("The location's campaigns, optionally only those of one status. GHL returns them all at once; the gateway pages them.", 'GET /campaigns/'),
    type: CampaignConnection,
    args: {
      status: t.arg({ type: CampaignStatus, description: 'Only campaigns with this status (GHL filters).' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, { status, ...args }, ctx) => {
      const filter = status ? { status } : {};
      const all = await ctx.loaders.campaignList.load(filter);
      return sliceConnection(all, args, { ...PAGE, fingerprint: listFingerprint({ list: 'campaigns', ...filter }) });
    },
  }),
);

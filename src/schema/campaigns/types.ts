import type { GhlCampaign } from '../../ghl/endpoints/campaigns.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';

/** The statuses GHL shows for campaigns (the spec types `status` as a string; its examples are `draft` and `published`). */
const STATUSES = ['draft', 'published'] as const;

export const CampaignStatus = describedEnum('CampaignStatus', 'Whether a campaign runs.', {
  DRAFT: ['draft', 'Being set up; not sending yet.'],
  PUBLISHED: ['published', 'Live: contacts added to it receive its messages.'],
});

export const Campaign = builder.objectRef<GhlCampaign>('Campaign').implement({
  description: 'A (drip) campaign in GHL that contacts can be added to.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's campaign id." }),
    name: t.string({ nullable: true, description: 'Name shown in GHL.', resolve: (c) => c.name ?? null }),
    status: t.field({
      type: CampaignStatus,
      nullable: true,
      description: 'Whether it runs; null when GHL reports a status this gateway does not know.',
      resolve: (c) => STATUSES.find((s) => s === c.status?.toLowerCase()) ?? null,
    }),
    locationId: t.id({ nullable: true, description: 'Id of the GHL location (sub-account) that owns it.', resolve: (c) => c.locationId ?? null }),
  }),
});

export const CampaignConnection = connectionType(Campaign, 'Campaign', 'campaign');

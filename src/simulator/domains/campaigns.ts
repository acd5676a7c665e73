import { locationOf, type RequestContext } from '../routes/types.js';
import { ownContact } from './contacts-access.js';
import { campaignsState, ownCampaign, type CampaignRecord } from './campaigns-state.js';
import type { SimulatorDomain } from './types.js';

/**
 * apps/campaigns.json: `GET /campaigns/` answers `{campaigns[]}`, unpaged, optionally only those of
 * one `status`. Enrolling a contact (`/contacts/{contactId}/campaigns/…`) is a contacts route.
 */

const CAMPAIGNS: { name: string; status: CampaignRecord['status'] }[] = [
  { name: 'Spring promotion', status: 'published' },
  { name: 'Webinar follow-up', status: 'published' },
  { name: 'Newsletter drip', status: 'published' },
  { name: 'Win-back offer', status: 'draft' },
];

const campaignDto = (c: CampaignRecord) => ({ id: c.id, name: c.name, status: c.status, locationId: c.locationId });

const contactOf = (ctx: RequestContext) => ownContact(ctx, ctx.params['contactId'] as string);
const SUCCEDED = { succeded: true };

export const campaignsDomain: SimulatorDomain = {
  name: 'campaigns',
  routes: {
    'GET /campaigns/': (ctx) => {
      const status = (ctx.query['status'] as string | undefined)?.trim().toLowerCase();
      const all = campaignsState(ctx.store).list(locationOf(ctx));
      return { status: 200, body: { campaigns: all.filter((c) => !status || c.status === status).map(campaignDto) } };
    },

    'POST /contacts/{contactId}/campaigns/{campaignId}': (ctx) => {
      const contact = contactOf(ctx);
      const campaign = ownCampaign(ctx, ctx.params['campaignId'] as string);
      ctx.store.updateContact(contact.id, { campaigns: [...new Set([...contact.campaigns, campaign.id])] });
      return { status: 201, body: SUCCEDED };
    },

    /** Removing a contact that is not enrolled succeeds too: the end state is what was asked. */
    'DELETE /contacts/{contactId}/campaigns/{campaignId}': (ctx) => {
      const contact = contactOf(ctx);
      const campaign = ownCampaign(ctx, ctx.params['campaignId'] as string);
      ctx.store.updateContact(contact.id, { campaigns: contact.campaigns.filter((c) => c !== campaign.id) });
      return { status: 200, body: SUCCEDED };
    },

    'DELETE /contacts/{contactId}/campaigns/removeAll': (ctx) => {
      ctx.store.updateContact(contactOf(ctx).id, { campaigns: [] });
      return { status: 200, body: SUCCEDED };
    },
  },
  seed({ store, locations, random }) {
    const state = campaignsState(store);
    for (const location of locations) {
      for (const c of CAMPAIGNS) state.insert({ id: random.ghlId(), locationId: location.id, ...c });
    }
  },
};

import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import { LocationRecords } from './location-records.js';

/** `campaignsSchema` of apps/campaigns.json, as the simulator stores it. */
export interface CampaignRecord {
  id: string;
  locationId: string;
  name: string;
  status: 'draft' | 'published';
}

/** The (drip) campaigns of every location. GHL's API can only list them and enrol contacts. */
export const campaignsState = (store: SimulatorStore): LocationRecords<CampaignRecord> => store.domainState('campaigns', () => new LocationRecords<CampaignRecord>('campaign'));

/** A campaign of the token's location: 404 when unknown, 403 when another location's (B2). */
export function ownCampaign(ctx: RequestContext, id: string): CampaignRecord {
  const campaign = campaignsState(ctx.store).get(id);
  if (!campaign) throw notFound('Campaign not found');
  if (campaign.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return campaign;
}

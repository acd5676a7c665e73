import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';

/** `campaignsSchema` of apps/campaigns.json, as the simulator stores it. */
export interface CampaignRecord {
  id: string;
  locationId: string;
  name: string;
  status: 'draft' | 'published';
}

/** The (drip) campaigns of every location. GHL's API can only list them and enrol contacts. */
export class CampaignsState {
  private readonly byId = new Map<string, CampaignRecord>();

  insert(campaign: CampaignRecord): CampaignRecord {
    if (this.byId.has(campaign.id)) throw new Error(`Duplicate campaign id ${campaign.id}`);
    this.byId.set(campaign.id, campaign);
    return campaign;
  }

  get(id: string): CampaignRecord | undefined {
    return this.byId.get(id);
  }

  /** A location's campaigns by name, then id. */
  list(locationId: string): CampaignRecord[] {
    return [...this.byId.values()].filter((c) => c.locationId === locationId).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}

export const campaignsState = (store: SimulatorStore): CampaignsState => store.domainState('campaigns', () => new CampaignsState());

/** A campaign of the token's location: 404 when unknown, 403 when another location's (B2). */
export function ownCampaign(ctx: RequestContext, id: string): CampaignRecord {
  const campaign = campaignsState(ctx.store).get(id);
  if (!campaign) throw notFound('Campaign not found');
  if (campaign.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return campaign;
}

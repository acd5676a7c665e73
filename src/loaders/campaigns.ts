import type { GhlCampaign } from '../ghl/endpoints/campaigns.js';
import { listCampaigns } from '../ghl/endpoints/campaigns.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** Campaigns are set up in GHL's UI and change seldom. */
export const TTL_MS = { campaignList: 120_000 };

/** Per-request loaders of the campaigns domain. */
export function createCampaignLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    /** The location's campaigns (GHL does not page them), optionally of one GHL status. */
    campaignList: kit.byArgs<{ status?: string }, GhlCampaign[]>('campaignList', TTL_MS.campaignList, (filter) => listCampaigns(deps.ghl, filter)),
  };
}

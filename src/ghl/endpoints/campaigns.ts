import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `campaignsSchema` in apps/campaigns.json. */
export interface GhlCampaign {
  id: string;
  name?: string;
  status?: string;
  locationId?: string;
}

const ops = {
  list: operation('GET /campaigns/'),
  addContact: operation('POST /contacts/{contactId}/campaigns/{campaignId}'),
  removeContact: operation('DELETE /contacts/{contactId}/campaigns/{campaignId}'),
  removeContactFromAll: operation('DELETE /contacts/{contactId}/campaigns/removeAll'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

/** Every campaign of the location (GHL does not page this list), optionally of one status. */
export async function listCampaigns(ctx: GhlCallContext, filter: { status?: string }): Promise<GhlCampaign[]> {
  const res = await ctx.client.call<{ campaigns?: GhlCampaign[] }>(ops.list, ctx.credential, {
    ...call(ctx),
    query: { locationId: ctx.credential.locationId, status: filter.status },
  });
  return res.data.campaigns ?? [];
}

/** Enrols a contact; the spec's body (`AddContactToCampaignDto`) is an empty object. */
export async function addContactToCampaign(ctx: GhlCallContext, contactId: string, campaignId: string): Promise<void> {
  await ctx.client.call(ops.addContact, ctx.credential, { ...call(ctx), pathParams: { contactId, campaignId }, body: {} });
}

export async function removeContactFromCampaign(ctx: GhlCallContext, contactId: string, campaignId: string): Promise<void> {
  await ctx.client.call(ops.removeContact, ctx.credential, { ...call(ctx), pathParams: { contactId, campaignId } });
}

/** The literal `removeAll` route, not a campaign id. */
export async function removeContactFromAllCampaigns(ctx: GhlCallContext, contactId: string): Promise<void> {
  await ctx.client.call(ops.removeContactFromAll, ctx.credential, { ...call(ctx), pathParams: { contactId } });
}

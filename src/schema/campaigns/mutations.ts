import type { GraphQLContext } from '../../context.js';
import { addContactToCampaign, type GhlCampaign, removeContactFromAllCampaigns, removeContactFromCampaign } from '../../ghl/endpoints/campaigns.js';
import { builder } from '../builder.js';
import { changeMembership, type MembershipGroup, membershipPayload } from '../contacts/membership.js';
import { traced } from '../shared/ghl-operation.js';
import { Campaign } from './types.js';

/** Adding a contact to a campaign and taking it out (of one, or of all): see contacts/membership.ts. */

const ContactCampaignAddInput = builder.inputType('ContactCampaignAddInput', {
  description: 'A contact to add to a campaign.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's contact id." }),
    campaignId: t.id({ required: true, description: "GHL's campaign id." }),
  }),
});
const ContactCampaignRemoveInput = builder.inputType('ContactCampaignRemoveInput', {
  description: 'A contact to take out of a campaign.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's contact id." }),
    campaignId: t.id({ required: true, description: "GHL's campaign id." }),
  }),
});
const ContactCampaignsRemoveAllInput = builder.inputType('ContactCampaignsRemoveAllInput', {
  description: 'A contact to take out of every campaign.',
  fields: (t) => ({ contactId: t.id({ required: true, description: "GHL's contact id." }) }),
});

const campaign: MembershipGroup<GhlCampaign> = {
  field: 'campaign',
  type: Campaign,
  read: 'GET /campaigns/',
  find: async (ctx, id) => (await ctx.loaders.campaignList.load({})).find((c) => c.id === id) ?? null,
};

const inCampaign = (ctx: GraphQLContext, contactId: string, campaignId: string | null, change: () => Promise<unknown>) =>
  changeMembership(ctx, { contactId, groupId: campaignId, groupField: 'campaignId', groupRecord: 'Campaign', change });

builder.mutationFields((t) => ({
  contactCampaignAdd: t.field({
    ...traced('Adds a contact to a campaign.', 'POST /contacts/{contactId}/campaigns/{campaignId}'),
    type: membershipPayload('ContactCampaignAddPayload', 'contactCampaignAdd', campaign),
    args: { input: t.arg({ type: ContactCampaignAddInput, required: true, description: 'The contact and the campaign.' }) },
    resolve: (_root, { input }, ctx) => inCampaign(ctx, input.contactId, input.campaignId, () => addContactToCampaign(ctx.ghl, input.contactId, input.campaignId)),
  }),
  contactCampaignRemove: t.field({
    ...traced('Takes a contact out of a campaign.', 'DELETE /contacts/{contactId}/campaigns/{campaignId}'),
    type: membershipPayload('ContactCampaignRemovePayload', 'contactCampaignRemove', campaign),
    args: { input: t.arg({ type: ContactCampaignRemoveInput, required: true, description: 'The contact and the campaign.' }) },
    resolve: (_root, { input }, ctx) => inCampaign(ctx, input.contactId, input.campaignId, () => removeContactFromCampaign(ctx.ghl, input.contactId, input.campaignId)),
  }),
  contactCampaignsRemoveAll: t.field({
    ...traced('Takes a contact out of every campaign.', 'DELETE /contacts/{contactId}/campaigns/removeAll'),
    type: membershipPayload('ContactCampaignsRemoveAllPayload', 'contactCampaignsRemoveAll', null),
    args: { input: t.arg({ type: ContactCampaignsRemoveAllInput, required: true, description: 'The contact.' }) },
    resolve: (_root, { input }, ctx) => inCampaign(ctx, input.contactId, null, () => removeContactFromAllCampaigns(ctx.ghl, input.contactId)),
  }),
}));

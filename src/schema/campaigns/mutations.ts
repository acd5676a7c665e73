import type { GraphQLContext } from '../../context.js';
import { addContactToCampaign, removeContactFromAllCampaigns, removeContactFromCampaign } from '../../ghl/endpoints/campaigns.js';
import { builder } from '../builder.js';
import { CONTACT_LISTS, placeNotFound } from '../contacts/inputs.js';
import { Contact } from '../contacts/types.js';
import { runMutation, UserError, type UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { invalidateAfterWrite } from '../shared/invalidate.js';
import { Campaign } from './types.js';

/**
 * Adding a contact to a campaign and taking it out (of one, or of all). GHL has no read of a
 * contact's campaigns, so the payload offers the contact and the campaign, read only when selected.
 */

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

interface Membership {
  contactId: string | null;
  campaignId: string | null;
  userErrors: UserErrorShape[];
}

const membershipPayload = (name: string, mutation: string, withCampaign: boolean) =>
  builder.objectRef<Membership>(name).implement({
    description: `Result of \`${mutation}\`.`,
    fields: (t) => ({
      contact: t.field({
        type: Contact,
        nullable: true,
        description: 'The contact (read only when selected); null when nothing changed.',
        resolve: (p, _args, ctx) => (p.contactId ? ctx.loaders.contact.load(p.contactId) : null),
      }),
      ...(withCampaign
        ? {
            campaign: t.field({
              ...traced('The campaign (read only when selected); null when nothing changed.', 'GET /campaigns/'),
              type: Campaign,
              nullable: true,
              resolve: async (p, _args, ctx) => (p.campaignId ? ((await ctx.loaders.campaignList.load({})).find((c) => c.id === p.campaignId) ?? null) : null),
            }),
          }
        : {}),
      userErrors: t.field({ type: [UserError], description: 'Why the input was refused; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });

async function changeMembership(ctx: GraphQLContext, contactId: string, campaignId: string | null, change: () => Promise<void>): Promise<Membership> {
  const { result, userErrors } = await runMutation({
    checks: [],
    inputFields: [],
    notFoundField: ['input', 'contactId'],
    perform: async () => {
      await change();
      return true;
    },
  });
  if (!result) return { contactId: null, campaignId: null, userErrors: placeNotFound(userErrors, { Contact: 'contactId', Campaign: 'campaignId' }) };
  // GHL stamps the contact's dateUpdated on enrolment.
  await invalidateAfterWrite(ctx, { records: { contact: [contactId] }, lists: CONTACT_LISTS });
  return { contactId, campaignId, userErrors };
}

builder.mutationFields((t) => ({
  contactCampaignAdd: t.field({
    ...traced('Adds a contact to a campaign.', 'POST /contacts/{contactId}/campaigns/{campaignId}'),
    type: membershipPayload('ContactCampaignAddPayload', 'contactCampaignAdd', true),
    args: { input: t.arg({ type: ContactCampaignAddInput, required: true, description: 'The contact and the campaign.' }) },
    resolve: (_root, { input }, ctx) => changeMembership(ctx, input.contactId, input.campaignId, () => addContactToCampaign(ctx.ghl, input.contactId, input.campaignId)),
  }),
  contactCampaignRemove: t.field({
    ...traced('Takes a contact out of a campaign.', 'DELETE /contacts/{contactId}/campaigns/{campaignId}'),
    type: membershipPayload('ContactCampaignRemovePayload', 'contactCampaignRemove', true),
    args: { input: t.arg({ type: ContactCampaignRemoveInput, required: true, description: 'The contact and the campaign.' }) },
    resolve: (_root, { input }, ctx) => changeMembership(ctx, input.contactId, input.campaignId, () => removeContactFromCampaign(ctx.ghl, input.contactId, input.campaignId)),
  }),
  contactCampaignsRemoveAll: t.field({
    ...traced('Takes a contact out of every campaign.', 'DELETE /contacts/{contactId}/campaigns/removeAll'),
    type: membershipPayload('ContactCampaignsRemoveAllPayload', 'contactCampaignsRemoveAll', false),
    args: { input: t.arg({ type: ContactCampaignsRemoveAllInput, required: true, description: 'The contact.' }) },
    resolve: (_root, { input }, ctx) => changeMembership(ctx, input.contactId, null, () => removeContactFromAllCampaigns(ctx.ghl, input.contactId)),
  }),
}));

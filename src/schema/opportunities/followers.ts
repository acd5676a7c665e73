import { addOpportunityFollowers, removeOpportunityFollowers } from '../../ghl/endpoints/opportunities.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { runMutation } from '../shared/mutation.js';
import { collect, nonBlank, nonEmptyList } from '../shared/validate.js';
import { opportunityStale } from './checks.js';
import { opportunityPayload } from './payloads.js';

/** Followers: GHL users who get notified about an opportunity. */

const OpportunityFollowersAddInput = builder.inputType('OpportunityFollowersAddInput', {
  description: 'GHL users to add as followers of an opportunity; users already following are kept.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's opportunity id." }),
    followers: t.idList({ required: true, description: 'Ids of the GHL users to add.' }),
  }),
});

const OpportunityFollowersRemoveInput = builder.inputType('OpportunityFollowersRemoveInput', {
  description: 'Followers to remove from an opportunity: the listed users, or all of them.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's opportunity id." }),
    followers: t.idList({ description: 'Ids of the GHL users to remove.' }),
    all: t.boolean({ description: 'Remove every follower; `followers` is then not needed.' }),
  }),
});

const OpportunityFollowersAddPayload = opportunityPayload<{ followersAdded: string[] }>('OpportunityFollowersAddPayload', 'Result of `opportunityFollowersAdd`.', (t) => ({
  followersAdded: t.idList({ description: 'The users who were not following before.', resolve: (p) => p.followersAdded }),
}));

const OpportunityFollowersRemovePayload = opportunityPayload<{ followersRemoved: string[] }>('OpportunityFollowersRemovePayload', 'Result of `opportunityFollowersRemove`.', (t) => ({
  followersRemoved: t.idList({ description: 'The users who stopped following.', resolve: (p) => p.followersRemoved }),
}));

const idChecks = (path: string, ids: readonly string[] | null | undefined) => (ids ?? []).map((id, i) => nonBlank(['input', path, String(i)], id));

builder.mutationFields((t) => ({
  opportunityFollowersAdd: t.field({
    ...traced('Adds GHL users as followers of an opportunity.', 'POST /opportunities/{id}/followers'),
    type: OpportunityFollowersAddPayload,
    args: { input: t.arg({ type: OpportunityFollowersAddInput, required: true, description: 'The opportunity and the users to add.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonEmptyList(['input', 'followers'], input.followers), ...idChecks('followers', input.followers)),
        inputFields: ['followers'],
        call: () => addOpportunityFollowers(ctx.ghl, input.id, input.followers),
        stale: opportunityStale(input.id),
      });
      return { opportunityId: result ? input.id : null, followersAdded: result?.followersAdded ?? [], userErrors };
    },
  }),
  opportunityFollowersRemove: t.field({
    ...traced('Removes followers from an opportunity.', 'DELETE /opportunities/{id}/followers'),
    type: OpportunityFollowersRemovePayload,
    args: { input: t.arg({ type: OpportunityFollowersRemoveInput, required: true, description: 'The opportunity and the followers to remove.' }) },
    resolve: async (_root, { input }, ctx) => {
      const all = input.all === true;
      const followers = input.followers ?? [];
      const checks = collect(
        !all && followers.length === 0 ? { code: 'REQUIRED', field: ['input', 'followers'], message: 'Give the followers to remove, or set `all`.' } : null,
        ...idChecks('followers', followers),
      );
      const { result, userErrors } = await runMutation(ctx, { checks, inputFields: ['followers'], call: () => removeOpportunityFollowers(ctx.ghl, input.id, followers, all), stale: opportunityStale(input.id) });
      return { opportunityId: result ? input.id : null, followersRemoved: result?.followersRemoved ?? [], userErrors };
    },
  }),
}));

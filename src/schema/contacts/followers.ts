import { addContactFollowers, removeContactFollowers } from '../../ghl/endpoints/contacts.js';
import { GhlNotFoundError } from '../../ghl/errors.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../../context.js';
import { traced } from '../shared/ghl-operation.js';
import { mutationPayload, runMutation, type WithUserErrors } from '../shared/mutation.js';
import { collect, nonEmptyList } from '../shared/validate.js';
import { User } from '../users/types.js';
import { CONTACT_LISTS, nonBlankEach } from './inputs.js';
import { Contact } from './types.js';

/** Followers: GHL users who follow a contact. */

builder.objectField(Contact, 'followerIds', (t) =>
  t.field({
    nullable: true,
    ...traced(
      'Ids of the GHL users who follow the contact. `GET /contacts/{contactId}` does not return followers, so a contact read by id costs one search by id (once per contact per request). Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.',
      'POST /contacts/search',
    ),
    type: ['ID'],
    resolve: (c, _args, ctx) => c.followers ?? ctx.loaders.contactFollowers.read(c.id),
  }),
);

builder.objectField(Contact, 'followers', (t) =>
  t.field({
    nullable: true,
    ...traced(
      'The GHL users who follow the contact, one read per distinct user in the request (plus the follower ids, as for `followerIds`). A user GHL no longer knows is left out. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.',
      'GET /users/{userId}',
      'POST /contacts/search',
    ),
    type: [User],
    resolve: async (c, _args, ctx) => {
      const ids = c.followers ?? (await ctx.loaders.contactFollowers.load(c.id));
      const users = await ctx.loaders.user.loadMany(ids);
      const failed = users.find((u): u is Error => u instanceof Error && !(u instanceof GhlNotFoundError));
      if (failed) throw failed;
      return users.filter((u) => !(u instanceof Error)) as Exclude<(typeof users)[number], Error>[];
    },
  }),
);

const followersInput = (name: string, description: string, verb: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      contactId: t.id({ required: true, description: "GHL's contact id." }),
      followerIds: t.idList({ required: true, description: `GHL user ids to ${verb}.` }),
    }),
  });

const ContactFollowersAddInput = followersInput('ContactFollowersAddInput', 'Users to add as followers of a contact.', 'add as followers');
const ContactFollowersRemoveInput = followersInput('ContactFollowersRemoveInput', 'Users who should stop following a contact.', 'remove from the followers');

interface FollowersResult {
  contactId: string | null;
  followerIds: string[];
  changedIds: string[];
}

const followersPayload = (name: string, description: string, changed: { field: string; description: string }) =>
  mutationPayload<FollowersResult>(name, description, (t) => ({
    contact: t.field({
      type: Contact,
      nullable: true,
      description: 'The contact, read again (only when selected); null when nothing changed.',
      resolve: (p, _args, ctx) => (p.contactId ? ctx.loaders.contact.read(p.contactId) : null),
    }),
    followerIds: t.field({ type: ['ID'], description: 'Everyone who follows the contact now.', resolve: (p) => p.followerIds }),
    [changed.field]: t.field({ type: ['ID'], description: changed.description, resolve: (p) => p.changedIds }),
  }));

const ContactFollowersAddPayload = followersPayload('ContactFollowersAddPayload', 'Result of `contactFollowersAdd`.', {
  field: 'addedFollowerIds',
  description: 'The users who were not following before (GHL leaves out those who already were).',
});
const ContactFollowersRemovePayload = followersPayload('ContactFollowersRemovePayload', 'Result of `contactFollowersRemove`.', {
  field: 'removedFollowerIds',
  description: 'The users who were following and no longer are.',
});

type Change = typeof addContactFollowers;

const followersMutation = (change: Change) => async (input: { contactId: string; followerIds: string[] }, ctx: GraphQLContext): Promise<FollowersResult & WithUserErrors> => {
  const { result, userErrors } = await runMutation(ctx, {
    checks: collect(nonEmptyList(['input', 'followerIds'], input.followerIds), ...nonBlankEach(['input', 'followerIds'], input.followerIds)),
    inputFields: ['followerIds'],
    fieldNames: { followers: 'followerIds' },
    notFoundField: ['input', 'contactId'],
    call: () => change(ctx.ghl, input.contactId, input.followerIds),
    stale: { records: { contact: [input.contactId], contactFollowers: [input.contactId] }, lists: CONTACT_LISTS },
  });
  if (!result) return { contactId: null, followerIds: [], changedIds: [], userErrors };
  return { contactId: input.contactId, followerIds: result.followers, changedIds: result.changed, userErrors };
};

builder.mutationFields((t) => ({
  contactFollowersAdd: t.field({
    ...traced('Makes GHL users followers of a contact.', 'POST /contacts/{contactId}/followers'),
    type: ContactFollowersAddPayload,
    args: { input: t.arg({ type: ContactFollowersAddInput, required: true, description: 'The contact and the users.' }) },
    resolve: (_root, { input }, ctx) => followersMutation(addContactFollowers)(input, ctx),
  }),
  contactFollowersRemove: t.field({
    ...traced('Stops GHL users following a contact.', 'DELETE /contacts/{contactId}/followers'),
    type: ContactFollowersRemovePayload,
    args: { input: t.arg({ type: ContactFollowersRemoveInput, required: true, description: 'The contact and the users.' }) },
    resolve: (_root, { input }, ctx) => followersMutation(removeContactFollowers)(input, ctx),
  }),
}));

import type { ObjectRef } from '@pothos/core';
import type { GraphQLContext } from '../../context.js';
import { type BuilderTypes } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { mutationPayload, runMutation } from '../shared/mutation.js';
import { CONTACT_LISTS } from './inputs.js';
import { Contact } from './types.js';

/**
 * Adding a contact to a group GHL runs for it (a campaign, a workflow) and taking it out. GHL has
 * no read of a contact's memberships, so the payload offers the contact and the group, read only
 * when selected.
 */

export interface Membership {
  contactId?: string | null;
  groupId?: string | null;
}

/** The group side of a membership payload: its field, type, and how to find one by id. */
export interface MembershipGroup<T> {
  field: string;
  type: ObjectRef<BuilderTypes, T>;
  /** The GHL list read behind `find`, for the field's description. */
  read: string;
  find: (ctx: GraphQLContext, id: string) => Promise<T | null>;
}

/** `<name> { contact, <group>, userErrors }`; without a group, `{ contact, userErrors }`. */
export function membershipPayload<T>(name: string, mutation: string, group: MembershipGroup<T> | null) {
  return mutationPayload<Membership>(name, `Result of \`${mutation}\`.`, (t) => ({
    contact: t.field({
      type: Contact,
      nullable: true,
      description: 'The contact (read only when selected); null when nothing changed.',
      resolve: (p, _args, ctx) => (p.contactId ? ctx.loaders.contact.read(p.contactId) : null),
    }),
    ...(group
      ? {
          [group.field]: t.field({
            ...traced(`The ${group.field} (read only when selected); null when nothing changed.`, group.read),
            type: group.type,
            nullable: true,
            resolve: (p, _args, ctx) => (p.groupId ? group.find(ctx, p.groupId) : null) as never,
          }),
        }
      : {}),
  }));
}

/**
 * Runs one membership change. GHL's 404 names the record it missed ("Campaign not found"), which
 * points the user error at that id's input field.
 */
export async function changeMembership(
  ctx: GraphQLContext,
  opts: { contactId: string; groupId: string | null; groupField: string; groupRecord: string; inputFields?: readonly string[]; change: () => Promise<unknown> },
) {
  const { ok, userErrors } = await runMutation(ctx, {
    inputFields: opts.inputFields ?? [],
    notFoundField: ['input', 'contactId'],
    notFoundFieldByRecord: { Contact: 'contactId', [opts.groupRecord]: opts.groupField },
    call: opts.change,
    // GHL stamps the contact's dateUpdated on enrolment.
    stale: { records: { contact: [opts.contactId] }, lists: CONTACT_LISTS },
  });
  return ok ? { contactId: opts.contactId, groupId: opts.groupId, userErrors } : { contactId: null, groupId: null, userErrors };
}

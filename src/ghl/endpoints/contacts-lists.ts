import { operation } from '../operations.js';
import type { GhlContact } from './contacts.js';
import type { GhlCallContext } from './types.js';

/**
 * The contact reads besides get-by-id and advanced search: contacts of a business (skip/limit),
 * the deprecated location list (startAfter/startAfterId) and the duplicate check. The two lists
 * answer `ContactsSearchSuccessfulResponseDto` (`{contacts[], count}`), whose items also carry
 * `followers`.
 */

export interface ContactPage {
  contacts: GhlContact[];
  /** Matches in all, before paging. */
  count: number;
}

/** The deprecated list's position: contacts added before `startAfter` (ms), after `startAfterId`. */
export interface LegacyContactsArgs {
  limit: number;
  query?: string;
  startAfter?: number;
  startAfterId?: string;
}

const ops = {
  byBusiness: operation('GET /contacts/business/{businessId}'),
  legacyList: operation('GET /contacts/'),
  duplicate: operation('GET /contacts/search/duplicate'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

/** `skip`/`limit` are typed as strings in the spec. */
export async function getContactsByBusiness(ctx: GhlCallContext, businessId: string, page: { skip: number; limit: number; query?: string }): Promise<ContactPage> {
  const res = await ctx.client.call<Partial<ContactPage>>(ops.byBusiness, ctx.credential, {
    ...call(ctx),
    pathParams: { businessId },
    query: { locationId: ctx.credential.locationId, skip: String(page.skip), limit: String(page.limit), query: page.query },
  });
  return { contacts: res.data.contacts ?? [], count: res.data.count ?? 0 };
}

/** `GET /contacts/` (deprecated; GHL points to `POST /contacts/search`). */
export async function listContactsLegacy(ctx: GhlCallContext, args: LegacyContactsArgs): Promise<ContactPage> {
  const res = await ctx.client.call<Partial<ContactPage>>(ops.legacyList, ctx.credential, {
    ...call(ctx),
    query: { locationId: ctx.credential.locationId, limit: args.limit, query: args.query, startAfter: args.startAfter, startAfterId: args.startAfterId },
  });
  return { contacts: res.data.contacts ?? [], count: res.data.count ?? 0 };
}

/**
 * The contact GHL's duplicate rule would match for an email and/or phone (`number`), or null.
 * The spec gives no response schema; `{contact}` is the recorded assumption (ASSUMPTIONS.md D8).
 */
export async function findDuplicateContact(ctx: GhlCallContext, by: { email?: string; phone?: string }): Promise<GhlContact | null> {
  const res = await ctx.client.call<{ contact?: GhlContact | null }>(ops.duplicate, ctx.credential, {
    ...call(ctx),
    query: { locationId: ctx.credential.locationId, email: by.email, number: by.phone },
  });
  return res.data.contact ?? null;
}

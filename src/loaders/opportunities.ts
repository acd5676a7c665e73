import DataLoader from 'dataloader';
import type { GhlOpportunity, GhlPipeline, OpportunitySearchBody, OpportunitySearchResult } from '../ghl/endpoints/opportunities.js';
import { getOpportunity, getPipelines, searchOpportunities } from '../ghl/endpoints/opportunities.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** How long each opportunities resource may be served from the cross-request cache. */
export const TTL_MS = {
  opportunity: 30_000,
  opportunitySearch: 15_000,
  opportunitiesByContact: 15_000,
  // Pipelines and stages are configuration: they change rarely and every opportunity points at them.
  opportunityPipelines: 300_000,
};

/** Contacts whose opportunities one search fetches (one OR group of `contact_id` filters). */
const CONTACTS_PER_SEARCH = 50;
const PAGE_LIMIT = 100;
/** A contact with more opportunities than this many pages hold is cut off rather than paged forever. */
const MAX_PAGES = 10;

export const NO_DETAILS = { notes: false, tasks: false, calendarEvents: false, unReadConversations: false } as const;

export function createOpportunityLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const locationId = ghl.credential.locationId;

  const opportunity = kit.byId<GhlOpportunity>('opportunity', TTL_MS.opportunity, (id) => getOpportunity(ghl, id));
  const search = kit.byArgs<OpportunitySearchBody, OpportunitySearchResult>('opportunitySearch', TTL_MS.opportunitySearch, (body) => searchOpportunities(ghl, body));
  const primeAll = (list: readonly GhlOpportunity[]) => {
    for (const o of list) opportunity.prime(o.id, o);
  };

  /**
   * Opportunities of many contacts in one search per batch: the contacts of a page of results
   * resolve `Contact.opportunities` together, in one upstream call rather than one per contact.
   */
  const opportunitiesByContact = new DataLoader<string, GhlOpportunity[]>(
    async (contactIds) => {
      const ids = [...contactIds].sort();
      try {
        const found = await kit.cached('opportunitiesByContact', TTL_MS.opportunitiesByContact, ids.join(','), () => searchAllOf(ids));
        primeAll(found);
        return contactIds.map((id) => found.filter((o) => o.contactId === id));
      } catch (err) {
        return contactIds.map(() => err as Error);
      }
    },
    // GATEWAY_CACHE=off: no memo within the request either, as the kit's loaders.
    { maxBatchSize: CONTACTS_PER_SEARCH, cache: deps.fetcher.enabled },
  );

  async function searchAllOf(contactIds: string[]): Promise<GhlOpportunity[]> {
    const all: GhlOpportunity[] = [];
    let searchAfter: string[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await searchOpportunities(ghl, {
        locationId,
        query: '',
        limit: PAGE_LIMIT,
        page: 1,
        searchAfter,
        additionalDetails: NO_DETAILS,
        filters: [{ group: 'OR', filters: contactIds.map((value) => ({ field: 'contact_id', operator: 'eq', value })) }],
      });
      all.push(...result.opportunities);
      const next = result.opportunities.at(-1)?.searchAfter;
      if (result.opportunities.length < PAGE_LIMIT || all.length >= result.total || !next) break;
      searchAfter = next;
    }
    return all;
  }

  return {
    opportunity,
    /** A search page; its opportunities are primed into `opportunity`, so `opportunity(id)` is free afterwards. */
    opportunitySearch: {
      async load(body: OpportunitySearchBody): Promise<OpportunitySearchResult> {
        const result = await search.load(body);
        primeAll(result.opportunities);
        return result;
      },
      clearAll: () => search.clearAll(),
    },
    opportunitiesByContact,
    /** Every pipeline (with its stages) of a location: one GET serves every `pipeline` and `stage` field. */
    opportunityPipelines: kit.byId<GhlPipeline[]>('opportunityPipelines', TTL_MS.opportunityPipelines, (location) => getPipelines(ghl, location)),
  };
}

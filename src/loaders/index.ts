import DataLoader from 'dataloader';
import type { CallMeter } from '../ghl/client.js';
import type { GhlBusiness } from '../ghl/endpoints/businesses.js';
import { getBusiness } from '../ghl/endpoints/businesses.js';
import type { ContactSearchBody, ContactSearchResult, GhlContact, GhlEvent, GhlNote, GhlTask } from '../ghl/endpoints/contacts.js';
import { getContact, getContactAppointments, getContactNotes, getContactTasks, searchContacts } from '../ghl/endpoints/contacts.js';
import type { GhlCallContext } from '../ghl/endpoints/types.js';
import { cacheKey, type CachedFetcher, type CachedResource, RESOURCE_TTL_MS } from './cache.js';
import { stableKey } from './keys.js';

export interface LoaderMeter extends CallMeter {
  cacheHits: number;
}

export interface LoaderDeps {
  ghl: GhlCallContext;
  fetcher: CachedFetcher;
  meter: LoaderMeter;
}

/**
 * The per-request loaders. Created once per GraphQL request (or per subscription event), never
 * shared: each DataLoader dedupes keys within the request, and reads through the tenant-keyed
 * cross-request cache. GHL has no batch read endpoints, so a batch of N distinct keys becomes N
 * calls, made concurrently; the win is that a key is fetched once however often it is asked for.
 */
export function createLoaders(deps: LoaderDeps) {
  const { ghl, fetcher, meter } = deps;
  const tenant = ghl.credential.tenantKey;

  const cached = <T>(resource: CachedResource, id: string, load: () => Promise<T>) =>
    fetcher.getOrLoad(cacheKey(tenant, resource, id), RESOURCE_TTL_MS[resource], load, meter);

  /** One loader per resource; each key fetched through the cache, failures kept per key. */
  const perKey = <T>(resource: CachedResource, fetchOne: (id: string) => Promise<T>) =>
    new DataLoader<string, T>((ids) => Promise.all(ids.map((id) => cached(resource, id, () => fetchOne(id)).catch((e: Error) => e))));

  const contact = perKey<GhlContact>('contact', (id) => getContact(ghl, id));

  const contactSearch = new DataLoader<ContactSearchBody, ContactSearchResult, string>(
    (bodies) =>
      Promise.all(
        bodies.map(async (body) => {
          try {
            const result = await cached('contactSearch', stableKey(body), () => searchContacts(ghl, body));
            // A search page carries whole contacts: make them available to `contact(id)` too.
            for (const c of result.contacts) contact.prime(c.id, c);
            return result;
          } catch (e) {
            return e as Error;
          }
        }),
      ),
    { cacheKeyFn: stableKey },
  );

  return {
    contact,
    contactSearch,
    contactTasks: perKey<GhlTask[]>('contactTasks', (id) => getContactTasks(ghl, id)),
    contactNotes: perKey<GhlNote[]>('contactNotes', (id) => getContactNotes(ghl, id)),
    contactAppointments: perKey<GhlEvent[]>('contactAppointments', (id) => getContactAppointments(ghl, id)),
    business: perKey<GhlBusiness>('business', (id) => getBusiness(ghl, id)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Every name under which the gateway caches and invalidates: each is a per-request loader (the
 * `createLoaders()` property of that name) and, where the loader reads through the cross-request
 * cache, the `resource` segment of its cache keys. Naming them once lets the compiler catch a
 * misspelt invalidation, which would otherwise drop nothing and serve stale data without a sound.
 * test/unit/cache-resources.test.ts proves the list and the loaders agree.
 */
export const CACHE_RESOURCES = [
  'appointment',
  'appointmentNotes',
  'association',
  'associationByKey',
  'associationPage',
  'associationsByObjectKey',
  'blockedSlots',
  'blogAuthorDirectory',
  'blogAuthorPage',
  'blogCategoryDirectory',
  'blogCategoryPage',
  'blogPage',
  'blogPostPage',
  'blogPostSlugExists',
  'business',
  'businessList',
  'calendar',
  'calendarEvents',
  'calendarFreeSlots',
  /** Per request only: derived from `calendarGroups`, never cached under its own name. */
  'calendarGroup',
  'calendarGroups',
  'calendarList',
  'calendarNotification',
  'calendarNotifications',
  'calendarResource',
  'calendarResources',
  'campaignList',
  'company',
  'companySnapshots',
  'contact',
  'contactAppointments',
  'contactDuplicate',
  'contactFollowers',
  'contactListLegacy',
  'contactNote',
  'contactNotes',
  'contactSearch',
  'contactTask',
  'contactTasks',
  'contactsByBusiness',
  'conversation',
  'conversationMessages',
  'conversationSearch',
  'conversationSummary',
  'customFieldDefinitions',
  'emailMessage',
  'location',
  'locationSearch',
  'locationUsers',
  'message',
  'messageRecording',
  'messageTranscription',
  'messageTranscriptionText',
  'opportunitiesByContact',
  'opportunity',
  'opportunityPipelines',
  'opportunitySearch',
  'recordRelations',
  'user',
  'userByEmail',
  'userSearch',
  'workflowList',
] as const;

export type CacheResource = (typeof CACHE_RESOURCES)[number];

const KNOWN: ReadonlySet<string> = new Set(CACHE_RESOURCES);

/** Narrows a name that arrived untyped (a cast, a config value); throws on one the gateway does not cache. */
export function cacheResource(name: string): CacheResource {
  if (!KNOWN.has(name)) throw new Error(`"${name}" is not a cache resource (see src/loaders/resources.ts)`);
  return name as CacheResource;
}

/**
 * What a write (or a webhook event) made stale:
 * - `records`: resource → keys whose cached copies are stale (e.g. `{ contact: [id] }`);
 * - `lists`: resources whose every cached entry for the tenant is stale (search pages, lists
 *   keyed by arguments): they move to a new cache generation.
 */
export interface StaleEntries {
  records?: Partial<Record<CacheResource, readonly string[]>>;
  lists?: readonly CacheResource[];
}

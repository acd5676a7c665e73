/**
 * Every stream a subscriber can watch: the `resource` of a poll source (sources.ts), which
 * webhooks (webhooks/changes.ts) and the gateway's own writes (schema/shared/publish-write.ts)
 * feed by the same name, so a poll, a webhook and a write of one change meet in one snapshot.
 * Naming them once lets the compiler catch a misspelt stream, which would otherwise publish to
 * nobody without a sound. test/unit/watched-resources.test.ts proves each name has its source.
 */
export const WATCHED_RESOURCES = [
  'business',
  'calendarEvent',
  'contact',
  'contactAppointment',
  'contactNote',
  'contactTask',
  'conversation',
  'conversationMessage',
  'opportunity',
  'user',
] as const;

export type WatchedResource = (typeof WATCHED_RESOURCES)[number];

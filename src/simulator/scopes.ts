import { readFileSync } from 'node:fs';

/**
 * Which scopes a seeded full-access private integration token holds: every scope a Sub-Account can
 * be granted. Sources: the Sub-Account rows of docs/oauth/Scopes.md (copied below, since the docs
 * are not vendored into the repo) plus every catalog scope used by an operation that accepts a
 * location token. Agency-only scopes (e.g. `locations.write`, `snapshots.readonly`,
 * `companies.readonly`) are left out: a location token cannot hold them.
 */
const SCOPES_MD_SUB_ACCOUNT = `
blogs/author.readonly blogs/category.readonly blogs/check-slug.readonly blogs/list.readonly blogs/post-update.write
blogs/post.write blogs/posts.readonly businesses.readonly businesses.write calendars.readonly calendars.write
calendars/events.readonly calendars/events.write calendars/groups.readonly calendars/groups.write
calendars/resources.readonly calendars/resources.write campaigns.readonly contacts.readonly contacts.write
conversations.readonly conversations.write conversations/livechat.write conversations/message.readonly
conversations/message.write courses.write emails/builder.readonly emails/builder.write emails/schedule.readonly
forms.readonly funnels/funnel.readonly funnels/page.readonly funnels/pagecount.readonly funnels/redirect.readonly
funnels/redirect.write invoices.readonly invoices.write invoices/schedule.readonly invoices/schedule.write
invoices/template.readonly invoices/template.write links.readonly links.write locations.readonly
locations/customFields.readonly locations/customFields.write locations/customValues.readonly
locations/customValues.write locations/tags.readonly locations/tags.write locations/tasks.readonly
locations/templates.readonly medias.readonly medias.write objects/record.readonly objects/record.write
objects/schema.readonly objects/schema.write opportunities.readonly opportunities.write
payments/integration.readonly payments/integration.write payments/orders.readonly payments/orders.write
payments/subscriptions.readonly payments/transactions.readonly products.readonly products.write
products/prices.readonly products/prices.write saas/company.write saas/location.read saas/location.write
socialplanner/account.readonly socialplanner/account.write socialplanner/category.readonly
socialplanner/csv.readonly socialplanner/csv.write socialplanner/oauth.readonly socialplanner/oauth.write
socialplanner/post.readonly socialplanner/post.write socialplanner/tag.readonly surveys.readonly users.readonly
users.write workflows.readonly
`;

const LOCATION_SCHEMES = new Set(['bearer', 'Location-Access', 'Location-Access-Only']);

interface CatalogEntry {
  scopes: string[];
  securitySchemes: string[];
}

let cached: readonly string[] | null = null;

export function locationScopes(): readonly string[] {
  if (cached) return cached;
  const catalog = JSON.parse(readFileSync(new URL('../ghl/openapi/operations.json', import.meta.url), 'utf8')) as CatalogEntry[];
  const fromCatalog = catalog.filter((e) => e.securitySchemes.some((s) => LOCATION_SCHEMES.has(s))).flatMap((e) => e.scopes);
  cached = [...new Set([...SCOPES_MD_SUB_ACCOUNT.split(/\s+/).filter(Boolean), ...fromCatalog])].sort();
  return cached;
}

/** The scopes of GHL's own OAuth endpoints (docs/oauth/Scopes.md: Agency only). */
export const OAUTH_SCOPES: readonly string[] = ['oauth.readonly', 'oauth.write'];

let agencyCached: readonly string[] | null = null;
let companyGrantable: ReadonlySet<string> | null = null;

/** The seeded agency token's scopes: every Sub-Account scope plus `oauth.readonly oauth.write`. */
export function agencyScopes(): readonly string[] {
  agencyCached ??= [...new Set([...locationScopes(), ...OAUTH_SCOPES, ...agencyOnlyCatalogScopes()])].sort();
  return agencyCached;
}

/** Scopes of the catalog operations only an agency token may call (create location, companies, snapshots…). */
function agencyOnlyCatalogScopes(): string[] {
  const catalog = JSON.parse(readFileSync(new URL('../ghl/openapi/operations.json', import.meta.url), 'utf8')) as (CatalogEntry & { securitySchemes: string[] })[];
  return catalog.filter((e) => e.securitySchemes.length > 0 && e.securitySchemes.every((x) => x.startsWith('Agency-'))).flatMap((e) => e.scopes);
}

/**
 * Scopes a grant of this user type can hold: a Location grant only Sub-Account scopes; a Company
 * grant those plus every other catalog scope (the agency-only ones) and `oauth.*`.
 */
export function grantableScopes(userType: 'Location' | 'Company'): ReadonlySet<string> {
  if (userType === 'Location') return new Set(locationScopes());
  if (!companyGrantable) {
    const catalog = JSON.parse(readFileSync(new URL('../ghl/openapi/operations.json', import.meta.url), 'utf8')) as CatalogEntry[];
    companyGrantable = new Set([...agencyScopes(), ...catalog.flatMap((e) => e.scopes)]);
  }
  return companyGrantable;
}

/**
 * Which tokens a security scheme admits (digest §2): `bearer`/`Location-Access` a Sub-Account
 * token (OAuth or private integration), `Location-Access-Only` a Sub-Account OAuth token,
 * `Agency-Access` an Agency token (the simulator has no agency private integration tokens) and
 * `Agency-Access-Only` an Agency OAuth token. An unknown scheme name admits Sub-Account tokens.
 */
export function schemeAdmits(scheme: string, token: { kind: string; userType: 'Location' | 'Company' }): boolean {
  switch (scheme) {
    case 'Location-Access-Only':
      return token.userType === 'Location' && token.kind === 'oauth';
    case 'Agency-Access':
      return token.userType === 'Company';
    case 'Agency-Access-Only':
      return token.userType === 'Company' && token.kind === 'oauth';
    default:
      return token.userType === 'Location';
  }
}

export const READONLY_SCOPES: readonly string[] = ['contacts.readonly'];

/**
 * Scopes for the catalog operations whose spec has no security block. GHL still wants a token for
 * them; these are the scopes that govern the same resource elsewhere in the spec (the gateway's
 * src/ghl/operations.ts makes the same choice).
 */
export const SCOPE_GAPS: Record<string, string[]> = {
  'POST /contacts/bulk/tags/update/{type}': ['contacts.write'],
  'POST /contacts/bulk/business': ['contacts.write'],
  'GET /conversations/messages/email/{id}': ['conversations/message.readonly'],
};

/** Operations that take no bearer token at all. */
export const UNAUTHENTICATED_OPERATIONS = new Set(['POST /oauth/token']);

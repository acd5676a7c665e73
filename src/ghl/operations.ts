import { readFileSync } from 'node:fs';

/**
 * GHL operation metadata, read from the vendored catalog (operations.json) and specs, never
 * hand-written: the method, path, `Version` header and required scopes of every call the gateway
 * can make. Endpoint functions refer to operations by key (`"GET /contacts/{contactId}"`), and an
 * unknown key fails at module load, so a typo never reaches GHL.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface GhlOperation {
  /** `METHOD path`, unique (operationIds are not: two specs use `create-association`). */
  readonly key: string;
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** The token needs one of these scopes. Empty means the spec states none (see SCOPE_GAPS). */
  readonly scopes: readonly string[];
  /** Value of the required `Version` header, or null where the spec declares none. */
  readonly version: string | null;
  readonly securitySchemes: readonly string[];
  readonly deprecated: boolean;
  /** `trigger`/`action` for catalog entries; `oauth` for the token endpoints outside the catalog. */
  readonly kind: 'trigger' | 'action' | 'oauth';
  readonly category: string;
  readonly summary: string;
}

interface CatalogEntry {
  category: string;
  name: string;
  kind: 'trigger' | 'action';
  method: HttpMethod;
  path: string;
  operationId: string;
  scopes: string[];
  deprecated: boolean;
  summary: string;
  securitySchemes: string[];
  versionHeader: string | null;
}

interface SpecOperation {
  operationId: string;
  summary?: string;
  deprecated?: boolean;
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  security?: Record<string, string[]>[];
}

/**
 * Three catalog operations have no security block in the spec (README §2, "a spec gap").
 * GHL still requires a token for them; the gateway asks for the scope that governs the same
 * resource elsewhere in the spec, so a read-only token cannot reach a bulk write.
 */
const SCOPE_GAPS: Record<string, string[]> = {
  'POST /contacts/bulk/tags/update/{type}': ['contacts.write'],
  'POST /contacts/bulk/business': ['contacts.write'],
  'GET /conversations/messages/email/{id}': ['conversations/message.readonly'],
};

const readJson = <T>(relative: string): T =>
  JSON.parse(readFileSync(new URL(`./openapi/${relative}`, import.meta.url), 'utf8')) as T;

function buildRegistry(): Map<string, GhlOperation> {
  const registry = new Map<string, GhlOperation>();
  for (const entry of readJson<CatalogEntry[]>('operations.json')) {
    const key = `${entry.method} ${entry.path}`;
    if (registry.has(key)) continue; // get-duplicate-contact is listed as both trigger and action
    registry.set(key, {
      key,
      operationId: entry.operationId,
      method: entry.method,
      path: entry.path,
      scopes: entry.scopes.length > 0 ? entry.scopes : (SCOPE_GAPS[key] ?? []),
      version: entry.versionHeader,
      securitySchemes: entry.securitySchemes,
      deprecated: entry.deprecated,
      kind: entry.kind,
      category: entry.category,
      summary: entry.summary,
    });
  }
  // The OAuth endpoints are not in the catalog but the gateway calls them; take them from the spec.
  const oauth = readJson<{ paths: Record<string, Record<string, SpecOperation>> }>('apps/oauth.json');
  for (const [path, methods] of Object.entries(oauth.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as HttpMethod;
      const key = `${method} ${path}`;
      const versionParam = op.parameters?.find((p) => p.in === 'header' && p.name === 'Version');
      registry.set(key, {
        key,
        operationId: op.operationId,
        method,
        path,
        scopes: (op.security ?? []).flatMap((s) => Object.values(s).flat()),
        version: versionParam?.schema?.enum?.[0] ?? null,
        securitySchemes: (op.security ?? []).flatMap((s) => Object.keys(s)),
        deprecated: op.deprecated ?? false,
        kind: 'oauth',
        category: 'OAuth',
        summary: op.summary ?? op.operationId,
      });
    }
  }
  return registry;
}

const registry = buildRegistry();

/** Looks up an operation by `METHOD path`; throws on an unknown key (at import time for endpoint modules). */
export function operation(key: string): GhlOperation {
  const op = registry.get(key);
  if (!op) throw new Error(`Unknown GHL operation "${key}": not in operations.json or the OAuth spec`);
  return op;
}

/** Every operation the gateway knows, catalog first. */
export function allOperations(): GhlOperation[] {
  return [...registry.values()];
}

/** The scopes that appear anywhere in the catalog: what "all scopes" means for a full-access token. */
export function allCatalogScopes(): string[] {
  return [...new Set(allOperations().flatMap((o) => o.scopes))].sort();
}

/**
 * Scopes a sub-account (location) token can use: those of operations that accept a location
 * credential. Agency-only operations (create location, companies, snapshots) drop out.
 */
export function locationLevelScopes(): string[] {
  const agencyOnly = (o: GhlOperation) => o.securitySchemes.length > 0 && o.securitySchemes.every((s) => s.startsWith('Agency-'));
  return [...new Set(allOperations().filter((o) => o.kind !== 'oauth' && !agencyOnly(o)).flatMap((o) => o.scopes))].sort();
}

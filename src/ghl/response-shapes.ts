import type { Ajv, ValidateFunction } from 'ajv';
import type { GhlOperation } from './operations.js';
import { readSpecDocuments, specAjv, specRef } from './openapi/spec-schema.js';
import { responseOverlays, supplementalResponses } from './openapi/supplements.js';

/**
 * Checks GHL's answers to reads against the vendored specs before the gateway believes (and
 * caches) them. A read is cached by the loaders, so a body of the wrong shape would be served
 * again and again; it is refused instead (the client turns the violations into a
 * `GhlUpstreamShapeError`).
 *
 * Cost: one ajv validator per (operation, status), compiled on first use and kept for the
 * process; ajv compiles a schema to a plain function, so a check is one pass over the body,
 * stopping at the first violation (`allErrors: false`). Writes are not checked: their answers
 * are not cached, and a refused write would leave the caller unsure whether it happened.
 */

/** POST operations that are reads (their answers are cached like a GET's). */
const POST_READS = new Set(['POST /contacts/search', 'POST /opportunities/search', 'POST /users/search/filter-by-email']);

export const isCheckedRead = (op: GhlOperation): boolean => op.method === 'GET' || POST_READS.has(op.key);

let ajv: Ajv | null = null;
let schemaRefs: Map<string, string> | null = null;
/** `KEY status` → validator; null where the spec declares no schema for that answer. */
const validators = new Map<string, ValidateFunction | null>();

/**
 * The violations of `body` as GHL's answer (`status`) to `op`, at most three, each a JSON
 * pointer and ajv's message: never the values themselves, so no token or personal data.
 * Empty when the body conforms, or when neither the spec nor the supplements describe it.
 */
export function responseViolations(op: GhlOperation, status: number, body: unknown): string[] {
  const cacheKey = `${op.key} ${status}`;
  let validate = validators.get(cacheKey);
  if (validate === undefined) {
    validate = compile(op.key, String(status));
    validators.set(cacheKey, validate);
  }
  if (!validate || validate(body)) return [];
  return (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

function compile(key: string, status: string): ValidateFunction | null {
  ajv ??= specAjv({ allErrors: false, coerceTypes: false });
  const ref = responseSchemaRefs().get(`${key} ${status}`) ?? (supplementalResponses[key]?.[status] as { $id?: string } | undefined)?.$id;
  if (!ref) return null;
  const overlay = responseOverlays[key];
  return ajv.compile(overlay ? { allOf: [{ $ref: ref }, overlay] } : { $ref: ref });
}

/** `KEY status` → the ajv ref of that answer's JSON schema, for every operation of every spec. */
function responseSchemaRefs(): Map<string, string> {
  if (schemaRefs) return schemaRefs;
  schemaRefs = new Map();
  for (const { id, doc } of readSpecDocuments().apps) {
    for (const [path, item] of Object.entries<Record<string, any>>(doc['paths'] ?? {})) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const [status, response] of Object.entries<any>(op?.responses ?? {})) {
          if (!response?.content?.['application/json']?.schema) continue;
          schemaRefs.set(`${method.toUpperCase()} ${path} ${status}`, specRef(id, ['paths', path, method, 'responses', status, 'content', 'application/json', 'schema']));
        }
      }
    }
  }
  return schemaRefs;
}

import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SCHEMA_BASE, supplementalRequestBodies, supplementalResponses } from './supplements.js';

/**
 * The vendored specs as JSON Schema, for ajv: shared by the gateway's response checks
 * (src/ghl/response-shapes.ts) and the simulator's request and response validation
 * (src/simulator/openapi.ts). Specs are read from this folder, never from the network.
 */

export interface SpecDocument {
  /** e.g. `contacts.json`. */
  file: string;
  /** The id ajv knows the document by, so `../common/…` refs resolve. */
  id: string;
  doc: Record<string, any>;
}

const OPENAPI_DIR = new URL('./', import.meta.url);
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

let documents: { apps: SpecDocument[]; common: SpecDocument } | null = null;

/** Reads and normalizes every app spec and the common schemas, once per process. */
export function readSpecDocuments(): { apps: SpecDocument[]; common: SpecDocument } {
  if (documents) return documents;
  const readDoc = (rel: string): Record<string, any> => JSON.parse(readFileSync(new URL(rel, OPENAPI_DIR), 'utf8'));
  const appFiles = readdirSync(new URL('apps/', OPENAPI_DIR)).filter((f) => f.endsWith('.json')).sort();
  documents = {
    apps: appFiles.map((file) => ({ file, id: `${SCHEMA_BASE}apps/${file}`, doc: normalizeDocument(readDoc(`apps/${file}`)) })),
    common: { file: 'common-schemas.json', id: `${SCHEMA_BASE}common/common-schemas.json`, doc: normalizeDocument(readDoc('common/common-schemas.json')) },
  };
  return documents;
}

/** An ajv that knows every spec document and the supplements; schemas compile lazily from it. */
export function specAjv(options: Pick<Options, 'allErrors' | 'coerceTypes'>): Ajv {
  const { apps, common } = readSpecDocuments();
  const ajv = new Ajv({ strict: false, validateSchema: false, logger: false, ...options });
  addFormats(ajv);
  for (const d of [...apps, common]) ajv.addSchema(d.doc, d.id);
  for (const s of [...Object.values(supplementalRequestBodies), ...Object.values(supplementalResponses).flatMap((r) => Object.values(r))]) {
    ajv.addSchema(s);
  }
  return ajv;
}

const escapeSegment = (s: string | number): string => encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'));
/** An absolute ajv ref to a position in a spec document. */
export const specRef = (docId: string, segments: (string | number)[]): string => `${docId}#/${segments.map(escapeSegment).join('/')}`;

/** Applies OpenAPI 3.0 → JSON Schema normalization to every schema position of a document. */
function normalizeDocument(doc: Record<string, any>): Record<string, any> {
  const schemas = doc['components']?.['schemas'] ?? {};
  for (const name of Object.keys(schemas)) schemas[name] = normalizeSchema(schemas[name]);
  for (const item of Object.values<any>(doc['paths'] ?? {})) {
    for (const [key, op] of Object.entries<any>(item)) {
      if (key === 'parameters') {
        for (const p of op) if (p.schema) p.schema = normalizeSchema(p.schema);
        continue;
      }
      for (const p of op.parameters ?? []) if (p.schema) p.schema = normalizeSchema(p.schema);
      for (const c of Object.values<any>(op.requestBody?.content ?? {})) if (c.schema) c.schema = normalizeSchema(c.schema);
      for (const r of Object.values<any>(op.responses ?? {})) for (const c of Object.values<any>(r?.content ?? {})) if (c.schema) c.schema = normalizeSchema(c.schema);
    }
  }
  return doc;
}

/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07) as ajv reads it:
 * - `$ref` siblings are ignored in OpenAPI 3.0, so they are dropped;
 * - `nullable: true` becomes a `null` member of `type` (and of `enum`);
 * - `example`/`examples` are annotations only;
 * - `type: object` without properties whose example is not an object is how NestJS's Swagger
 *   plugin writes a union or `any` (e.g. `dateOfBirth`, example "1990-09-25"): it becomes untyped;
 * - `type: "any"` (not a JSON Schema type) becomes untyped too.
 */
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

export function normalizeSchema(schema: any): any {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries<any>(schema)) {
    if (k === 'example' || k === 'examples' || k === 'nullable') continue;
    if (k === 'properties' || k === 'patternProperties' || k === 'definitions') {
      out[k] = Object.fromEntries(Object.entries<any>(v).map(([pk, pv]) => [pk, normalizeSchema(pv)]));
    } else if (k === 'items' || k === 'additionalProperties' || k === 'not' || k === 'additionalItems') {
      out[k] = Array.isArray(v) ? v.map(normalizeSchema) : normalizeSchema(v);
    } else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
      out[k] = (v as unknown[]).map(normalizeSchema);
    } else {
      out[k] = v;
    }
  }
  const untypedObject =
    out['type'] === 'object' && !out['properties'] && !out['additionalProperties'] && 'example' in schema && (schema.example === null || typeof schema.example !== 'object' || Array.isArray(schema.example));
  if (untypedObject) delete out['type'];
  // `items: {type: "array"}` with nothing inside is how these specs write an array of untyped
  // elements (pipeline `stages`, opportunity `followers`): GHL sends objects and strings there.
  const items = out['items'];
  if (out['type'] === 'array' && items && typeof items === 'object' && !Array.isArray(items) && Object.keys(items).length === 1 && items.type === 'array') delete out['items'];
  // Some params say `type: "any"`, which is no JSON Schema type.
  if (typeof out['type'] === 'string' && !JSON_TYPES.has(out['type'])) delete out['type'];
  if (schema.nullable === true) {
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
    else if (Array.isArray(out['type']) && !out['type'].includes('null')) out['type'] = [...out['type'], 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  }
  return out;
}

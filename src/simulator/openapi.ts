import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { requestMessages, responseMessages } from './messages.js';
import { Router, type RouteMatch } from './router.js';
import { SCHEMA_BASE, supplementalRequestBodies, supplementalResponses } from './supplements.js';

/**
 * The vendored GHL OpenAPI specs as the simulator's contract: one router over every path of every
 * spec, and ajv validators for parameters, bodies and responses. Specs are read from the repo
 * (src/ghl/openapi), never from the network.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Absolute ajv ref of the parameter's schema. */
  schemaRef: string;
}

export interface SpecOperation {
  /** `METHOD path`: unique, unlike operationId. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId: string;
  /** e.g. `contacts.json`. */
  specFile: string;
  parameters: SpecParameter[];
  requestBody: { required: boolean; contentTypes: string[]; schemaRefs: Record<string, string> } | null;
  /** Declared status codes (`"200"`, `"401"`, …) and the ajv ref of their JSON schema, if any. */
  responses: Record<string, string | null>;
  /** The spec's `security` block; null when the operation has none. */
  security: Record<string, string[]>[] | null;
  /** Enum of the `Version` header; null when the operation declares no such header. */
  versions: string[] | null;
  deprecated: boolean;
}

export interface LoadedSpecs {
  operations: readonly SpecOperation[];
  byKey: ReadonlyMap<string, SpecOperation>;
  router: Router<SpecOperation>;
}

export interface RequestInput {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed body (JSON value or form fields); undefined when none was sent. */
  body: unknown;
  /** Skip the `Version` header's enum check (the `published` version policy checks it instead, versions.ts). */
  skipVersionHeader?: boolean;
}

export interface RequestValidation {
  /** One message per violation; empty when the request conforms. */
  errors: string[];
  /** Query with spec types applied (`"20"` → 20 where the spec says number). */
  query: Record<string, unknown>;
  body: unknown;
}

const OPENAPI_DIR = new URL('../ghl/openapi/', import.meta.url);
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

let loaded: (LoadedSpecs & { bodyAjv: Ajv; paramAjv: Ajv }) | null = null;
const validators = new Map<string, ValidateFunction>();

/** Reads and indexes the specs once per process. */
export function loadSpecs(): LoadedSpecs {
  if (loaded) return loaded;
  const docs: { file: string; id: string; doc: Record<string, any> }[] = [];
  const readDoc = (rel: string): Record<string, any> => JSON.parse(readFileSync(new URL(rel, OPENAPI_DIR), 'utf8'));
  const appFiles = readdirSync(new URL('apps/', OPENAPI_DIR)).filter((f) => f.endsWith('.json')).sort();
  for (const file of appFiles) docs.push({ file, id: `${SCHEMA_BASE}apps/${file}`, doc: normalizeDocument(readDoc(`apps/${file}`)) });
  const common = { file: 'common-schemas.json', id: `${SCHEMA_BASE}common/common-schemas.json`, doc: normalizeDocument(readDoc('common/common-schemas.json')) };

  // Two instances: parameters arrive as strings and need coercion; JSON bodies must not be coerced.
  const makeAjv = (coerce: boolean): Ajv => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: coerce ? 'array' : false, logger: false });
    addFormats(ajv);
    for (const d of [...docs, common]) ajv.addSchema(d.doc, d.id);
    for (const s of [...Object.values(supplementalRequestBodies), ...Object.values(supplementalResponses).flatMap((r) => Object.values(r))]) {
      ajv.addSchema(s);
    }
    return ajv;
  };

  const operations: SpecOperation[] = [];
  const router = new Router<SpecOperation>();
  for (const { file, id, doc } of docs) {
    for (const [path, item] of Object.entries<Record<string, any>>(doc['paths'] ?? {})) {
      for (const method of METHODS) {
        const op = item[method.toLowerCase()];
        if (!op) continue;
        const opPointer = ['paths', path, method.toLowerCase()];
        const parameters: SpecParameter[] = [];
        const rawParams: any[] = [...(item['parameters'] ?? []).map((p: any, i: number) => ({ p, at: ['paths', path, 'parameters', i] })), ...(op.parameters ?? []).map((p: any, i: number) => ({ p, at: [...opPointer, 'parameters', i] }))];
        for (const { p, at } of rawParams) {
          const param = p.$ref ? resolveLocal(doc, p.$ref) : p;
          const schemaAt = p.$ref ? [...refToSegments(p.$ref), 'schema'] : [...at, 'schema'];
          parameters.push({ name: param.name, in: param.in, required: param.required === true || param.in === 'path', schemaRef: ref(id, schemaAt) });
        }
        const versionParam = parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'version');
        const versionSchema = (op.parameters ?? []).find((p: any) => p.in === 'header' && String(p.name).toLowerCase() === 'version')?.schema;
        const content: Record<string, unknown> = op.requestBody?.content ?? {};
        const responses: Record<string, string | null> = {};
        for (const [status, r] of Object.entries<any>(op.responses ?? {})) {
          responses[status] = r?.content?.['application/json']?.schema ? ref(id, [...opPointer, 'responses', status, 'content', 'application/json', 'schema']) : null;
        }
        const spec: SpecOperation = {
          key: `${method} ${path}`,
          method,
          path,
          operationId: op.operationId,
          specFile: file,
          parameters,
          requestBody: op.requestBody
            ? {
                required: op.requestBody.required === true,
                contentTypes: Object.keys(content),
                schemaRefs: Object.fromEntries(Object.keys(content).map((ct) => [ct, ref(id, [...opPointer, 'requestBody', 'content', ct, 'schema'])])),
              }
            : null,
          responses,
          security: op.security ?? doc['security'] ?? null,
          versions: versionParam ? ((versionSchema?.enum as string[] | undefined) ?? null) : null,
          deprecated: op.deprecated === true,
        };
        operations.push(spec);
        router.add(method, path, spec);
      }
    }
  }
  loaded = { operations, byKey: new Map(operations.map((o) => [o.key, o])), router, bodyAjv: makeAjv(false), paramAjv: makeAjv(true) };
  return loaded;
}

export function matchRoute(method: string, path: string): RouteMatch<SpecOperation> | null {
  return loadSpecs().router.match(method, path);
}

export function getOperation(key: string): SpecOperation {
  const op = loadSpecs().byKey.get(key);
  if (!op) throw new Error(`No operation "${key}" in the specs`);
  return op;
}

/** Checks a request against the operation's parameters, `Version` header and body schema. */
export function validateRequest(opOrKey: SpecOperation | string, input: RequestInput): RequestValidation {
  const op = typeof opOrKey === 'string' ? getOperation(opOrKey) : opOrKey;
  const errors: string[] = [];

  for (const p of op.parameters.filter((x) => x.in === 'header' && !(input.skipVersionHeader && x.name.toLowerCase() === 'version'))) {
    const raw = input.headers[p.name.toLowerCase()];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') {
      if (p.required) errors.push(`${p.name} header is required`);
      continue;
    }
    const holder = { [p.name]: value };
    const v = objectValidator('param', [p]);
    if (!v(holder)) errors.push(...requestMessages(v.errors, p.name).map((m) => m.replace(new RegExp(`^${p.name} `), `${p.name} header `)));
  }

  const params = { ...input.params };
  const pathParams = op.parameters.filter((x) => x.in === 'path');
  const pv = objectValidator('param', pathParams);
  if (!pv(params)) errors.push(...requestMessages(pv.errors, 'path'));

  const query: Record<string, unknown> = { ...input.query };
  const queryParams = op.parameters.filter((x) => x.in === 'query');
  const qv = objectValidator('param', queryParams);
  if (!qv(query)) errors.push(...requestMessages(qv.errors, 'query'));

  // Express parses a missing body as {} and class-validator then reports the missing fields.
  let body = input.body;
  if (op.requestBody) {
    body ??= {};
    const ct = op.requestBody.contentTypes.find((c) => c === 'application/json' || c === 'application/x-www-form-urlencoded');
    if (ct) {
      const bv = compiled('body', op.requestBody.schemaRefs[ct] as string);
      if (!bv(body)) errors.push(...requestMessages(bv.errors, 'body'));
    }
    const extra = supplementalRequestBodies[op.key] as { $id?: string } | undefined;
    if (extra?.$id) {
      const sv = compiled('body', extra.$id);
      if (!sv(body)) errors.push(...requestMessages(sv.errors, 'body'));
    }
  }
  return { errors: [...new Set(errors)], query, body };
}

/**
 * Checks a response body against the spec (or the simulator's supplement where the spec has no
 * schema). Returns the violations; an empty list means it conforms.
 */
export function validateResponse(method: string, routeTemplate: string, status: number, body: unknown): string[] {
  const key = `${method.toUpperCase()} ${routeTemplate}`;
  const op = loadSpecs().byKey.get(key);
  if (!op) return [`${key} is not an operation of the specs`];
  const code = String(status);
  if (!(code in op.responses)) return [`status ${code} is not declared for ${key} (declared: ${Object.keys(op.responses).join(', ')})`];
  const schemaRef = op.responses[code] ?? (supplementalResponses[key]?.[code] as { $id?: string } | undefined)?.$id ?? null;
  if (!schemaRef) return [];
  const v = compiled('body', schemaRef);
  return v(body) ? [] : responseMessages(v.errors);
}

/** Compiles every request and response validator: proves the normalized specs are usable. */
export function compileAllSchemas(): string[] {
  const problems: string[] = [];
  for (const op of loadSpecs().operations) {
    const refs = [...op.parameters.map((p) => p.schemaRef), ...Object.values(op.requestBody?.schemaRefs ?? {}), ...Object.values(op.responses).filter((r): r is string => r !== null)];
    for (const r of refs) {
      try {
        compiled('body', r);
      } catch (err) {
        problems.push(`${op.key}: ${r}: ${(err as Error).message}`);
      }
    }
  }
  return problems;
}

function compiled(kind: 'body' | 'param', schemaRef: string): ValidateFunction {
  const cacheKey = `${kind} ${schemaRef}`;
  let v = validators.get(cacheKey);
  if (!v) {
    const specs = loadSpecs() as NonNullable<typeof loaded>;
    v = (kind === 'body' ? specs.bodyAjv : specs.paramAjv).compile({ $ref: schemaRef });
    validators.set(cacheKey, v);
  }
  return v;
}

/** An object schema over a set of parameters, so ajv coerces each value in place. */
function objectValidator(kind: 'param', params: SpecParameter[]): ValidateFunction {
  const cacheKey = `${kind} obj ${params.map((p) => `${p.name}:${p.required}:${p.schemaRef}`).join('|')}`;
  let v = validators.get(cacheKey);
  if (!v) {
    const specs = loadSpecs() as NonNullable<typeof loaded>;
    v = specs.paramAjv.compile({
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, { $ref: p.schemaRef }])),
      required: params.filter((p) => p.required).map((p) => p.name),
    });
    validators.set(cacheKey, v);
  }
  return v;
}

const escapeSegment = (s: string | number): string => encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'));
const ref = (docId: string, segments: (string | number)[]): string => `${docId}#/${segments.map(escapeSegment).join('/')}`;
const refToSegments = (r: string): string[] =>
  r
    .replace(/^#\//, '')
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));

function resolveLocal(doc: Record<string, any>, r: string): any {
  let node: any = doc;
  for (const s of refToSegments(r)) node = node?.[s];
  if (node === undefined) throw new Error(`Unresolvable $ref ${r}`);
  return node;
}

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

import type { Ajv, ValidateFunction } from 'ajv';
import { readSpecDocuments, specAjv, specRef } from '../ghl/openapi/spec-schema.js';

export { normalizeSchema } from '../ghl/openapi/spec-schema.js';
import { requestMessages, responseMessages } from './messages.js';
import { Router, type RouteMatch } from './router.js';
import { supplementalRequestBodies, supplementalResponses } from './supplements.js';

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

let loaded: (LoadedSpecs & { bodyAjv: Ajv; paramAjv: Ajv }) | null = null;
const validators = new Map<string, ValidateFunction>();

/** Reads and indexes the specs once per process. */
export function loadSpecs(): LoadedSpecs {
  if (loaded) return loaded;
  const { apps: docs, common } = readSpecDocuments();

  // Two instances: parameters arrive as strings and need coercion; JSON bodies must not be coerced.
  const makeAjv = (coerce: boolean): Ajv => specAjv({ allErrors: true, coerceTypes: coerce ? 'array' : false });

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

const ref = specRef;
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

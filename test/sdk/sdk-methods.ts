import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The official SDK's service methods, read from its published sources: each generated method
 * names its HTTP method and path template, its parameters (`paramDefs`) and whether it takes a
 * request body. This is how the contract suite maps SDK methods to catalog operations without a
 * hand-kept table that could drift from the SDK.
 */
export interface SdkMethod {
  /** Property of the `HighLevel` instance, e.g. `customFields`. */
  service: string;
  /** e.g. `getContact`. */
  name: string;
  httpMethod: string;
  /** As the SDK writes it, e.g. `/contacts/{contactId}`. */
  path: string;
  /** The method's own argument names, in order: `params`, `requestBody`, `options`. */
  args: string[];
  /** Spec parameter names and where they go, e.g. `{ name: 'location_id', in: 'query' }`. */
  paramDefs: { name: string; in: string }[];
}

const require = createRequire(import.meta.url);
const CODE_DIR = join(dirname(require.resolve('@gohighlevel/api-client')), 'lib', 'code');

/** `custom-fields` → `customFields`, as `HighLevel.initializeServices` names its services. */
const serviceName = (dir: string): string => dir.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export function sdkMethods(): SdkMethod[] {
  const out: SdkMethod[] = [];
  for (const dir of readdirSync(CODE_DIR).sort()) {
    const source = readFileSync(join(CODE_DIR, dir, `${dir}.js`), 'utf8');
    // One chunk per method, so a pattern never runs from one method into the next.
    for (const chunk of source.split(/\n {4}async /).slice(1)) {
      const head = /^(\w+)\(([^)]*)\)/.exec(chunk);
      const call = /method: '(\w+)',\s*url: \(0, request_utils_1\.buildUrl\)\('([^']+)'/.exec(chunk);
      if (!head || !call) continue;
      const defs = /const paramDefs = \[(.*?)\];/.exec(chunk)?.[1] ?? '';
      const paramDefs = [...defs.matchAll(/\{ name: '([^']+)', in: '(\w+)' \}/g)].map((m) => ({ name: m[1] as string, in: m[2] as string }));
      out.push({ service: serviceName(dir), name: head[1] as string, httpMethod: call[1] as string, path: call[2] as string, args: (head[2] as string).split(',').map((a) => a.trim()).filter(Boolean), paramDefs });
    }
  }
  return out;
}

/** The key used by operations.json and the simulator, trailing slash aside: `GET /contacts/{contactId}`. */
export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\/+$/, '') || '/'}`;

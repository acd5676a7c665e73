import { GhlUnsafePathError } from './errors.js';
import type { GhlOperation } from './operations.js';

/** Any base will do: only the path of the parsed URL is read. */
const PARSE_BASE = 'http://ghl.invalid';

/**
 * Fills an operation's path template (`/contacts/{contactId}/tasks/{taskId}`) with encoded values,
 * and refuses the result unless it still names the same resource.
 *
 * `encodeURIComponent` leaves `.` and `..` as they are, and URL parsing (ours, undici's, any proxy's)
 * collapses them: `/contacts/C/tasks/..` becomes `/contacts/C/`, so a DELETE of a task would delete
 * its contact. The filled path must therefore equal its own normalized form; an empty value, which
 * would merge two segments, is refused too. Values are never echoed: they may be huge or hostile.
 */
export function buildPath(op: GhlOperation, params: Readonly<Record<string, string>> = {}): string {
  const filled = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new GhlUnsafePathError(op.key, name, 'is missing or empty');
    return encodeURIComponent(value);
  });
  const normalized = new URL(filled, PARSE_BASE).pathname;
  if (normalized !== filled) {
    const culprit = pathParameterNames(op.path).find((name) => isDotSegment(encodeURIComponent(params[name] ?? ''))) ?? 'path';
    throw new GhlUnsafePathError(op.key, culprit, `would change the request path to ${normalized.length > 200 ? 'another resource' : normalized}`);
  }
  return filled;
}

/** The `{name}`s of a path template, in order. */
export function pathParameterNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

/** What URL parsing treats as "this" or "parent" segment, including the percent-encoded spellings. */
function isDotSegment(segment: string): boolean {
  return /^(?:\.|%2e){1,2}$/i.test(segment);
}

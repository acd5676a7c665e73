import { operation } from '../../ghl/operations.js';

/** What a field records about the GHL operations behind it (read by codegen for the README table). */
export interface GhlTrace {
  operationId: string;
  method: string;
  path: string;
}

/**
 * Field options that state which GHL operations a field calls: a line in its description and a
 * `ghl` field extension. Unknown operation keys fail at schema build.
 *
 *   t.field({ ...traced('One contact by id.', 'GET /contacts/{contactId}'), type: Contact, … })
 */
export function traced(description: string, ...operationKeys: string[]): { description: string; extensions: { ghl: GhlTrace[] } } {
  const ops = operationKeys.map((key) => operation(key));
  const line = ops.map((op) => `\`${op.operationId}\` (${op.method} ${op.path})`).join(', ');
  return {
    description: `${description}\n\nGHL: ${line}.`,
    extensions: { ghl: ops.map((op) => ({ operationId: op.operationId, method: op.method, path: op.path })) },
  };
}

import { Ajv, type ValidateFunction } from 'ajv';
import type { GhlOperation } from './operations.js';
import { reliedOnResponses } from './openapi/supplements.js';

/**
 * Checks GHL's answers to cached reads before the gateway believes them: a body of the wrong
 * shape would be cached and served again and again, so it is refused instead (the client turns
 * the violations into a `GhlUpstreamShapeError`). What is checked is what the gateway relies on
 * (`reliedOnResponses`, beside the specs, with why not the whole response schema).
 *
 * Cost: one ajv validator per operation, compiled on its first answer and kept for the process.
 * ajv compiles a schema into a plain function, so a check is one pass over the envelope and the
 * records' ids, stopping at the first violation. Operations without an entry are not checked.
 */

const ajv = new Ajv({ strict: true, allErrors: false, coerceTypes: false, logger: false });
const validators = new Map<string, ValidateFunction>();

/**
 * The violations of `body` as GHL's answer to `op`: a JSON pointer and ajv's rule each, never the
 * values themselves, so no token or personal data reaches the error. Empty when it conforms.
 */
export function responseViolations(op: GhlOperation, body: unknown): string[] {
  const schema = reliedOnResponses[op.key];
  if (!schema) return [];
  let validate = validators.get(op.key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(op.key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

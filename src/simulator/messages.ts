import type { ErrorObject } from 'ajv';

/**
 * Turns ajv errors into the one-line-per-violation strings GHL's 422 carries. GHL validates with
 * NestJS's class-validator, whose messages read "title must be a string"; the wording follows that
 * style so clients that show `message` to people get familiar text.
 */
export function requestMessages(errors: readonly ErrorObject[] | null | undefined, root: string): string[] {
  if (!errors) return [];
  // A failed anyOf/oneOf also reports every branch's failure at or below it; one line says it better.
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath);
  const kept = errors.filter(
    (e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || !unions.some((u) => e.instancePath === u || e.instancePath.startsWith(`${u}/`)),
  );
  return [...new Set(kept.map((e) => requestMessage(e, root)))];
}

function requestMessage(e: ErrorObject, root: string): string {
  const at = (extra?: string): string => {
    const parts = e.instancePath.split('/').slice(1).map(unescape);
    if (extra !== undefined) parts.push(extra);
    return parts.length === 0 ? root : parts.join('.');
  };
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${at(String(p['missingProperty']))} should not be empty`;
    case 'additionalProperties':
      return `property ${at(String(p['additionalProperty']))} should not exist`;
    case 'type':
      return `${at()} must be ${describeType(String(p['type']))}`;
    case 'enum':
      return `${at()} must be one of the following values: ${(p['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${at()} must not be less than ${String(p['limit'])}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${at()} must not be greater than ${String(p['limit'])}`;
    case 'minItems':
      return `${at()} must contain at least ${String(p['limit'])} elements`;
    case 'maxItems':
      return `${at()} must contain no more than ${String(p['limit'])} elements`;
    case 'minLength':
      return Number(p['limit']) === 1 ? `${at()} should not be empty` : `${at()} must be longer than or equal to ${String(p['limit'])} characters`;
    case 'maxLength':
      return `${at()} must be shorter than or equal to ${String(p['limit'])} characters`;
    case 'format':
      return p['format'] === 'date-time' ? `${at()} must be a valid ISO 8601 date string` : `${at()} must be a valid ${String(p['format'])}`;
    case 'anyOf':
    case 'oneOf':
      return `${at()} does not match any of the allowed shapes`;
    default:
      return `${at()} ${e.message ?? 'is invalid'}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  boolean: 'a boolean value',
  number: 'a number conforming to the specified constraints',
  integer: 'an integer number',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

function describeType(types: string): string {
  return types
    .split(',')
    .filter((t) => t !== 'null')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
}

/** Developer-facing text for response drift: the JSON pointer plus ajv's own message. */
export function responseMessages(errors: readonly ErrorObject[] | null | undefined): string[] {
  if (!errors) return [];
  return [...new Set(errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})` : ''}`))];
}

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

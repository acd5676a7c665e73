import { GraphQLError } from 'graphql';
import { GhlBadRequestError, GhlError } from '../../ghl/errors.js';
import { builder } from '../builder.js';
import { describedEnum } from './enums.js';

/**
 * The single mapping from failures to what clients see. Expected failures carry
 * `extensions.code`; anything else is masked, so internals and upstream text never leak.
 * Every error keeps the `path` and `locations` of where it happened.
 */
export function toClientError(error: unknown, opts: { fieldSuggestions?: boolean } = {}): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = error instanceof GraphQLError ? error : null;
  const at = { nodes: base?.nodes, source: base?.source, positions: base?.positions, path: base?.path };

  if (original instanceof GhlError) {
    return new GraphQLError(original.message, { ...at, extensions: { code: original.code, ...original.extensions() } });
  }
  // A fault in the request itself: a variable that does not coerce to its type, or a misspelt
  // input field. GraphQL's coercion wraps the cause in an error with no path whose message names
  // the variable and the reason; that message is what the client needs.
  if (base && !base.path && base.originalError instanceof GraphQLError) {
    const message = opts.fieldSuggestions === false ? withoutSuggestions(base.message) : base.message;
    return new GraphQLError(message, { ...at, extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (original instanceof GraphQLError && typeof original.extensions?.['code'] === 'string') {
    // A resolver's own error has no path until GraphQL locates it; keep where it happened.
    return base && base !== original ? new GraphQLError(original.message, { ...at, extensions: original.extensions }) : original;
  }
  // Parse and validation errors have no original error and are safe to show as they are.
  if (base && !base.originalError) return base;
  return new GraphQLError('Unexpected error.', { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** Drops graphql-js's "Did you mean …?" hint, which reveals schema names to whoever asks. */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
}

/** Why a mutation's input was refused. */
export type UserErrorCode = 'INVALID' | 'REQUIRED' | 'BLANK' | 'NOT_FOUND' | 'TAKEN' | 'REJECTED';

export interface UserErrorShape {
  code: UserErrorCode;
  message: string;
  /** Path to the input field at fault, e.g. `["input", "email"]`; null when it cannot be known. */
  field: string[] | null;
}

export const UserErrorCodeEnum = describedEnum('UserErrorCode', 'Why a mutation refused its input.', {
  INVALID: ['INVALID', 'A value has the wrong format or is out of range.'],
  REQUIRED: ['REQUIRED', 'A value that must be given is missing.'],
  BLANK: ['BLANK', 'A value is empty or only white space.'],
  NOT_FOUND: ['NOT_FOUND', 'The record the mutation acts on does not exist.'],
  TAKEN: ['TAKEN', 'Another record already uses this value (e.g. a duplicate email).'],
  REJECTED: ['REJECTED', 'GHL refused the input for a reason it did not tie to one field.'],
});

export const UserError = builder.objectRef<UserErrorShape>('UserError').implement({
  description: 'A problem with the input of a mutation. Nothing was changed in GHL.',
  fields: (t) => ({
    code: t.field({ type: UserErrorCodeEnum, description: 'What kind of problem it is.', resolve: (e) => e.code }),
    message: t.exposeString('message', { description: 'A sentence for a person.' }),
    field: t.stringList({ nullable: true, description: 'Path to the input field at fault, e.g. `["input", "email"]`.', resolve: (e) => e.field }),
  }),
});

/**
 * Turns GHL's refusal of a write into user errors. GHL's 422 messages come from NestJS validation
 * and start with the property name ("email must be an email"); a known name becomes the field path.
 * `fieldNames` maps GHL property names to input field names where they differ.
 */
export function userErrorsFromGhl(error: GhlBadRequestError, inputFields: readonly string[], fieldNames: Record<string, string> = {}): UserErrorShape[] {
  const messages = error.messages.length > 0 ? error.messages : ['GHL rejected the request.'];
  return messages.map((message) => {
    const first = /^([A-Za-z][\w.]*)/.exec(message)?.[1]?.split('.')[0] ?? '';
    const name = fieldNames[first] ?? first;
    const taken = /already exists|duplicat/i.test(message);
    return {
      code: taken ? 'TAKEN' : 'REJECTED',
      message,
      field: inputFields.includes(name) ? ['input', name] : null,
    };
  });
}

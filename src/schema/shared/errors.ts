import { GraphQLError } from 'graphql';
import { GhlError } from '../../ghl/errors.js';

/**
 * The single mapping from failures to what clients see. Expected failures carry
 * `extensions.code`; anything else is masked, so internals and upstream text never leak.
 */
export function toClientError(error: unknown): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = error instanceof GraphQLError ? error : null;
  const at = { nodes: base?.nodes, source: base?.source, positions: base?.positions, path: base?.path };

  if (original instanceof GhlError) {
    return new GraphQLError(original.message, { ...at, extensions: { code: original.code, ...original.extensions() } });
  }
  if (original instanceof GraphQLError && typeof original.extensions?.['code'] === 'string') {
    return original;
  }
  // Parse and validation errors have no original error and are safe to show as they are.
  if (base && !base.originalError) return base;
  return new GraphQLError('Unexpected error.', { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
}

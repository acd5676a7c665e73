/**
 * Typed failures of the GHL client. The GraphQL layer maps these to `extensions.code` in one
 * place (src/schema/shared/errors.ts). Messages never contain tokens: the client never puts a
 * token into a message, and `scrubSecrets` guards upstream text we echo.
 */

export type GhlErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'BAD_USER_INPUT'
  | 'REAUTH_REQUIRED';

export abstract class GhlError extends Error {
  abstract readonly code: GhlErrorCode;
  /** Operation key (`METHOD path`) that failed, for logs and error extensions. */
  readonly operation: string;
  /** Upstream HTTP status, when there was a response. */
  readonly status: number | null;

  constructor(message: string, operation: string, status: number | null) {
    super(scrubSecrets(message));
    // The concrete class's name, for logs (`GhlNotFoundError: …`), without each class restating it.
    this.name = new.target.name;
    this.operation = operation;
    this.status = status;
  }

  /** Extra fields for GraphQL `extensions` (never secrets). */
  extensions(): Record<string, unknown> {
    return { operation: this.operation, ...(this.status === null ? {} : { upstreamStatus: this.status }) };
  }
}

/** 401 from GHL, or no usable credential. */
export class GhlAuthError extends GhlError {
  readonly code = 'UNAUTHENTICATED';
}

/** The credential lacks a scope; raised before any upstream call when the grant is known. */
export class GhlScopeError extends GhlError {
  readonly code = 'FORBIDDEN';
  constructor(operation: string, readonly missingScopes: readonly string[]) {
    super(`This credential lacks the scope ${missingScopes.join(' or ')} needed for ${operation}`, operation, null);
  }
  override extensions() {
    return { ...super.extensions(), missingScopes: this.missingScopes };
  }
}

/** 403 from GHL (for example a token used for another location). */
export class GhlForbiddenError extends GhlError {
  readonly code = 'FORBIDDEN';
}

export class GhlNotFoundError extends GhlError {
  readonly code = 'NOT_FOUND';
}

/** 400 or 422: GHL refused the input. `messages` are GHL's own, one per violation. */
export class GhlBadRequestError extends GhlError {
  readonly code = 'BAD_USER_INPUT';
  readonly messages: readonly string[];
  constructor(operation: string, status: number, messages: readonly string[]) {
    super(messages.join('; ') || 'GHL rejected the request', operation, status);
    this.messages = messages.map(scrubSecrets);
  }
}

/**
 * A path parameter would change which resource a request names (`..`, `a/b`, an empty value):
 * refused before the call spends budget. The schema checks ids first (src/schema/shared/input-guard.ts);
 * this is the client's own line of defence for any value that reaches it unchecked.
 */
export class GhlUnsafePathError extends GhlError {
  readonly code = 'BAD_USER_INPUT';
  /** `parameter`: the path parameter at fault, as the spec names it (e.g. `contactId`). */
  constructor(operation: string, readonly parameter: string, reason: string) {
    super(`Refused to call ${operation}: path parameter "${parameter}" ${reason}`, operation, null);
  }
  override extensions() {
    return { ...super.extensions(), parameter: this.parameter };
  }
}

export class GhlRateLimitedError extends GhlError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, operation: string, status: number | null, readonly retryAfterMs: number) {
    super(message, operation, status);
  }
  override extensions() {
    return { ...super.extensions(), retryAfter: Math.ceil(this.retryAfterMs / 1000) };
  }
}

/**
 * GHL did not answer usefully: network error, timeout, 5xx, open circuit. `outcomeUnknown` is
 * set when a non-idempotent write may have been processed; such a call is never retried.
 */
export class GhlUnavailableError extends GhlError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  constructor(message: string, operation: string, status: number | null, readonly outcomeUnknown = false) {
    super(message, operation, status);
  }
  override extensions() {
    return { ...super.extensions(), ...(this.outcomeUnknown ? { outcomeUnknown: true } : {}) };
  }
}

/**
 * GHL answered a read with a body of the wrong shape (src/ghl/response-shapes.ts): the gateway
 * neither believes nor caches it, and does not ask again (the same question would get the same
 * answer). The message names JSON pointers and rules, never the values sent.
 */
export class GhlUpstreamShapeError extends GhlUnavailableError {
  constructor(operation: string, status: number, violations: readonly string[]) {
    super(`GHL answered ${operation} with a body of the wrong shape: ${violations.join('; ')}`, operation, status);
  }
}

/** The installation's grant is gone (refresh refused, app uninstalled): a person must reconnect. */
export class GhlReauthRequiredError extends GhlError {
  readonly code = 'REAUTH_REQUIRED';
  constructor(message: string, operation: string, readonly installUrl: string | null) {
    super(message, operation, null);
  }
  override extensions() {
    return { ...super.extensions(), ...(this.installUrl ? { installUrl: this.installUrl } : {}) };
  }
}

const SECRET_PATTERNS: RegExp[] = [
  /(bearer\s+)[^\s"',;]+/gi,
  /((?:access|refresh)_?token["'=:\s]+)[^\s"',;&]+/gi,
  /(client_secret["'=:\s]+)[^\s"',;&]+/gi,
  /\bpit-[A-Za-z0-9-]+/g,
];

/** Removes anything that looks like a credential from text that may reach a log or a client. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const re of SECRET_PATTERNS) {
    out = out.replace(re, (_m, prefix: string | undefined) => `${typeof prefix === 'string' ? prefix : ''}[redacted]`);
  }
  return out;
}

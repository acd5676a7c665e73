/**
 * Error bodies, shaped as GHL (a NestJS service) sends them. The 401 and 422 shapes are the
 * spec's common schemas; the others follow NestJS's built-in exceptions (see ASSUMPTIONS.md).
 */
export type ErrorBody = Record<string, unknown> & { statusCode: number };

/** Thrown anywhere in the pipeline or a handler; the server turns it into the response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    /** Extra response headers, e.g. rate-limit headers on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body['message'] === 'string' ? body['message'] : `HTTP ${status}`);
  }
}

export const routeNotFound = (method: string, path: string): HttpError =>
  new HttpError(404, { statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' });

export const notFound = (message: string): HttpError => new HttpError(404, { statusCode: 404, message, error: 'Not Found' });

export const invalidToken = (): HttpError =>
  new HttpError(401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' });

/** An access token past its lifetime (ASSUMPTIONS.md A2): GHL's JWT check says "Invalid JWT". */
export const expiredToken = (): HttpError =>
  new HttpError(401, { statusCode: 401, message: 'Invalid JWT: token expired', error: 'Unauthorized' });

/** The token is of a kind none of the operation's security schemes admits (ASSUMPTIONS.md A4). */
export const wrongTokenType = (needs: string): HttpError =>
  new HttpError(401, { statusCode: 401, message: `This route is not available to this token: it needs ${needs}.`, error: 'Unauthorized' });

/** A refused code or refresh token at `POST /oauth/token` (ASSUMPTIONS.md H3). */
export const invalidGrant = (reason: string): HttpError =>
  new HttpError(400, { statusCode: 400, message: `invalid_grant: ${reason}`, error: 'Bad Request' });

export const forbiddenCompany = (): HttpError =>
  new HttpError(403, { statusCode: 403, message: 'The token does not have access to this company.', error: 'Forbidden' });

export const scopeRefused = (): HttpError =>
  new HttpError(401, { statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' });

export const forbiddenLocation = (): HttpError =>
  new HttpError(403, { statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' });

export const unprocessable = (messages: string[]): HttpError =>
  new HttpError(422, { statusCode: 422, message: messages, error: 'Unprocessable Entity' });

export const badRequest = (message: string, extra: Record<string, unknown> = {}): HttpError =>
  new HttpError(400, { statusCode: 400, message, error: 'Bad Request', ...extra });

export const tooManyRequests = (headers: Record<string, string>): HttpError =>
  new HttpError(429, { statusCode: 429, message: 'Too Many Requests' }, headers);

export const notImplemented = (key: string): HttpError =>
  new HttpError(501, { statusCode: 501, message: `The simulator does not implement ${key}`, error: 'Not Implemented' });

export const internalError = (message: string | string[]): HttpError =>
  new HttpError(500, { statusCode: 500, message, error: 'Internal Server Error' });

import { HttpError } from './errors.js';
import type { SpecOperation } from './openapi.js';

/**
 * The `Version` header policy (ASSUMPTIONS.md C5).
 *
 * - `published` (the default): every route takes every version GHL's API Versioning page lists as
 *   supported, as GHL itself does for its own SDK, which sends one global `2023-02-21` to every
 *   service. A missing or unlisted value is refused with the 401s GHL is reported to send.
 * - `spec` (`--strict-versions`, `strictVersions: true`): only the value the operation's spec
 *   enumerates; anything else is a 422 from request validation. The gateway's own tests run this way,
 *   so the gateway keeps sending each spec's own value.
 */
export type VersionPolicy = 'published' | 'spec';

/** The values GHL's API Versioning page lists as supported, none with an end date yet. */
export const PUBLISHED_VERSIONS: readonly string[] = ['2021-04-15', '2021-07-28', '2023-02-21', 'v3', 'legacy'];

/** As GHL is reported to answer (a third-party live report; GHL documents neither). */
export const versionMissing = (): HttpError => new HttpError(401, { statusCode: 401, message: 'version header was not found.', error: 'Unauthorized' });
export const versionInvalid = (): HttpError => new HttpError(401, { statusCode: 401, message: 'version header is invalid', error: 'Unauthorized' });

/**
 * Under the `published` policy: the 401 for a missing or unknown `Version`, or null when the value
 * is published (or the operation declares no `Version` header at all). Under `spec`: always null,
 * since request validation checks the spec's enum.
 */
export function versionRefusal(policy: VersionPolicy, op: SpecOperation, header: string | string[] | undefined): HttpError | null {
  if (policy === 'spec' || op.versions === null) return null;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return versionMissing();
  return PUBLISHED_VERSIONS.includes(value.trim()) ? null : versionInvalid();
}

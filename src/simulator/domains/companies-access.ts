import { forbiddenCompany, unprocessable } from '../errors.js';
import type { RequestContext } from '../routes/types.js';
import type { TokenRecord } from '../store.js';

/**
 * Company-level checks shared by the users, locations, companies and snapshots handlers. Every
 * token carries its company (a Location token its location's), so a `companyId` in a request must
 * be the token's own: another company's is refused with 403 (ASSUMPTIONS.md B1), as the core
 * refuses another location.
 */

export function tokenOf(ctx: RequestContext): TokenRecord {
  if (!ctx.token) throw new Error(`${ctx.op.key} ran without a token`);
  return ctx.token;
}

export function assertOwnCompany(ctx: RequestContext, companyId: unknown): void {
  if (typeof companyId === 'string' && companyId !== tokenOf(ctx).companyId) throw forbiddenCompany();
}

/** The token's location, or null for a Company (agency) token. */
export function tokenLocation(ctx: RequestContext): string | null {
  return tokenOf(ctx).locationId;
}

/** An integer carried in a string (the specs type skip/limit as strings); 422 when it is not one in range (C9). */

/** A value from a closed set the spec types as a bare string; 422 in class-validator's words otherwise. */
export function oneOfParam<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw unprocessable([`${name} must be one of the following values: ${allowed.join(', ')}`]);
}

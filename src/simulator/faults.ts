import { STATUS_CODES } from 'node:http';

/**
 * Injected failures. A rule matches requests (by method, concrete path and/or route template)
 * and fires an effect for the next `count` matching requests, then retires. Rules are checked
 * after authentication, scope and rate limit, so a fault looks like GHL failing an accepted call.
 *
 * Only `respond` exists today. New kinds (connection reset, "processed then dropped", slow body…)
 * are new members of `FaultEffect` plus a case in the server's `applyFault`; matching stays here.
 */
export type FaultEffect = {
  kind: 'respond';
  status: number;
  /** Defaults to the NestJS shape `{statusCode, message}` for the status. */
  body?: unknown;
  headers?: Record<string, string>;
};

export interface FaultMatch {
  /** Upper-case HTTP method; any when omitted. */
  method?: string;
  /** Concrete path without query, e.g. `/contacts/abc`. */
  path?: string;
  /** Route template, e.g. `/contacts/{contactId}`. */
  route?: string;
}

export interface FaultRule extends FaultMatch {
  id: number;
  effect: FaultEffect;
  /** Matching requests still to fail; Infinity until removed. */
  remaining: number;
}

/** The short form: fail the next `count` (default 1) matching requests with `status`. */
export interface FaultSpec extends FaultMatch {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  count?: number;
}

export interface RequestFacts {
  method: string;
  path: string;
  route: string | null;
}

export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;

  /** Adds a one-shot (or `count`-shot) failure; returns the rule id. */
  inject(spec: FaultSpec): number {
    const { status, body, headers, count, ...match } = spec;
    return this.add(match, { kind: 'respond', status, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) }, count ?? 1);
  }

  add(match: FaultMatch, effect: FaultEffect, count = 1): number {
    const id = this.nextId++;
    this.rules.push({ ...match, ...(match.method ? { method: match.method.toUpperCase() } : {}), id, effect, remaining: count });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules still armed, in the order they are checked. */
  list(): readonly FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Finds the first armed rule for this request and uses up one of its shots. */
  take(req: RequestFacts): FaultEffect | null {
    const rule = this.rules.find(
      (r) => (!r.method || r.method === req.method) && (!r.path || r.path === req.path) && (!r.route || r.route === req.route),
    );
    if (!rule) return null;
    rule.remaining--;
    if (rule.remaining <= 0) this.remove(rule.id);
    return rule.effect;
  }
}

export function defaultFaultBody(status: number): Record<string, unknown> {
  return { statusCode: status, message: STATUS_CODES[status] ?? 'Error' };
}

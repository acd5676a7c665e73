import { STATUS_CODES } from 'node:http';
import { Random } from './random.js';

/**
 * Injected failures. A rule matches requests (by method, concrete path and/or route template),
 * optionally only on the n-th / every n-th matching call or with a seeded probability, and fires
 * its effect up to `count` times, then retires. Rules are checked after authentication, scope and
 * rate limit (ASSUMPTIONS.md G2), so a fault looks like GHL or the network failing an accepted call.
 *
 * Effects (the server's `applyFault` and `handle` carry them out):
 * - `respond`: answer `status` (5xx, 429 with `X-RateLimit-Remaining: 0`, anything) instead of running the handler;
 * - `latency`: run the handler as usual, then wait `ms` more (on the simulator clock) before answering;
 * - `reset`: destroy the socket without running the handler (the request had no effect);
 * - `drop-after-processing`: run the handler (state changes happen), then destroy the socket unanswered;
 * - `hang`: never answer, until the client closes the connection or the simulator stops.
 */
export type FaultEffect =
  | {
      kind: 'respond';
      status: number;
      /** Defaults to the NestJS shape `{statusCode, message}` for the status. */
      body?: unknown;
      headers?: Record<string, string>;
    }
  | { kind: 'latency'; ms: number }
  | { kind: 'reset' }
  | { kind: 'drop-after-processing' }
  | { kind: 'hang' };

export type FaultKind = FaultEffect['kind'];

/** Short names for effects: a status code (`'503'`, `'429'`) or an effect kind without parameters. */
export type FaultEffectName = `${number}` | 'reset' | 'drop-after-processing' | 'hang';

export interface FaultMatch {
  /** HTTP method, or several; any when omitted. Case-insensitive. */
  method?: string | string[];
  /** Concrete path without query, e.g. `/contacts/abc`. */
  path?: string;
  /** Route template, e.g. `/contacts/{contactId}`. */
  route?: string;
  /** Fire on the n-th matching call (1-based, counted from when the rule was added) only. */
  nth?: number;
  /** Fire on every n-th matching call (n, 2n, 3n…). */
  everyNth?: number;
  /** Fire with this probability (0..1) per matching call, drawn from the rule's seeded PRNG. */
  probability?: number;
  /** Seed of the rule's PRNG; defaults to the simulator's `faultSeed` mixed with the rule id. */
  seed?: number;
}

export interface FaultRule extends Omit<FaultMatch, 'method'> {
  id: number;
  /** Upper-case methods; absent for any. */
  method?: string[];
  /** What fires; a chaos rule picks one of `effects` per shot with its PRNG. */
  effect: FaultEffect;
  effects: readonly FaultEffect[];
  /** Shots left; Infinity until removed. */
  remaining: number;
  /** Calls that matched method/path/route since the rule was added. */
  seen: number;
  /** Times it fired. */
  fired: number;
}

/** The short form: fail the next `count` (default 1) matching requests with `status`. */
export interface FaultSpec extends FaultMatch {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  count?: number;
}

export interface ChaosOptions {
  /** Chance (0..1) that a matching call fails. */
  probability: number;
  /** What a failing call gets, chosen uniformly per failure with the rule's PRNG. */
  effects: readonly (FaultEffectName | FaultEffect)[];
  /** Only these methods; all when omitted. */
  methods?: string[];
  path?: string;
  route?: string;
  /** PRNG seed; defaults to the simulator's `faultSeed` mixed with the rule id. */
  seed?: number;
  /** Shots; default Infinity. */
  count?: number;
}

export interface RequestFacts {
  method: string;
  path: string;
  route: string | null;
}

export const DEFAULT_FAULT_SEED = 0xfa017;

interface ArmedRule extends FaultRule {
  rng: Random;
}

export class Faults {
  private rules: ArmedRule[] = [];
  private nextId = 1;
  private readonly seed: number;

  constructor(opts: { seed?: number } = {}) {
    this.seed = opts.seed ?? DEFAULT_FAULT_SEED;
  }

  /** Adds a one-shot (or `count`-shot) `respond` failure; returns the rule id. */
  inject(spec: FaultSpec): number {
    const { status, body, headers, count, ...match } = spec;
    return this.add(match, { kind: 'respond', status, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) }, count ?? 1);
  }

  /** Adds a rule with any effect (or its short name); `count` shots, default 1, Infinity allowed. Returns the rule id. */
  add(match: FaultMatch, effect: FaultEffect | FaultEffectName, count = 1): number {
    return this.arm(match, [toEffect(effect)], count);
  }

  /**
   * The common chaos case: each matching call fails with `probability`, with one of `effects`
   * picked by the seeded PRNG; armed until removed (unless `count` says otherwise).
   */
  chaos(opts: ChaosOptions): number {
    if (opts.effects.length === 0) throw new Error('chaos needs at least one effect');
    const match: FaultMatch = {
      probability: opts.probability,
      ...(opts.methods ? { method: opts.methods } : {}),
      ...(opts.path ? { path: opts.path } : {}),
      ...(opts.route ? { route: opts.route } : {}),
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    };
    return this.arm(match, opts.effects.map(toEffect), opts.count ?? Infinity);
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules still armed, in the order they are checked. */
  list(): readonly FaultRule[] {
    return this.rules.map(({ rng: _rng, ...r }) => ({ ...r }));
  }

  /**
   * Counts the request against every rule it matches, then fires the first rule whose
   * nth/everyNth/probability condition holds, using up one of its shots.
   */
  take(req: RequestFacts): FaultEffect | null {
    const method = req.method.toUpperCase();
    let chosen: ArmedRule | null = null;
    for (const r of this.rules) {
      if ((r.method && !r.method.includes(method)) || (r.path && r.path !== req.path) || (r.route && r.route !== req.route)) continue;
      r.seen++;
      if (r.nth !== undefined && r.seen !== r.nth) continue;
      if (r.everyNth !== undefined && r.seen % r.everyNth !== 0) continue;
      // Drawn for every call that gets this far, fired or shadowed, so a rule's sequence depends only on its own calls.
      if (r.probability !== undefined && !(r.rng.next() < r.probability)) continue;
      chosen ??= r;
    }
    if (!chosen) return null;
    chosen.remaining--;
    chosen.fired++;
    if (chosen.remaining <= 0) this.remove(chosen.id);
    return chosen.effects.length === 1 ? (chosen.effects[0] as FaultEffect) : (chosen.rng.pick(chosen.effects) as FaultEffect);
  }

  private arm(match: FaultMatch, effects: FaultEffect[], count: number): number {
    checkMatch(match);
    if (!(count > 0)) throw new Error('count must be > 0 (Infinity allowed)');
    const id = this.nextId++;
    const { method, ...rest } = match;
    const methods = method === undefined ? undefined : (Array.isArray(method) ? method : [method]).map((m) => m.toUpperCase());
    const seed = match.seed ?? mixSeed(this.seed, id);
    this.rules.push({ ...rest, ...(methods ? { method: methods } : {}), id, effect: effects[0] as FaultEffect, effects, remaining: count, seen: 0, fired: 0, rng: new Random(seed) });
    return id;
  }
}

export function defaultFaultBody(status: number): Record<string, unknown> {
  return { statusCode: status, message: STATUS_CODES[status] ?? 'Error' };
}

function toEffect(effect: FaultEffect | FaultEffectName): FaultEffect {
  if (typeof effect !== 'string') {
    if (effect.kind === 'respond' && !(Number.isInteger(effect.status) && effect.status >= 100 && effect.status <= 599)) throw new Error(`Fault status must be an HTTP status, got ${effect.status}`);
    if (effect.kind === 'latency' && !(effect.ms >= 0)) throw new Error('latency ms must be >= 0');
    return effect;
  }
  if (effect === 'reset' || effect === 'hang' || effect === 'drop-after-processing') return { kind: effect };
  const status = Number(effect);
  if (!/^\d{3}$/.test(effect) || status < 100 || status > 599) throw new Error(`Unknown fault effect "${effect}"`);
  return { kind: 'respond', status };
}

function checkMatch(m: FaultMatch): void {
  if (m.nth !== undefined && !(Number.isInteger(m.nth) && m.nth >= 1)) throw new Error('nth must be an integer >= 1');
  if (m.everyNth !== undefined && !(Number.isInteger(m.everyNth) && m.everyNth >= 1)) throw new Error('everyNth must be an integer >= 1');
  if (m.probability !== undefined && !(m.probability >= 0 && m.probability <= 1)) throw new Error('probability must be within 0..1');
}

/** A distinct, reproducible seed per rule. */
function mixSeed(seed: number, id: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 0;
}

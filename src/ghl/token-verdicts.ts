import type { Clock } from '../lib/clock.js';

/**
 * What GHL last said about pass-through tokens, per tenant key (token and location).
 *
 * The gateway cannot tell a real GHL token from garbage; only GHL can, and asking costs an
 * upstream call. So:
 * - a token GHL refused (401) is refused again, without asking, for `refusedTtlMs`;
 * - while a token nobody has vouched for is being tried, further calls with it wait for that one
 *   answer instead of all going out: a flood of one bogus token costs one upstream call;
 * - a token GHL accepted goes freely (a later 401 still marks it refused).
 * Verdicts are bounded in number (oldest dropped first), so invented tokens cannot grow memory.
 */
export class TokenVerdicts {
  private readonly verdicts = new Map<string, { refused: boolean; until: number }>();
  private readonly probes = new Map<string, Promise<void>>();

  constructor(private readonly opts: { clock: Clock; refusedTtlMs: number; acceptedTtlMs?: number; maxEntries?: number }) {}

  /**
   * Admits one call for `key`. Resolves with a function to report GHL's HTTP status (or
   * `undefined` when no answer came); returns `'refused'` when GHL refused the token recently.
   */
  async enter(key: string): Promise<'refused' | ((status: number | undefined, scopeRefusal?: boolean) => void)> {
    for (;;) {
      const verdict = this.current(key);
      if (verdict?.refused) return 'refused';
      if (verdict) return (status, scopeRefusal) => this.record(key, status, scopeRefusal);
      const probe = this.probes.get(key);
      if (!probe) break;
      await probe;
    }
    let done!: () => void;
    this.probes.set(
      key,
      new Promise<void>((resolve) => {
        done = resolve;
      }),
    );
    let reported = false;
    return (status, scopeRefusal) => {
      if (reported) return;
      reported = true;
      this.record(key, status, scopeRefusal);
      this.probes.delete(key);
      done();
    };
  }

  /** Tokens remembered now (tests: bounded). */
  get size(): number {
    return this.verdicts.size;
  }

  private current(key: string): { refused: boolean; until: number } | undefined {
    const v = this.verdicts.get(key);
    if (v && v.until <= this.opts.clock.now()) {
      this.verdicts.delete(key);
      return undefined;
    }
    return v;
  }

  private record(key: string, status: number | undefined, scopeRefusal = false): void {
    // No answer, a 429 or a 5xx says nothing about the token; a missing-scope 401 says it is real.
    if (status === undefined || status === 429 || status >= 500) return;
    const refused = status === 401 && !scopeRefusal;
    const ttl = refused ? this.opts.refusedTtlMs : (this.opts.acceptedTtlMs ?? this.opts.refusedTtlMs);
    this.verdicts.delete(key);
    this.verdicts.set(key, { refused, until: this.opts.clock.now() + ttl });
    const max = this.opts.maxEntries ?? 10_000;
    while (this.verdicts.size > max) this.verdicts.delete(this.verdicts.keys().next().value!);
  }
}

/**
 * Generation counters per `tenantKey:resource` (see `cacheKey`), bounded: at most `max` are kept,
 * and the one bumped or read least recently is forgotten first.
 *
 * Forgetting must never bring back entries a bump retired. A key not held reads the `floor`,
 * and the floor rises to at least every forgotten value. So a key's generation never goes
 * down, and entries written under an older generation stay unreadable. A rising floor only costs
 * other unheld keys a cache miss, never a stale read.
 */
export class GenerationMap {
  private readonly values = new Map<string, number>();
  private floor = 0;

  constructor(private readonly max: number = 100_000) {}

  get(key: string): number {
    return this.values.get(key) ?? this.floor;
  }

  bump(key: string): number {
    const next = this.get(key) + 1;
    // Delete first so the key moves to the newest end of the insertion order.
    this.values.delete(key);
    this.values.set(key, next);
    while (this.values.size > this.max) {
      const [oldest, value] = this.values.entries().next().value as [string, number];
      this.values.delete(oldest);
      this.floor = Math.max(this.floor, value);
    }
    return next;
  }

  get size(): number {
    return this.values.size;
  }
}

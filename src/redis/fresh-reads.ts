import type { Redis } from 'ioredis';

/**
 * Reads small keys (generations, invalidation stamps) from Redis, fresh on every call yet many per
 * round trip: the reads asked for while the current jobs run go into one MGET sent after all of
 * them. So each answer is at least as new as the moment it was asked for (what reading after a
 * write needs), and a page of a hundred lookups costs one round trip, not a hundred.
 *
 * An answer slower than `timeoutMs` fails its reads: the callers then treat Redis as away.
 */
export class FreshReads {
  private batch: Map<string, { resolve: (v: string | null) => void; reject: (e: unknown) => void }[]> | null = null;

  constructor(private readonly redis: Redis, private readonly timeoutMs: number) {}

  read(key: string): Promise<string | null> {
    if (!this.batch) {
      this.batch = new Map();
      // After the promise jobs queued so far (like DataLoader), so lookups of one resolver batch together.
      void Promise.resolve().then(() => process.nextTick(() => this.flush()));
    }
    const batch = this.batch;
    return new Promise((resolve, reject) => {
      const waiters = batch.get(key) ?? [];
      waiters.push({ resolve, reject });
      batch.set(key, waiters);
    });
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = null;
    if (!batch) return;
    const keys = [...batch.keys()];
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
    });
    Promise.race([this.redis.mget(keys), late]).then(
      (values) => keys.forEach((k, i) => batch.get(k)!.forEach((w) => w.resolve(values[i] ?? null))),
      (err: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(err))),
    ).finally(() => clearTimeout(timer));
  }
}

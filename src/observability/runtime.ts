import v8 from 'node:v8';

/**
 * V8 settings for a process that serves the gateway (src/main.ts, and the benchmarks' gateway
 * process); set before the app is built.
 *
 * Allocation-site pretenuring off. V8 watches where objects are allocated, and when most objects
 * from one place survive two young-generation collections it allocates them straight in the old
 * generation from then on. A gateway's request objects (context, loaders, the per-request state
 * of the plugins) live as long as the request waits on GHL: a few slow requests are enough for V8
 * to pretenure those places, after which every request, the fast cached ones too, fills the old
 * generation with garbage that only a full collection frees, and each young collection gets
 * slower. Measured on the cached nested query after a few cold ones (`--trace-gc`): the old
 * generation grew by about 0.8 MB per young collection, each took 2.5–8 ms, and full collections
 * ran every few seconds; with pretenuring off the heap stayed flat, young collections took about
 * 1.1 ms, there was no full collection, and throughput rose by about a fifth.
 */
export function tuneRuntime(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

import { describe, expect, it } from 'vitest';
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { ManualClock } from '../../src/lib/clock.js';
import { CachedFetcher, LocalGenerations, cacheKey, LruTtlCache } from '../../src/loaders/cache.js';
import { GenerationMap } from '../../src/loaders/generations.js';
import { type PollSource, PollerRegistry } from '../../src/subscriptions/poller.js';
import { createChangePubSub } from '../../src/subscriptions/pubsub.js';
import { startSimulator } from '../../src/simulator/server.js';

/** Every collection that grows with traffic has a bound and an eviction rule. */

describe('cache generations', () => {
  it('keep at most `max` counters, and a forgotten one never goes back to a retired generation', () => {
    const gens = new GenerationMap(3);
    for (let i = 0; i < 3; i++) gens.bump('tenantA:contactSearch');
    expect(gens.get('tenantA:contactSearch')).toBe(3);
    for (let i = 0; i < 10; i++) gens.bump(`passThrough${i}:contactSearch`);
    expect(gens.size).toBe(3);
    // Forgotten, but not reset: entries written under generations 0–2 stay unreadable.
    expect(gens.get('tenantA:contactSearch')).toBeGreaterThanOrEqual(3);
  });

  it('so a search page cached before a write is not served after the counter was evicted', async () => {
    const fetcher = new CachedFetcher(new LruTtlCache({ maxEntries: 100 }), 250, new LocalGenerations(2));
    const key = async () => cacheKey('loc:A', 'contactSearch', await fetcher.generation('loc:A', 'contactSearch'), 'page1');
    await fetcher.prime(await key(), 'before the write', 60_000);
    await fetcher.bumpGeneration('loc:A', 'contactSearch');
    for (let i = 0; i < 5; i++) await fetcher.bumpGeneration(`pt:${i}`, 'contactSearch');
    expect(await fetcher.getOrLoad(await key(), 60_000, async () => 'fresh')).toBe('fresh');
  });
});

describe('in-process cache', () => {
  it('is bounded by bytes as well as entries', async () => {
    const cache = new LruTtlCache({ maxEntries: 10_000, maxBytes: 50_000 });
    const page = { nodes: Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: 'x'.repeat(200) })) };
    for (let i = 0; i < 100; i++) await cache.set(`k${i}`, page, 60_000);
    expect(cache.bytes).toBeLessThanOrEqual(50_000);
    expect(cache.size).toBeLessThan(100);
    expect(await cache.get('k99')).toEqual(page); // the newest stay
    expect(await cache.get('k0')).toBeUndefined(); // the oldest went first
  });
});

function pollerSetup(source: PollSource<object>, windowMaxIds = 10_000) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const client = new GhlClient({ baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 1000, clock });
  const unexpected: unknown[] = [];
  const registry = new PollerRegistry({
    client,
    clock,
    pubsub: createChangePubSub(),
    bounds: { defaultIntervalMs: 60_000, minIntervalMs: 5_000, maxIntervalMs: 900_000, windowMaxIds },
    reporter: { unexpected: ({ error }) => unexpected.push(error) },
  });
  const { poller, release } = registry.acquire({ credential: staticCredential({ locationId: 'loc1', token: 't', scopes: null }), source, args: {} });
  return { clock, poller, release, unexpected };
}

describe('window pollers', () => {
  it('forget the least recently listed ids beyond windowMaxIds', async () => {
    let round = 0;
    const source: PollSource<object> = {
      resource: 'contact',
      idOf: (i) => String(i['id']),
      // Each poll lists 4 records never seen before, as a busy location's "recently updated" window does.
      list: async () => Array.from({ length: 4 }, (_, i) => ({ id: `r${round}-${i}`, dateAdded: '2026-01-01T00:00:00Z' })),
      matches: () => true,
      window: { addedAt: () => 0 },
    };
    const t = pollerSetup(source, 6);
    for (round = 0; round < 5; round++) await t.poller.tick();
    expect(t.poller.snapshotSize).toBe(6);
    t.release();
  });
});

describe('poller scheduling', () => {
  it('reports a throw outside its error handling and keeps polling instead of leaving a rejected promise', async () => {
    let calls = 0;
    const source: PollSource<object> = {
      resource: 'contact',
      // A bug in the diff, after the listing arrived: poll() rejects.
      idOf: () => {
        if (calls === 1) throw new TypeError('broken record');
        return 'a';
      },
      list: async () => {
        calls++;
        return [{ id: 'a' }];
      },
      matches: () => true,
    };
    const t = pollerSetup(source);
    await t.clock.advance(0);
    expect(calls).toBe(1);
    expect(t.unexpected).toHaveLength(1);
    await t.clock.advance(60_000);
    expect(calls).toBe(2);
    t.release();
  });
});

describe('embedded simulator request log', () => {
  it('is a bounded buffer that keeps the newest entries', async () => {
    const sim = await startSimulator({ seed: { contactsPerLocation: 1 }, requestLogMax: 10 });
    try {
      for (let i = 0; i < 40; i++) await fetch(`${sim.baseUrl}/contacts/nope${i}`, { headers: { authorization: `Bearer ${sim.locations[0]!.token}`, version: '2021-07-28' } });
      expect(sim.requests.length).toBeLessThanOrEqual(11);
      expect(sim.requests.at(-1)!.path).toBe('/contacts/nope39');
    } finally {
      await sim.stop();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { WRITTEN_RECORD_STREAMS } from '../../src/schema/shared/publish-write.js';
import type { PollSource } from '../../src/subscriptions/poller.js';
import { WATCHED_RESOURCES, type WatchedResource } from '../../src/subscriptions/resources.js';
import * as sources from '../../src/subscriptions/sources.js';
import { CHANGE_ROUTES } from '../../src/webhooks/changes.js';

/**
 * The typed list of subscriber streams against what feeds them: a name with no poll source, or a
 * webhook or a write that publishes under a name no source watches, would reach no subscriber.
 */

const pollSources = Object.values(sources).filter((v): v is PollSource => typeof v === 'object' && v !== null && 'resource' in v && 'list' in v);

describe('watched resources', () => {
  it('name exactly the poll sources, one each', () => {
    const polled = pollSources.map((s) => s.resource);
    expect([...polled].sort()).toEqual([...WATCHED_RESOURCES].sort());
  });

  it.each(Object.entries(CHANGE_ROUTES))('webhook %s publishes only to watched streams', (_type, route) => {
    expect(WATCHED_RESOURCES).toEqual(expect.arrayContaining(route.resources));
  });

  it.each(Object.entries(WRITTEN_RECORD_STREAMS))('a write of a %s publishes only to watched streams', (_kind, streams) => {
    expect(streams.length).toBeGreaterThan(0);
    expect(WATCHED_RESOURCES).toEqual(expect.arrayContaining([...streams]));
  });

  it('refuse an unknown name at compile time', () => {
    // @ts-expect-error "contacts" is not a stream (the resource is "contact").
    const misspelt: WatchedResource = 'contacts';
    expect(WATCHED_RESOURCES).not.toContain(misspelt);
  });
});

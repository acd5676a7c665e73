import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { CostModel } from '../../src/server/cost-model.js';
import { estimateCost } from '../../src/server/cost.js';

const model = new CostModel(schema);
const estimate = (query: string, variables: Record<string, unknown> = {}) => estimateCost(model, schema, parse(query), undefined, variables);

describe('estimateCost', () => {
  it('multiplies nested lists: a page of contacts times what each contact fetches', () => {
    expect(estimate('{ contacts(first: 25) { nodes { tasks { id } notes { id } appointments { id } business { id } } } }')).toEqual({
      upstreamCalls: 1 + 25 * 4,
      // 1 connection + 25 contacts, and per contact 20 tasks, 20 notes, 20 appointments and 1 business
      resultObjects: 1 + 25 + 25 * (20 + 20 + 20 + 1),
    });
  });

  it('reads `first` from variables, and assumes the largest default page when it is absent', () => {
    expect(estimate('query($n: Int) { contacts(first: $n) { nodes { tasks { id } } } }', { n: 7 }).upstreamCalls).toBe(1 + 7);
    expect(estimate('{ contacts { nodes { tasks { id } } } }').upstreamCalls).toBe(1 + 50);
  });

  it('counts a location-wide list once per operation, however many parents read it', () => {
    expect(estimate('{ opportunities(first: 20) { nodes { pipeline { id } stage { id } } } }').upstreamCalls).toBe(1 + 1);
  });

  it('counts links that fetch per parent on every parent, cached or not', () => {
    expect(estimate('{ opportunities(first: 10) { nodes { contact { id } } } }').upstreamCalls).toBe(1 + 10);
  });

  it('costs each fragment once, so fragments that spread fragments twice stay linear to walk', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Contact { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const doc = `{ contacts(first: 1) { nodes { ...F0 } } }\n${fragments}\nfragment F${levels} on Contact { tasks { id } }`;
    // 2^40 tasks reads in the worst case: refused, and computed without walking 2^40 paths.
    expect(estimate(doc).upstreamCalls).toBeGreaterThan(2 ** 39);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { TRIGGER_STREAMS } from '../../src/subscriptions/triggers.js';

const catalog = JSON.parse(readFileSync(new URL('../../src/ghl/openapi/operations.json', import.meta.url), 'utf8')) as { kind: string; method: string; path: string }[];

describe('triggers and streams', () => {
  it('decides for every catalog trigger whether it is a stream, and names only subscriptions that exist', () => {
    const triggers = catalog.filter((op) => op.kind === 'trigger').map((op) => `${op.method} ${op.path}`);
    expect(Object.keys(TRIGGER_STREAMS).sort()).toEqual([...triggers].sort());
    const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {});
    for (const decision of Object.values(TRIGGER_STREAMS)) {
      if ('stream' in decision) expect(subscriptions).toContain(decision.stream);
      else expect(decision.notAStream.length).toBeGreaterThan(20);
    }
  });

  it('states the GHL operation behind every root field (description line and `ghl` extension)', () => {
    for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const field of Object.values(type!.getFields())) {
        const traces = (field.extensions as { ghl?: { operationId: string; method: string; path: string }[] }).ghl ?? [];
        expect(traces.length, `${type!.name}.${field.name}`).toBeGreaterThan(0);
        for (const t of traces) expect(field.description).toContain(`\`${t.operationId}\` (${t.method} ${t.path})`);
      }
    }
  });
});

import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { withMergedHttpHooks } from '../../src/server/merge-hooks.js';

/**
 * The plugins' HTTP hooks run as one (src/server/merge-hooks.ts) with Yoga's own rules: in plugin
 * order, a promise awaited before the next hook, the first response that ends the request stopping
 * the rest, and every other hook of a plugin left where it was.
 */
const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });

function serve(plugins: Plugin[]) {
  const yoga = createYoga({ schema, logging: false, plugins: withMergedHttpHooks(plugins) });
  return (path: string) => yoga.fetch(`http://gateway.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
}

describe('withMergedHttpHooks', () => {
  it('runs every onRequest and onResponse in plugin order, waiting for a hook that returns a promise', async () => {
    const seen: string[] = [];
    const plugin = (name: string, slow = false): Plugin => ({
      onRequest: () => {
        if (!slow) return void seen.push(`request ${name}`);
        return Promise.resolve().then(() => void seen.push(`request ${name}`));
      },
      onResponse: () => void seen.push(`response ${name}`),
    });
    const res = await serve([plugin('a', true), plugin('b'), plugin('c', true)])('/graphql');
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(seen).toEqual(['request a', 'request b', 'request c', 'response a', 'response b', 'response c']);
  });

  it('stops at the first hook that ends the response, also after a promise, and answers with it', async () => {
    const seen: string[] = [];
    const fetchPath = serve([
      { onRequest: () => void seen.push('first') },
      {
        onRequest: ({ url, endResponse }) => {
          if (url.pathname === '/now') return endResponse(new Response('now', { status: 201 }));
          if (url.pathname === '/later') return Promise.resolve().then(() => endResponse(new Response('later', { status: 202 })));
          return undefined;
        },
      },
      { onRequest: () => void seen.push('last') },
    ]);
    const now = await fetchPath('/now');
    expect([now.status, await now.text()]).toEqual([201, 'now']);
    const later = await fetchPath('/later');
    expect([later.status, await later.text()]).toEqual([202, 'later']);
    expect(seen).toEqual(['first', 'first']);
    await fetchPath('/graphql');
    expect(seen).toEqual(['first', 'first', 'first', 'last']);
  });

  it('keeps the other hooks of a plugin', async () => {
    let executed = 0;
    const res = await serve([{ onRequest: () => undefined, onExecute: () => void executed++ }])('/graphql');
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(executed).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

/**
 * The gateway's HTML pages work offline and behind a strict firewall: no page names another
 * host. Every path the gateway serves is asked for as a browser would (`accept: text/html`);
 * whatever answers with HTML is checked for absolute URLs to any host but the gateway's own.
 * (The browser test, graphiql.browser.test.ts, checks the requests a page really makes.)
 */
const CANDIDATE_PATHS = ['/', '/graphql', '/dashboard', '/healthz', '/oauth/install', '/oauth/callback', '/webhooks/ghl', '/graphiql/'];

let stack: Stack;
let origin: string;
beforeAll(async () => {
  stack = await startStack();
  origin = new URL(await stack.app.start(0)).origin;
});
afterAll(() => stack?.stop());

/** Every absolute or protocol-relative URL in the text (attributes, CSS `url()`, scripts). */
function absoluteUrls(html: string): string[] {
  return [...html.matchAll(/(?:[a-z][a-z0-9+.-]*:)?\/\/[^\s"'<>)`]+/gi)].map((m) => m[0]);
}

describe("the gateway's HTML pages", () => {
  it('reference no host but the gateway itself', async () => {
    const pages = new Map<string, string>();
    for (const path of CANDIDATE_PATHS) {
      const res = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      if ((res.headers.get('content-type') ?? '').includes('text/html')) pages.set(path, await res.text());
      else await res.arrayBuffer();
    }
    expect([...pages.keys()]).toContain('/graphql');
    const foreign = [...pages].flatMap(([path, html]) => absoluteUrls(html).filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`//${new URL(origin).host}/`)).map((u) => `${path}: ${u}`));
    expect(foreign).toEqual([]);
  });

  it('serves the GraphiQL assets itself, and nothing else under /graphiql/', async () => {
    const page = await (await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } })).text();
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.sort()).toEqual(['/graphiql/favicon.ico', '/graphiql/graphiql.css', '/graphiql/graphiql.js']);
    for (const path of [...assets, '/graphiql/editor.worker.js', '/graphiql/json.worker.js', '/graphiql/graphql.worker.js']) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
      expect((await res.arrayBuffer()).byteLength, path).toBeGreaterThan(1000);
    }
    expect((await fetch(`${origin}/graphiql/nothing.js`)).status).toBe(404);
  });

  it('finds a foreign host when there is one (the check itself works)', () => {
    expect(absoluteUrls('<script src="https://unpkg.com/x.js"></script><link href=//cdn.example/y.css>')).toEqual(['https://unpkg.com/x.js', '//cdn.example/y.css']);
  });
});

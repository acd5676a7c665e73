import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/**
 * GraphiQL as shipped: it opens on one tab per example operation of `schema/examples/`, and
 * everything it loads (script, styles, editor workers, icon) comes from this gateway, so it works
 * offline and behind a strict firewall.
 *
 * Why not Yoga's defaults: Yoga 5.21 renders a page that pulls GraphiQL from unpkg.com, and its
 * GraphiQL 4 always passes its welcome text as the initial query, so `defaultQuery` never shows.
 * GraphiQL does honour `defaultTabs` when the browser has no saved tabs. When it has some, it
 * opens the initial query in a new tab unless a saved tab holds the same text; so the page passes
 * the first example as the initial query (unless the URL carries its own `?query=`), which finds
 * the saved first tab instead of adding a tab of welcome text on every visit.
 */

const EXAMPLES_DIR = new URL('../../schema/examples/', import.meta.url);
/** Where the page's assets are served; kept off `/graphql` so Yoga never sees these requests. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/';

export interface ExampleOperation {
  /** File name in `schema/examples/`; the tabs follow the files' order. */
  file: string;
  operationName: string;
  operationType: 'query' | 'mutation' | 'subscription';
  document: string;
  /** Every variable the operation declares without a default, as `null`: a template to fill in. */
  variables: Record<string, null>;
}

/** The example operations, read from `schema/examples/*.graphql` (one operation per file). */
export function exampleOperations(): ExampleOperation[] {
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return files.map((file) => {
    const document = readFileSync(new URL(file, EXAMPLES_DIR), 'utf8');
    const operations = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const op = operations[0];
    if (operations.length !== 1 || !op?.name) throw new Error(`schema/examples/${file} must hold exactly one named operation`);
    const variables: Record<string, null> = {};
    for (const v of op.variableDefinitions ?? []) if (!v.defaultValue) variables[v.variable.name.value] = null;
    return { file, operationName: op.name.value, operationType: op.operation, document, variables };
  });
}

/** The options Yoga hands to `renderGraphiQL`: the example tabs and the page title. */
export function graphiqlOptions(examples: readonly ExampleOperation[] = exampleOperations()): GraphiQLOptions {
  return {
    title: 'GHL GraphQL gateway',
    defaultTabs: examples.map((e) => ({
      query: e.document,
      variables: Object.keys(e.variables).length > 0 ? JSON.stringify(e.variables, null, 2) : null,
    })),
    // Yoga's HTTP endpoint speaks GraphQL over SSE, so subscriptions run from a tab as they are.
    subscriptionsProtocol: 'GRAPHQL_SSE',
  };
}

/**
 * The page itself: small, with every asset on this origin. The options are embedded as JSON
 * with `<` escaped, so no example text can close the script element.
 */
export function renderGraphiQL(opts: GraphiQLOptions): string {
  // The browser asks for the assets next: start loading the bundle now.
  void loadAssets();
  const json = JSON.stringify(opts).replace(/</g, '\\u003c');
  const asset = (name: string) => `${GRAPHIQL_ASSETS_PATH}${name}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(opts.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${asset('favicon.ico')}" />
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: function (_moduleId, label) {
          return ${JSON.stringify(GRAPHIQL_ASSETS_PATH)} + ({ json: 'json.worker.js', graphql: 'graphql.worker.js' }[label] || 'editor.worker.js');
        },
      };
    </script>
    <script src="${asset('graphiql.js')}"></script>
    <script>
      (function () {
        var opts = ${json};
        var tabs = opts.defaultTabs || [];
        if (!new URL(location.href).searchParams.get('query') && tabs[0]) {
          opts.query = tabs[0].query;
          if (tabs[0].variables) opts.variables = tabs[0].variables;
        }
        YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), opts);
      })();
    </script>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

interface Asset {
  body: string | Uint8Array<ArrayBuffer>;
  type: string;
}

/**
 * GraphiQL's bundle (script, styles, Monaco workers) from `@graphql-yoga/render-graphiql`, which
 * ships them as strings. About 9 MB, so it is imported on the first request for an asset, not at
 * start, and kept for the life of the process (it never changes while it runs).
 */
let assets: Promise<Map<string, Asset>> | null = null;
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then((b) => {
    const js = 'text/javascript; charset=utf-8';
    const favicon = /^data:([^;]+);base64,(.*)$/.exec(b.favicon);
    const map = new Map<string, Asset>([
      ['graphiql.js', { body: b.js, type: js }],
      ['graphiql.css', { body: b.css, type: 'text/css; charset=utf-8' }],
      ['editor.worker.js', { body: b.editorWorkerService, type: js }],
      ['json.worker.js', { body: b.jsonWorker, type: js }],
      ['graphql.worker.js', { body: b.graphqlWorker, type: js }],
    ]);
    if (favicon) map.set('favicon.ico', { body: new Uint8Array(Buffer.from(favicon[2]!, 'base64')), type: favicon[1]! });
    return map;
  });
  return assets;
}

/** Serves `GET /graphiql/<asset>`: the files the GraphiQL page loads. */
export function useGraphiQLAssets(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || !url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) return;
      return loadAssets().then((assets) => {
        const asset = assets.get(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
        if (!asset) return endResponse(new Response('Not found', { status: 404 }));
        // The bundle is tied to the installed package version, so a day's caching is safe.
        endResponse(new Response(asset.body, { headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' } }));
      });
    },
  };
}

import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { resolveCredential, type ContextDeps } from '../context.js';
import type { GhlCredential } from '../ghl/credentials.js';

/**
 * Who is calling, decided from the headers alone, before the body is read or the document parsed:
 * an unauthenticated request costs a header look-up, not a parse of whatever it sent.
 */
export interface EarlyAuth {
  plugin: Plugin;
  /** The credential decided for this request, for the context factory to reuse (undefined: not decided here). */
  credentialOf(request: Request): GhlCredential | undefined;
}

export function useAuthBeforeParse(deps: ContextDeps, graphqlPath: string): EarlyAuth {
  const decided = new WeakMap<Request, GhlCredential>();
  const plugin: Plugin = {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlPath || !carriesOperation(request, url)) return;
      try {
        decided.set(request, resolveCredential(deps, request));
      } catch (err) {
        if (!(err instanceof GraphQLError)) throw err;
        endResponse(refusal(err));
      }
    },
  };
  return { plugin, credentialOf: (request) => decided.get(request) };
}

/** GraphiQL's page (a GET without a query) and CORS preflights carry no operation and need no credential. */
function carriesOperation(request: Request, url: URL): boolean {
  if (request.method === 'POST') return true;
  return request.method === 'GET' && url.searchParams.has('query');
}

function refusal(error: GraphQLError): Response {
  const status = (error.extensions['http'] as { status?: number } | undefined)?.status ?? 401;
  const body = { errors: [{ message: error.message, extensions: { code: error.extensions['code'] ?? 'UNAUTHENTICATED' } }] };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

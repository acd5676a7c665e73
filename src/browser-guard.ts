import type { Plugin } from 'graphql-yoga';

/**
 * What a browser may do with the gateway. A web page on another origin must neither read our
 * answers nor make us act (CSRF), so:
 * - CORS answers only origins on the allowlist (`CORS_ORIGINS`; `*` means any origin). Credentials
 *   (cookies) are never allowed: callers authenticate with a bearer header, which a foreign page
 *   cannot send without a preflight we refuse.
 * - A POST to the GraphQL endpoint runs only with a JSON body. Form and multipart bodies are what
 *   a page can send without a preflight ("simple requests"), so they are refused with 415 before
 *   anything is parsed.
 * - Every response carries the usual hardening headers.
 * Yoga's own CORS handling is switched off (`cors: false`) so this is the only policy.
 */
export function useBrowserGuard(opts: { corsOrigins: readonly string[]; graphqlEndpoint: string }): Plugin {
  const anyOrigin = opts.corsOrigins.includes('*');
  const listed = originAllowlist(opts.corsOrigins);
  const allowOrigin = (origin: string | null): string | null => (origin === null || !listed(origin) ? null : anyOrigin ? '*' : origin);

  return {
    onRequest({ request, url, endResponse }) {
      if (request.method === 'OPTIONS') {
        const origin = request.headers.get('origin');
        if (origin === null) return endResponse(new Response(null, { status: 204, headers: { allow: 'GET, POST, OPTIONS' } }));
        const allow = allowOrigin(origin);
        if (!allow) return endResponse(new Response(null, { status: 403 }));
        return endResponse(
          new Response(null, {
            status: 204,
            headers: {
              'access-control-allow-origin': allow,
              'access-control-allow-methods': 'GET, POST, OPTIONS',
              'access-control-allow-headers': 'authorization, content-type, accept, x-location-id',
              'access-control-max-age': '600',
              vary: 'Origin',
            },
          }),
        );
      }
      if (request.method === 'POST' && url.pathname === opts.graphqlEndpoint && !EXECUTABLE_TYPES.has(mediaType(request.headers.get('content-type')))) {
        return endResponse(
          new Response(JSON.stringify({ errors: [{ message: 'Send GraphQL as application/json; form and multipart bodies are refused.', extensions: { code: 'BAD_REQUEST' } }] }), {
            status: 415,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      return undefined;
    },
    onResponse({ request, response }) {
      const headers = response.headers;
      for (const [name, value] of SECURITY_HEADER_LIST) if (!headers.has(name)) headers.set(name, value);
      const allow = allowOrigin(request.headers.get('origin'));
      if (allow && !headers.has('access-control-allow-origin')) {
        headers.set('access-control-allow-origin', allow);
        headers.set('access-control-expose-headers', 'content-type');
      }
      if (!anyOrigin) headers.append('vary', 'Origin');
    },
  };
}

/** Whether a browser origin is on the allowlist (`*` admits any). Also guards WebSocket upgrades. */
export function originAllowlist(corsOrigins: readonly string[]): (origin: string) => boolean {
  if (corsOrigins.includes('*')) return () => true;
  const allowed = new Set(corsOrigins);
  return (origin) => allowed.has(origin);
}

/** Bodies the GraphQL endpoint executes on POST. */
const EXECUTABLE_TYPES = new Set(['application/json', 'application/graphql-response+json']);

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // GraphiQL loads its scripts from a CDN, so the policy only forbids framing.
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  // Answers carry one tenant's data: no shared cache may keep them.
  'cache-control': 'no-store',
};

const SECURITY_HEADER_LIST = Object.entries(SECURITY_HEADERS);

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

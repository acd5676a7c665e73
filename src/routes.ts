import type { Plugin } from 'graphql-yoga';
import type { OAuthApp } from './ghl/oauth.js';
import type { InstallationManager } from './installations/manager.js';
import type { OAuthStates } from './installations/oauth-state.js';
import { installCallback, installRedirect } from './installations/routes.js';
import { handleWebhook, type WebhookRouteDeps } from './webhooks/route.js';

/**
 * The HTTP routes beside `/graphql`, served by the same Yoga instance (so tests reach them through
 * `yoga.fetch` too): the two steps of a marketplace install, GHL's webhooks, and a health check.
 */
export function useGatewayRoutes(deps: {
  oauth: { app: OAuthApp; manager: InstallationManager; states: OAuthStates } | null;
  webhooks: WebhookRouteDeps;
}): Plugin {
  const serve = async (route: string, request: Request): Promise<Response> => {
    switch (route) {
      case 'GET /oauth/install':
        return deps.oauth ? installRedirect(deps.oauth.app, deps.oauth.states) : notConfigured();
      case 'GET /oauth/callback':
        return deps.oauth ? installCallback(request, deps.oauth.manager, deps.oauth.states) : notConfigured();
      default: // 'POST /webhooks/ghl'
        return handleWebhook(request, deps.webhooks);
    }
  };
  return {
    // Synchronous for every other request (GraphQL above all): an async hook costs each a turn.
    onRequest({ request, url, endResponse }) {
      const route = `${request.method} ${url.pathname}`;
      if (route === 'GET /healthz') return endResponse(new Response('ok'));
      if (!ROUTES.has(route)) return undefined;
      return serve(route, request).then(endResponse);
    },
  };
}

const ROUTES = new Set(['GET /oauth/install', 'GET /oauth/callback', 'POST /webhooks/ghl']);

function notConfigured(): Response {
  return new Response('OAuth is not configured: set GHL_CLIENT_ID and GHL_CLIENT_SECRET.', { status: 404 });
}

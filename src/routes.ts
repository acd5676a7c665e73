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
  return {
    async onRequest({ request, url, endResponse }) {
      const route = `${request.method} ${url.pathname}`;
      switch (route) {
        case 'GET /healthz':
          return endResponse(new Response('ok'));
        case 'GET /oauth/install':
          return endResponse(deps.oauth ? installRedirect(deps.oauth.app, deps.oauth.states) : notConfigured());
        case 'GET /oauth/callback':
          return endResponse(deps.oauth ? await installCallback(request, deps.oauth.manager, deps.oauth.states) : notConfigured());
        case 'POST /webhooks/ghl':
          return endResponse(await handleWebhook(request, deps.webhooks));
        default:
          return undefined;
      }
    },
  };
}

function notConfigured(): Response {
  return new Response('OAuth is not configured: set GHL_CLIENT_ID and GHL_CLIENT_SECRET.', { status: 404 });
}

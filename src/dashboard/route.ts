import type { Plugin } from 'graphql-yoga';
import type { Simulator } from '../simulator/server.js';
import { dashboardScript } from './bundle.js';
import { DASHBOARD_HTML } from './page.js';

/**
 * `/dashboard`: a live page for the caller's location, built on the gateway's own GraphQL
 * (queries and subscriptions over graphql-ws). In simulator mode `/dashboard/activity` reports and
 * toggles the simulator's steady activity, which the page's button calls.
 */
export function useDashboard(deps: { simulator: Simulator | null }): Plugin {
  const activityState = () => ({ available: deps.simulator !== null, running: deps.simulator?.activity.running ?? false });
  return {
    onRequest({ request, url, endResponse }) {
      // Synchronous for every other request (GraphQL above all): an async hook costs each a turn.
      if (!url.pathname.startsWith('/dashboard')) return;
      return serve(request, url.pathname.replace(/\/+$/, '') || '/', endResponse);
    },
  };

  async function serve(request: Request, path: string, endResponse: (response: Response) => void): Promise<void> {
    const route = `${request.method} ${path}`;
    switch (route) {
      case 'GET /dashboard':
        return endResponse(new Response(DASHBOARD_HTML, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } }));
      case 'GET /dashboard/app.js':
        return endResponse(new Response(await dashboardScript(), { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' } }));
      case 'GET /dashboard/activity':
        return endResponse(Response.json(activityState()));
      case 'POST /dashboard/activity': {
        const sim = deps.simulator;
        if (!sim) return endResponse(Response.json({ error: 'The simulator activity exists only in simulator mode.' }, { status: 404 }));
        const body = (await request.json().catch(() => null)) as { running?: unknown } | null;
        if (typeof body?.running !== 'boolean') return endResponse(Response.json({ error: 'Send {"running": true} or {"running": false}.' }, { status: 400 }));
        if (body.running) sim.activity.start();
        else sim.activity.stop();
        return endResponse(Response.json(activityState()));
      }
      default:
        return;
    }
  }
}

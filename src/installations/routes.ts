import type { OAuthApp } from '../ghl/oauth.js';
import { GrantRefusedError } from '../ghl/oauth.js';
import { InstallationLimitError, type InstallationManager } from './manager.js';
import type { OAuthStates } from './oauth-state.js';

/**
 * The two HTTP steps of a marketplace install:
 * - `GET /oauth/install` sends the person to GHL's choose-location page;
 * - `GET /oauth/callback?code=…&state=…` is where GHL sends them back; the code becomes stored
 *   tokens, but only with a `state` this gateway issued, unused and unexpired.
 */
export function installRedirect(app: OAuthApp, states: OAuthStates): Response {
  return new Response(null, { status: 302, headers: { location: app.installUrl(states.issue()), 'cache-control': 'no-store' } });
}

export async function installCallback(request: Request, manager: InstallationManager, states: OAuthStates): Promise<Response> {
  const params = new URL(request.url).searchParams;
  // The state is checked (and used up) before the code is even looked at.
  const verdict = await states.consume(params.get('state'));
  if (verdict !== 'ok') {
    const why = verdict === 'missing' ? 'carries no state' : verdict === 'expired' ? 'has an expired state' : 'has a state this gateway did not issue, or one already used';
    return page(400, 'Install failed', `The callback ${why}; start the install again from /oauth/install.`);
  }
  const code = params.get('code');
  if (!code) return page(400, 'Install failed', 'The callback carries no authorization code.');
  try {
    const inst = await manager.completeInstall(code);
    const what = inst.userType === 'Location' ? `location ${inst.locationId}` : `company ${inst.companyId}`;
    return page(200, 'Installed', `The gateway is connected to ${what}. You can close this page.`);
  } catch (err) {
    if (err instanceof GrantRefusedError) return page(400, 'Install failed', 'GHL refused the authorization code; start the install again.');
    if (err instanceof InstallationLimitError) return page(503, 'Install refused', `${err.message} Ask its operator to raise GATEWAY_MAX_INSTALLATIONS.`);
    return page(502, 'Install failed', 'GHL could not be reached to finish the install; try again.');
  }
}

function page(status: number, title: string, text: string): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

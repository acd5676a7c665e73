import type { OAuthApp } from '../ghl/oauth.js';
import { GrantRefusedError } from '../ghl/oauth.js';
import type { InstallationManager } from './manager.js';

/**
 * The two HTTP steps of a marketplace install:
 * - `GET /oauth/install` sends the person to GHL's choose-location page;
 * - `GET /oauth/callback?code=…` is where GHL sends them back; the code becomes stored tokens.
 */
export function installRedirect(app: OAuthApp): Response {
  return new Response(null, { status: 302, headers: { location: app.installUrl() } });
}

export async function installCallback(request: Request, manager: InstallationManager): Promise<Response> {
  const code = new URL(request.url).searchParams.get('code');
  if (!code) return page(400, 'Install failed', 'The callback carries no authorization code.');
  try {
    const inst = await manager.completeInstall(code);
    const what = inst.userType === 'Location' ? `location ${inst.locationId}` : `company ${inst.companyId}`;
    return page(200, 'Installed', `The gateway is connected to ${what}. You can close this page.`);
  } catch (err) {
    if (err instanceof GrantRefusedError) return page(400, 'Install failed', 'GHL refused the authorization code; start the install again.');
    return page(502, 'Install failed', 'GHL could not be reached to finish the install; try again.');
  }
}

function page(status: number, title: string, text: string): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

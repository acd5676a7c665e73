import { oauthRoutes } from '../oauth.js';
import { businessRoutes } from './businesses.js';
import { contactRoutes } from './contacts.js';
import { domains } from '../domains/index.js';
import type { RouteTable } from './types.js';

/** Every operation the simulator answers, by `METHOD path`. Spec operations not listed here answer 501. */
export const routeTable: RouteTable = Object.assign({ ...contactRoutes, ...businessRoutes, ...oauthRoutes }, ...domains.map((d) => d.routes));

export function servedOperations(): string[] {
  return Object.keys(routeTable).sort();
}

import { domains } from '../domains/index.js';
import type { RouteTable } from './types.js';

/** Every operation the simulator answers, by `METHOD path`: the routes of every registered domain. Spec operations not listed here answer 501. */
export const routeTable: RouteTable = {};
for (const domain of domains) {
  for (const [key, handler] of Object.entries(domain.routes)) {
    // Two domains answering one operation would leave one of them silently unreachable.
    if (key in routeTable) throw new Error(`${key} is registered by two simulator domains (the second is ${domain.name})`);
    routeTable[key] = handler;
  }
}

export function servedOperations(): string[] {
  return Object.keys(routeTable).sort();
}

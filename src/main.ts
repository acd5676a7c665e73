import { buildApp } from './app.js';
import { loadConfig } from './config/env.js';

const config = loadConfig();
const app = await buildApp(config);
const url = await app.start();
console.log(`GHL GraphQL gateway (${config.mode} mode): ${url}  (GraphiQL: open it in a browser)`);
if (config.mode === 'live' && config.apiKeys.size === 0 && !config.access.allowAnonymous && !config.access.passThrough) {
  console.warn('No GATEWAY_API_KEYS: every request will be refused with 401. Set GATEWAY_API_KEYS, or GATEWAY_ALLOW_ANONYMOUS=on on a private network.');
}
if (app.simulator) {
  console.log(`Simulator: ${app.simulator.baseUrl}  locations: ${app.simulator.locations.map((l) => l.id).join(', ')}`);
}

const shutdown = () => {
  void app.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

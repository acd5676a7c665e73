import { buildApp } from './app.js';
import { loadConfig } from './config/env.js';

const config = loadConfig();
const app = await buildApp(config);
const url = await app.start();
console.log(`GHL GraphQL gateway (${config.mode} mode): ${url}  (GraphiQL: open it in a browser)`);
console.log(`Live dashboard: ${url.replace(/\/graphql$/, '/dashboard')}`);
if (app.simulator) {
  console.log(`Simulator: ${app.simulator.baseUrl}  locations: ${app.simulator.locations.map((l) => l.id).join(', ')}`);
}

const shutdown = () => {
  void app.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

/** The gateway on its embedded defaults (simulator mode, no latency), as its own process; prints `{"url": …}`. */
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/env.js';

const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent', PORT: '0' }));
const url = await app.start(0);
console.log(JSON.stringify({ url }));
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));

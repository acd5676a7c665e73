/**
 * The gateway as its own process, configured by its environment (embedded simulator by default);
 * prints `{"url": …}`. Started with an IPC channel (lib.ts, startGatewayProcess), it answers
 * `memory` (after a full GC when run with --expose-gc) and `pollers`, so a benchmark can look
 * inside without sharing its event loop.
 */
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/env.js';
import { tuneRuntime } from '../../../src/observability/index.js';

// As src/main.ts does: this is the gateway's own process.
tuneRuntime();

const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ...process.env }));
const url = await app.start(Number(process.env['PORT'] ?? 0));
console.log(JSON.stringify({ url }));

const MB = 1024 * 1024;
const answers: Record<string, () => unknown> = {
  memory: () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return { heapUsedMb: m.heapUsed / MB, rssMb: m.rss / MB };
  },
  pollers: () => app.pollers.list().map((p) => ({ subscribers: p.subscribers, polls: p.polls, ready: p.ready })),
};
process.on('message', (m: { id: number; question: string }) => process.send?.({ id: m.id, answer: answers[m.question]?.() ?? null }));
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));

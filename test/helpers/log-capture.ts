import { createLogger, type Logger } from '../../src/observability/logger.js';
import type { Simulator } from '../../src/simulator/server.js';

/** A logger whose JSON lines are kept in memory, at `debug` so every line the code can write is seen. */
export function capturedLogger(): { logger: Logger; lines: () => Record<string, any>[]; text: () => string } {
  const chunks: string[] = [];
  const logger = createLogger({ level: 'debug', pretty: 'false', destination: { write: (s: string) => void chunks.push(s) } });
  return {
    logger,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, any>),
  };
}

/** Every secret the simulator handed out: tokens, refresh tokens, the app's client secret. */
export function simulatorSecrets(simulator: Simulator): string[] {
  return [
    ...simulator.locations.flatMap((l) => [l.token, l.readonlyToken]),
    simulator.agency.accessToken,
    simulator.agency.refreshToken,
    simulator.oauthApp.clientSecret,
  ];
}

/** What must never be in a log line: a known secret, anything token-shaped, or an e-mail address. */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  const found = secrets.filter((s) => s && text.includes(s));
  for (const pattern of [/\bpit-[0-9a-f]{8}-[0-9a-f-]+/i, /\bsim-(?:at|rt)-[0-9a-z]{8,}/i, /Bearer\s+(?!\[redacted\])\S+/i, /[\w.+-]+@[\w-]+\.[\w.-]+/]) {
    const m = pattern.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

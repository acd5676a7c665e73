import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { flushLogger, type Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';

/**
 * The HTTP side of a graceful stop. Tracks sockets and responses so that `drain` can:
 * stop accepting; end server-sent-event streams (a subscription over SSE never ends by itself);
 * let other in-flight requests finish; close idle keep-alive connections as they become idle;
 * and destroy whatever is left when the deadline passes.
 */
export function trackConnections(server: Server) {
  const sockets = new Set<Socket>();
  const responses = new Set<ServerResponse>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (_req, res: ServerResponse) => {
    responses.add(res);
    res.once('close', () => responses.delete(res));
  });

  return {
    /** Resolves once every connection is closed, or at the deadline with the rest destroyed. */
    async drain(deadlineMs: number): Promise<void> {
      const closed = new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      });
      for (const res of responses) {
        if (String(res.getHeader('content-type') ?? '').includes('text/event-stream')) res.end();
      }
      server.closeIdleConnections();
      // A keep-alive connection becomes idle once its last response is out: close it then.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      });
      try {
        await Promise.race([closed, deadline]);
      } finally {
        clearInterval(sweep);
        clearTimeout(timer);
      }
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/**
 * SIGTERM and SIGINT stop the app gracefully within `deadlineMs`, flush the logs and exit 0. A
 * second signal, or a stop that overruns the deadline by far, exits 1 at once.
 */
export function exitOnSignals(deps: { stop: (deadlineMs: number) => Promise<void>; logger: Logger; deadlineMs: number }): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      deps.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    deps.logger.info({ signal, deadlineMs: deps.deadlineMs }, 'shutting down');
    const hardStop = setTimeout(() => {
      deps.logger.error('shutdown overran its deadline: exiting');
      process.exit(1);
    }, deps.deadlineMs + 5_000);
    hardStop.unref();
    deps
      .stop(deps.deadlineMs)
      .then(
        async () => {
          deps.logger.info('stopped');
          await flushLogger(deps.logger);
          process.exit(0);
        },
        async (err: unknown) => {
          deps.logger.error({ err }, 'shutdown failed');
          await flushLogger(deps.logger);
          process.exit(1);
        },
      )
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * A rejection nobody handled is a bug, but one that should not take every other request down
 * with it (Node's default since v15): log it with its stack and count it. An uncaught exception
 * leaves state unknown, so that one still ends the process, after the log line is out.
 */
export function guardProcess(deps: { logger: Logger; metrics: GatewayMetrics }): () => void {
  const onRejection = (reason: unknown) => {
    deps.metrics.unhandledRejections.inc();
    deps.logger.error({ err: reason instanceof Error ? reason : { value: String(reason) } }, 'unhandled promise rejection');
  };
  const onException = (err: Error) => {
    deps.logger.fatal({ err }, 'uncaught exception: exiting');
    void flushLogger(deps.logger).finally(() => process.exit(1));
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

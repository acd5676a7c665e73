import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Real-socket clients for subscriptions: graphql-ws over WebSocket, and GraphQL over SSE. */

export interface Received<T = any> {
  events: T[];
  errors: unknown[];
  done: boolean;
  /** Resolves when `count` events have arrived (rejects after `timeoutMs` of real time). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
}

function collector<T>(): Received<T> & { push(e: T): void; fail(err: unknown): void; end(): void } {
  const waiters: { count: number; resolve: (v: T[]) => void }[] = [];
  const r = {
    events: [] as T[],
    errors: [] as unknown[],
    done: false,
    push(e: T) {
      r.events.push(e);
      for (const w of waiters.splice(0)) {
        if (r.events.length >= w.count) w.resolve(r.events);
        else waiters.push(w);
      }
    },
    fail(err: unknown) {
      r.errors.push(err);
    },
    end() {
      r.done = true;
    },
    waitFor(count: number, timeoutMs = 5_000): Promise<T[]> {
      if (r.events.length >= count) return Promise.resolve(r.events);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} events, got ${r.events.length}: ${JSON.stringify(r.errors)}`)), timeoutMs);
        waiters.push({ count, resolve: (v) => (clearTimeout(timer), resolve(v)) });
      });
    },
  };
  return r;
}

export function wsClient(url: string, connectionParams: Record<string, string> = {}): Client & { closes: { code: number; reason: string }[] } {
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (e) => closes.push({ code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }) },
  });
  return Object.assign(client, { closes });
}

/** Subscribes over graphql-ws; `stop()` unsubscribes. */
export function wsSubscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received = collector<T>();
  const stop = client.subscribe<T>(
    { query, variables },
    { next: (v) => (v.errors ? received.fail(v.errors) : received.push(v.data as T)), error: (e) => received.fail(e), complete: () => received.end() },
  );
  return { received: received as Received<T>, stop };
}

/** Subscribes over SSE (GraphQL over SSE, distinct connections mode) with a plain fetch. */
export function sseSubscribe<T = any>(url: string, query: string, headers: Record<string, string> = {}) {
  const received = collector<T>();
  const controller = new AbortController();
  const opened = (async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
            if (!data) continue;
            const msg = JSON.parse(data) as { data?: T; errors?: unknown };
            if (msg.errors) received.fail(msg.errors);
            else if (msg.data) received.push(msg.data);
          }
        }
      } catch {
        // aborted
      }
      received.end();
    })();
    return res.status;
  })();
  return { received: received as Received<T>, opened, stop: () => controller.abort() };
}

/** Real time, for socket tests only (pollers and clocks elsewhere are driven by a fake clock). */
export const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits, bounded, until a condition holds: subscriptions and deliveries land asynchronously. */
export async function until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await settle(20);
  }
}

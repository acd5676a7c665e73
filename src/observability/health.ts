import type { Plugin } from 'graphql-yoga';
import type { Clock } from '../lib/clock.js';
import type { GatewayMetrics } from './metrics.js';

/** One thing readiness depends on. `detail` is for operators: never a secret. */
export interface CheckResult {
  ok: boolean;
  /** Serving, but with less than usual (Redis away: local limits and a cold cache). */
  degraded?: boolean;
  detail?: string;
}
export type ReadinessCheck = () => CheckResult | Promise<CheckResult>;

/**
 * Remembers how GHL answered lately. GHL is "reachable" unless, for `staleMs`, every exchange
 * failed (no answer, or a 5xx) and none succeeded. Before the first call there is nothing to
 * doubt: the gateway is ready, and says it has not called GHL yet.
 */
export class UpstreamHealth {
  private lastOkAt: number | null = null;
  private lastFailureAt: number | null = null;

  constructor(private readonly opts: { clock: Clock; staleMs: number }) {}

  record(status: number): void {
    const now = this.opts.clock.now();
    if (status === 0 || status >= 500) this.lastFailureAt = now;
    else this.lastOkAt = now;
  }

  check(): CheckResult {
    const now = this.opts.clock.now();
    if (this.lastFailureAt === null) return { ok: true, detail: this.lastOkAt === null ? 'no calls yet' : 'answering' };
    if (this.lastOkAt !== null && this.lastOkAt >= this.lastFailureAt) return { ok: true, detail: 'answering' };
    const failingSince = this.lastOkAt ?? this.lastFailureAt;
    const failingMs = now - failingSince;
    if (this.lastOkAt !== null && failingMs < this.opts.staleMs) return { ok: true, detail: 'recent failures' };
    if (this.lastOkAt === null && failingMs < this.opts.staleMs) return { ok: true, detail: 'recent failures, no success yet' };
    return { ok: false, detail: `no successful GHL answer for ${Math.round(failingMs / 1000)} s` };
  }
}

/**
 * `/ready`: whether this process can serve traffic. Checks are named; other modules add theirs
 * (`addCheck('redis', …)` when a Redis is configured). While shutting down, not ready, so a load
 * balancer stops sending work before the listener closes.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  addCheck(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Shutdown has begun. */
  drain(): void {
    this.draining = true;
  }

  async report(): Promise<{ ready: boolean; checks: Record<string, CheckResult> }> {
    const checks: Record<string, CheckResult> = {};
    if (this.draining) checks['shutdown'] = { ok: false, detail: 'shutting down' };
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          checks[name] = await check();
        } catch (err) {
          checks[name] = { ok: false, detail: err instanceof Error ? err.name : 'check failed' };
        }
      }),
    );
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }
}

/**
 * `GET /ready` (it can serve: for load balancers) and `GET /metrics` (Prometheus text format).
 * `GET /health` (the process is up and its event loop turns: for restarts) is Yoga's own check,
 * which answers before any plugin runs; `/healthz` stays here as its alias.
 */
export function useOperationalRoutes(deps: { readiness: Readiness; metrics: GatewayMetrics }): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      // Synchronous for every other request (GraphQL above all): an async hook costs each a turn.
      if (request.method !== 'GET') return;
      const path = url.pathname;
      if (path === '/healthz') return endResponse(Response.json({ status: 'ok' }));
      if (path === '/ready' || path === '/metrics') return serve(path, endResponse);
    },
  };

  async function serve(path: string, endResponse: (response: Response) => void): Promise<void> {
    switch (path) {
      case '/ready': {
        const report = await deps.readiness.report();
        const degraded = Object.values(report.checks).some((c) => c.degraded === true);
        const body = { status: report.ready ? 'ready' : 'not ready', ready: report.ready, degraded, checks: report.checks, ...(report.checks['redis'] ? { redis: report.checks['redis'] } : {}) };
        return endResponse(Response.json(body, { status: report.ready ? 200 : 503 }));
      }
      case '/metrics': {
        const { body, contentType } = await deps.metrics.render();
        return endResponse(new Response(body, { headers: { 'content-type': contentType } }));
      }
    }
  }
}

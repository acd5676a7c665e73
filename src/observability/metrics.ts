import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one gateway, in a registry of its own (two apps in one test process do
 * not share counters). Every label has a bounded set of values:
 * - `operation` (GraphQL): the client's operation name when it is a plain identifier, up to
 *   `maxOperationNames` distinct names, then `other`; anonymous operations are `anonymous`;
 * - `ghl_operation`: GHL catalog keys (a fixed list);
 * - `status`, `outcome`, `type`, `priority`, `state`: small enums;
 * - `location`: held installations only, up to `maxLocationLabels`, the rest summed as `other`;
 *   pass-through callers never get a label of their own.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  readonly operationSeconds: Histogram<'operation' | 'type'>;
  readonly upstreamCalls: Counter<'ghl_operation' | 'status'>;
  readonly upstreamSeconds: Histogram<'ghl_operation'>;
  readonly upstream429: Counter;
  readonly tokenRefreshes: Counter<'outcome'>;
  readonly webhookEvents: Counter<'outcome'>;
  readonly unhandledRejections: Counter;
  readonly activeRequests: Gauge;

  private readonly operationNames = new Set<string>();
  /** Label children of `operations` and `operationSeconds` by their labels: bounded as the labels are. */
  private readonly operationChildren = new Map<string, { count: Counter.Internal; seconds: Histogram.Internal<'operation' | 'type'> }>();
  private readonly maxOperationNames: number;
  readonly maxLocationLabels: number;

  constructor(opts: { maxOperationNames?: number; maxLocationLabels?: number; processMetrics?: boolean } = {}) {
    this.maxOperationNames = opts.maxOperationNames ?? 200;
    this.maxLocationLabels = opts.maxLocationLabels ?? 50;
    const registers = [this.registry];
    this.operations = new Counter({ name: 'gateway_graphql_operations_total', help: 'GraphQL operations by name, type and outcome code (OK or extensions.code of the first error).', labelNames: ['operation', 'type', 'outcome'], registers });
    this.operationSeconds = new Histogram({
      name: 'gateway_graphql_operation_duration_seconds',
      help: 'Time to execute a query or mutation (a subscription: its lifetime is not measured here).',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.upstreamCalls = new Counter({ name: 'gateway_ghl_calls_total', help: 'HTTP exchanges with GHL by catalog operation and status (0: no answer: network error or timeout).', labelNames: ['ghl_operation', 'status'], registers });
    this.upstreamSeconds = new Histogram({
      name: 'gateway_ghl_call_duration_seconds',
      help: 'Duration of one HTTP exchange with GHL (after any wait for rate budget).',
      labelNames: ['ghl_operation'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers,
    });
    this.upstream429 = new Counter({ name: 'gateway_ghl_throttled_total', help: '429 answers from GHL.', registers });
    this.tokenRefreshes = new Counter({ name: 'gateway_token_refreshes_total', help: 'OAuth token refreshes by outcome: ok, refused (installation disconnected) or failed (will be tried again).', labelNames: ['outcome'], registers });
    this.webhookEvents = new Counter({ name: 'gateway_webhook_events_total', help: 'GHL webhook deliveries by outcome: the handler outcome, or refused / malformed / replayed / failed.', labelNames: ['outcome'], registers });
    this.unhandledRejections = new Counter({ name: 'gateway_unhandled_rejections_total', help: 'Promise rejections nobody handled (logged; the process keeps running).', registers });
    this.activeRequests = new Gauge({ name: 'gateway_http_requests_in_flight', help: 'HTTP requests being served.', registers });
    if (opts.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
  }

  /**
   * Counts one finished GraphQL operation and, unless `seconds` is null, its duration. The label
   * children are kept, so this runs on every request without hashing its labels again.
   */
  operationFinished(operation: string, type: string, outcome: string, seconds: number | null): void {
    const key = `${operation}\n${type}\n${outcome}`;
    let child = this.operationChildren.get(key);
    if (!child) {
      child = { count: this.operations.labels({ operation, type, outcome }), seconds: this.operationSeconds.labels({ operation, type }) };
      this.operationChildren.set(key, child);
    }
    child.count.inc();
    if (seconds !== null) child.seconds.observe(seconds);
  }

  /** A label value for a client-chosen operation name that keeps the label set bounded. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || this.operationNames.size >= this.maxOperationNames) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /**
   * A gauge whose values are read when Prometheus scrapes. `read` returns [labels, value] pairs;
   * the gauge is cleared first, so a label that disappears stops being reported.
   */
  gaugeFrom<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => Iterable<[Partial<Record<L, string>>, number]>): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames: labelNames as L[],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, value] of read()) this.set(labels, value);
      },
    });
  }

  /** A counter mirrored from a running total kept elsewhere (e.g. a client's stats). */
  counterFrom(name: string, help: string, read: () => number): Counter {
    return new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  /** Labels for per-location figures: the first `maxLocationLabels` ids, the rest folded into `other`. */
  locationLabels(ids: readonly string[]): { id: string; label: string }[] {
    return ids.map((id, i) => ({ id, label: i < this.maxLocationLabels ? id : 'other' }));
  }

  async render(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

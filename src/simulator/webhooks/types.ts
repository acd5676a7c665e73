import type { SimulatorStore } from '../store.js';

/**
 * Public shapes of the simulator's webhook delivery (`sim.webhooks`) and of the event table
 * (events.ts). ASSUMPTIONS.md, section WH, records every choice GHL does not document.
 */

/** A webhook body before delivery adds `timestamp` and `webhookId`: `type` is the GHL event name. */
export type EventPayload = { type: string } & Record<string, unknown>;

/** What `SimulatorOptions.webhooks` and `sim.webhooks.configure` take. */
export interface WebhookOptions {
  /** Where events are POSTed (http or https). Nothing is sent while no url is set. */
  url?: string;
  /** 0..1: share of events dropped silently (recorded as `dropped`). Default 0. */
  dropRate?: number;
  /** 0..1: share of events sent twice, byte for byte (same webhookId, same signatures). Default 0. */
  duplicateRate?: number;
  /** Wait on the simulator clock before each event is sent. Default 0. */
  delayMs?: number;
  /** Seed of the webhook PRNG (webhookIds, drop and duplicate draws). Default fixed. */
  seed?: number;
}

/** `configure` also takes `url: null` (or undefined) to stop sending. */
export type WebhookConfigPatch = Omit<WebhookOptions, 'url'> & { url?: string | null };

export type WebhookOutcome = 'delivered' | 'dropped' | 'failed' | 'pending';

export interface WebhookDelivery {
  /** 1, 2, … in emission order (a duplicate right after its original). */
  seq: number;
  /** The event name (`ContactCreate`, `UNINSTALL`, …). */
  type: string;
  webhookId: string;
  /** The event's location; null for agency-level events (agency UNINSTALL, agency UserCreate). */
  locationId: string | null;
  /** The receiver's last HTTP status; null when none came (pending, dropped, network error). */
  status: number | null;
  outcome: WebhookOutcome;
  /** True for the second copy sent by `duplicateRate`. */
  duplicate: boolean;
  /** ISO time the event was emitted, by the simulator clock. */
  at: string;
  /** HTTP attempts so far (more than 1 only after 429 answers). */
  attempts: number;
  /** Why a delivery failed without a status (network error, timeout, simulator stopped). */
  error?: string;
}

export interface WebhookPublicKeys {
  /** SPKI PEM of the RSA key that signs `x-wh-signature` (RSA-SHA256, GHL's documented scheme). */
  rsa: string;
  /** SPKI PEM of the Ed25519 key that signs `x-ghl-signature` (the official SDK's scheme). */
  ed25519: string;
}

/** `sim.webhooks`. */
export interface SimulatorWebhooks {
  readonly publicKeys: WebhookPublicKeys;
  /** Every delivery so far (one entry per event, plus one per duplicate copy), in emission order. */
  readonly deliveries: WebhookDelivery[];
  /** The current settings. */
  readonly config: Readonly<WebhookOptions>;
  /** Changes some settings; unnamed ones stay. `url: null` stops sending. A new `seed` restarts the PRNG. */
  configure(patch: WebhookConfigPatch): void;
  /** Resolves when every delivery started so far has finished (including its 429 retries and its delay). */
  flush(): Promise<void>;
  /** Empties `deliveries` (deliveries in flight still finish). */
  clear(): void;
  /**
   * Delivers an event the simulator has no operation for (e.g. `CampaignStatusUpdate`), with
   * `timestamp` and `webhookId` added, through the same knobs and signing.
   */
  emit(payload: EventPayload): void;
}

/** A successful write, as an event rule sees it. */
export interface WriteRequest {
  /** `METHOD path` as the spec writes it. */
  key: string;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, unknown>>;
  /** The validated request body. */
  body: unknown;
  /** The token's location; null for Company tokens. */
  locationId: string | null;
  /** The token's company. */
  companyId: string | null;
  store: SimulatorStore;
  /** ISO now, by the simulator clock. */
  now: string;
  /**
   * The answer body of a served read operation (`GET …`), called as the same token, deep-copied;
   * undefined when the operation is not served or refuses. Never changes anything.
   */
  read(key: string, params?: Record<string, string>, query?: Record<string, unknown>): unknown;
}

/**
 * How one operation turns into webhook events. `before` runs just before the handler, to keep
 * what the write is about to change or delete; `events` runs after a 2xx answer.
 */
export interface EventRule<B = unknown> {
  before?(req: WriteRequest): B;
  events(req: WriteRequest, response: unknown, before: B | undefined): EventPayload[];
}

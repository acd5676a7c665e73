import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GHLError, type HighLevel } from '@gohighlevel/api-client';
import { matchRoute } from '../../src/simulator/openapi.js';
import type { Simulator } from '../../src/simulator/server.js';
import { sdkClient } from './client.js';
import { routeKey, type SdkMethod } from './sdk-methods.js';

/**
 * Replays plain HTTP calls through the official SDK. The simulator's contract samples
 * (test/simulator/samples) speak raw HTTP; pointed at this bridge instead of the simulator, each
 * call is turned into the SDK method for its route (same path, query and body, the SDK's own
 * `Version` and headers) and sent by a `HighLevel` client with its default settings. The answer
 * the SDK returns goes back to the sample, so the sample's own checks apply to what the SDK got.
 */

export interface BridgedCall {
  /** `METHOD template` of the route called, as the specs write it. */
  key: string;
  /** `service.method` of the SDK method used. */
  sdkMethod: string;
  /** Status the simulator answered (the last exchange, after any SDK retry). */
  status: number;
  /** The SDK's error message when the method threw. */
  error?: string;
}

export interface SdkBridge {
  baseUrl: string;
  calls: BridgedCall[];
  /** Calls to routes no SDK method maps to: forwarded as they are, and listed here. */
  unmapped: string[];
  stop(): Promise<void>;
}

const camel = (name: string): string => name.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());

export async function startSdkBridge(sim: Simulator, methods: SdkMethod[]): Promise<SdkBridge> {
  const byRoute = new Map(methods.map((m) => [routeKey(m.httpMethod, m.path), m]));
  const calls: BridgedCall[] = [];
  const unmapped: string[] = [];
  const clients = new Map<string, HighLevel>();

  /** One client per credential, configured the way the SDK's README shows for that kind of token. */
  function clientFor(authorization: string | undefined): HighLevel {
    const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? '';
    let client = clients.get(token);
    if (!client) {
      const kind = sim.store.tokens.get(token);
      // The SDK wants its app's credentials beside an OAuth access token (or none at all).
      const app = { clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret };
      if (!token) client = sdkClient(sim.baseUrl, app);
      else if (kind?.kind === 'oauth' && kind.userType === 'Company') client = sdkClient(sim.baseUrl, { ...app, agencyAccessToken: token });
      else if (kind?.kind === 'oauth') client = sdkClient(sim.baseUrl, { ...app, locationAccessToken: token });
      else client = sdkClient(sim.baseUrl, { privateIntegrationToken: token });
      clients.set(token, client);
    }
    return client;
  }

  async function answer(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readAll(req);
    const match = matchRoute(method, url.pathname);
    const sdk = match ? byRoute.get(routeKey(method, match.template)) : undefined;
    if (!match || !sdk) {
      unmapped.push(`${method} ${url.pathname}`);
      const res = await fetch(sim.baseUrl + url.pathname + url.search, { method, headers: forwardable(req), ...(raw.length ? { body: new Uint8Array(raw) } : {}) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    }

    const params: Record<string, unknown> = {};
    for (const def of sdk.paramDefs) {
      if (def.in === 'path' && match.params[def.name] !== undefined) params[camel(def.name)] = match.params[def.name];
      if (def.in === 'query') {
        const values = [...url.searchParams.getAll(def.name), ...url.searchParams.getAll(`${def.name}[]`)];
        if (values.length) params[camel(def.name)] = values.length === 1 ? values[0] : values;
      }
      if (def.in === 'header' && typeof req.headers[def.name.toLowerCase()] === 'string') params[camel(def.name)] = req.headers[def.name.toLowerCase()];
    }
    const contentType = req.headers['content-type'] ?? '';
    const text = raw.toString('utf8');
    const body = !text ? undefined : contentType.includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
    const args = sdk.args.map((a) => (a === 'params' ? params : a === 'requestBody' ? body : undefined));

    const before = sim.requests.at(-1)?.seq ?? 0;
    const service = (clientFor(req.headers.authorization) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[sdk.service];
    const record: BridgedCall = { key: `${method} ${match.template}`, sdkMethod: `${sdk.service}.${sdk.name}`, status: 0 };
    calls.push(record);
    try {
      const data = await service![sdk.name]!(...args);
      record.status = sim.requests.filter((r) => r.seq > before).at(-1)?.status ?? 0;
      return { status: record.status, body: data };
    } catch (err) {
      if (!(err instanceof GHLError)) throw err;
      record.status = err.statusCode ?? 0;
      record.error = err.message;
      return { status: err.statusCode ?? 502, body: err.response };
    }
  }

  const server = createServer((req, res) => {
    answer(req).then(
      ({ status, body }) => {
        const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
        res.writeHead(status, payload ? { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' } : {});
        res.end(payload);
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ bridgeError: String(err) }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    unmapped,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function forwardable(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['authorization', 'version', 'content-type']) {
    const v = req.headers[name];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

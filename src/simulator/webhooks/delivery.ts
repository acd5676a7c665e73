import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * One webhook POST over a fresh connection (no keep-alive, so a receiver can close at once).
 * Resolves with the receiver's status once its answer has been read, or with the network error;
 * never rejects. The socket timeout is wall-clock time: it guards against a receiver that never
 * answers, which no simulated clock can advance.
 */

export const REQUEST_TIMEOUT_MS = 10_000;

export type PostResult = { status: number } | { error: string };

export interface PostHandle {
  done: Promise<PostResult>;
  /** Aborts the request (its result becomes an error). */
  abort(reason: string): void;
}

export function postJson(url: URL, bytes: Buffer, headers: Record<string, string>): PostHandle {
  let req: ClientRequest;
  let settle: (r: PostResult) => void = () => {};
  const done = new Promise<PostResult>((resolve) => {
    let settled = false;
    settle = (r) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
  });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  req = send(
    url,
    {
      method: 'POST',
      agent: false,
      timeout: REQUEST_TIMEOUT_MS,
      headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), 'user-agent': 'ghl-simulator-webhooks', ...headers },
    },
    (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      res.once('end', () => settle({ status }));
      res.once('close', () => settle({ status }));
      res.once('error', () => settle({ status }));
    },
  );
  req.once('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
  req.once('error', (err) => settle({ error: err.message }));
  req.end(bytes);
  return {
    done,
    abort(reason) {
      settle({ error: reason });
      req.destroy();
    },
  };
}

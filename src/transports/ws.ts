import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { GraphQLContext } from '../context.js';

/** Close codes a client can act on (4400–4499 is graphql-ws's range for application closes). */
export const CLOSE_CODES = { UNAUTHENTICATED: 4401, FORBIDDEN: 4403, REAUTH_REQUIRED: 4410 } as const;
const FATAL = new Set(Object.keys(CLOSE_CODES));

type Enveloped = ReturnType<YogaServerInstance<Record<string, unknown>, GraphQLContext>['getEnveloped']>;

/**
 * graphql-ws on `path` of the gateway's HTTP server, executing through Yoga's envelop so both
 * transports share the schema, context, error masking and plugins. The caller authenticates in
 * `connectionParams` with the same fields as HTTP headers (`authorization`, `x-location-id`);
 * a connection that cannot authenticate, or whose credential loses access later, is closed with
 * a close code and a reason saying why.
 */
export function attachGraphqlWs(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>,
  path: string,
  opts: { originAllowed?: (origin: string) => boolean } = {},
) {
  // Browsers send an Origin on WebSocket upgrades and CORS does not apply to them: refuse
  // origins off the allowlist here, or any page could subscribe as an anonymous caller.
  const { originAllowed } = opts;
  const wss = new WebSocketServer({ server, path, ...(originAllowed ? { verifyClient: ({ origin }: { origin?: string }) => !origin || originAllowed(origin) } : {}) });
  const cleanup = useServer<Record<string, unknown>>(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onConnect: async (ctx) => {
        // Authenticate once, up front, with the same rules as HTTP.
        const enveloped = yoga.getEnveloped({ request: requestFrom(ctx.connectionParams) });
        try {
          await enveloped.contextFactory();
          return true;
        } catch (err) {
          const code = err instanceof GraphQLError ? String(err.extensions['code'] ?? 'UNAUTHENTICATED') : 'UNAUTHENTICATED';
          ctx.extra.socket.close(CLOSE_CODES[code as keyof typeof CLOSE_CODES] ?? CLOSE_CODES.UNAUTHENTICATED, closeReason(`${code}: ${err instanceof Error ? err.message : 'not authenticated'}`));
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({ request: requestFrom(ctx.connectionParams), params: payload });
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
        return args;
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        const code = result.errors?.map((e) => String(e.extensions?.['code'] ?? '')).find((c) => FATAL.has(c));
        if (code) {
          const message = result.errors?.find((e) => e.extensions?.['code'] === code)?.message ?? code;
          // Let the error message reach the client first, then close with the reason.
          setImmediate(() => ctx.extra.socket.close(CLOSE_CODES[code as keyof typeof CLOSE_CODES], closeReason(`${code}: ${message}`)));
        }
      },
    },
    wss,
  );
  return {
    wss,
    /**
     * Sends every client a 1001 ("going away") close frame, waits up to `graceMs` for them to
     * answer it, then cuts the ones that have not.
     */
    async close(graceMs = 0): Promise<void> {
      const disposed = cleanup.dispose();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([disposed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
      await disposed;
    },
  };
}

/** The WebSocket protocol allows 123 bytes of close reason; `ws` throws on more. */
export const MAX_CLOSE_REASON_BYTES = 123;

/** `text` cut to fit a close frame, on a character boundary (a reason may hold any caller-supplied id). */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_CLOSE_REASON_BYTES) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > MAX_CLOSE_REASON_BYTES - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}...`;
}

/** The connection params, seen through the same interface as HTTP headers. */
function requestFrom(params: Readonly<Record<string, unknown>> | undefined) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string') headers.set(k.toLowerCase(), v);
  return { headers };
}

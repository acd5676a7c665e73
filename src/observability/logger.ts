import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger } from 'pino';

/**
 * The process's logger: JSON lines (one object per line, `level` as a name, `time` in ms since
 * the epoch), pretty only when asked for or when a person is watching a terminal.
 *
 * What never reaches a log line, whatever a caller passes in:
 * - credentials: fields named like tokens, secrets, passwords, API keys and authorization
 *   headers are replaced by `[redacted]` at any depth;
 * - personal data of contacts: `email`, `phone` and address fields likewise;
 * - the same things inside free text (error messages, upstream answers): bearer tokens,
 *   GHL-shaped tokens and e-mail addresses are masked by `scrubText`.
 */
export interface LoggerSettings {
  level: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** `auto`: pretty when stdout is a TTY. */
  pretty?: 'auto' | 'true' | 'false';
  /** Where lines go (tests capture them); default stdout. */
  destination?: DestinationStream;
}

/** Field names whose values are secret or personal, compared case-insensitively without `_` or `-`. */
const SENSITIVE_KEYS = new Set(
  [
    'authorization',
    'proxyauthorization',
    'cookie',
    'setcookie',
    'token',
    'accesstoken',
    'refreshtoken',
    'idtoken',
    'clientsecret',
    'secret',
    'password',
    'apikey',
    'xapikey',
    'privatekey',
    'tokenencryptionkey',
    'tenanthashsecret',
    'email',
    'phone',
    'address1',
    'dateofbirth',
  ],
);

const normalizeKey = (k: string) => k.toLowerCase().replace(/[-_]/g, '');

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normalizeKey(key));
}

const TEXT_PATTERNS: [RegExp, string][] = [
  [/\b(Bearer)\s+[^\s"',;]+/gi, '$1 [redacted]'],
  // GHL private integration tokens, OAuth tokens (the simulator's `sim-at-` / `sim-rt-` too) and JWTs.
  [/\bpit-[0-9a-f-]{8,}/gi, '[token]'],
  [/\bsim-(?:at|rt)-[0-9a-z]+/gi, '[token]'],
  [/\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g, '[token]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
];

/** Masks credentials and e-mail addresses inside free text. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of `value` with sensitive fields redacted and strings scrubbed; bounded in depth and breadth. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[truncated]';
  if (value instanceof Error) return serializeError(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (n++ >= 100) break;
    out[k] = isSensitiveKey(k) ? '[redacted]' : scrubValue(v, depth + 1);
  }
  return out;
}

/**
 * Errors as log fields. Expected failures (those with a `code`, i.e. what clients see as
 * `extensions.code`) are one line, no stack: they are traffic, not bugs. Anything else keeps its
 * stack, scrubbed.
 */
export function serializeError(err: Error): Record<string, unknown> {
  const code = errorCode(err);
  const out: Record<string, unknown> = { type: err.name, message: scrubText(err.message) };
  if (code) out['code'] = code;
  else if (err.stack) out['stack'] = scrubText(err.stack);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error && !code) out['cause'] = serializeError(cause);
  return out;
}

/** The client-facing code of an expected failure (GraphQLError extensions, or GhlError.code), if any. */
export function errorCode(err: unknown): string | null {
  if (!err || typeof err !== 'object') return null;
  const ext = (err as { extensions?: Record<string, unknown> }).extensions;
  const fromExt = ext && typeof ext === 'object' && typeof ext['code'] === 'string' ? (ext['code'] as string) : null;
  if (fromExt && fromExt !== 'INTERNAL_SERVER_ERROR') return fromExt;
  const own = (err as { code?: unknown }).code;
  if (typeof own === 'string' && /^[A-Z][A-Z_]+$/.test(own)) return own;
  const original = (err as { originalError?: unknown }).originalError;
  return original && original !== err ? errorCode(original) : null;
}

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: 'ghl-gateway' },
    formatters: {
      level: (label) => ({ level: label }),
      // Every merged object passes here: redact by field name at any depth, scrub free text.
      log: (object) => scrubValue(object) as Record<string, unknown>,
    },
    serializers: { err: (e: unknown) => (e instanceof Error ? serializeError(e) : scrubValue(e)) },
    hooks: {
      // The message string too (e.g. `log.warn(upstreamText)`).
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  const pretty = settings.pretty === 'true' || (settings.pretty !== 'false' && !settings.destination && process.stdout.isTTY === true);
  if (pretty) return pino(options, pinoPretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }));
  return pino(options, settings.destination ?? pino.destination({ dest: 1, sync: false }));
}

/**
 * Flushes buffered lines (before exit). Resolves even if the destination has nothing to flush or
 * cannot (a test's capture stream).
 */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush((err) => {
        void err;
        resolve();
      });
    } catch {
      resolve();
    }
  });
}

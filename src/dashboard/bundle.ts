import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The dashboard's script, bundled on first request from `client/main.ts` (with graphql-ws and the
 * `.graphql` documents, loaded as text) and kept in memory: the gateway serves everything itself,
 * no CDN and no build step before `npm start`. esbuild takes ~100 ms for it.
 */
let bundled: Promise<string> | null = null;
/** `client/main.ts` from the sources (tsx, tests); its transpiled `main.js` from dist/ (`npm start`, the container). */
const entry = new URL(import.meta.url.endsWith('.ts') ? './client/main.ts' : './client/main.js', import.meta.url);

export function dashboardScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    loader: { '.graphql': 'text' },
    logLevel: 'silent',
  }).then(
    (result) => result.outputFiles[0]!.text,
    (err: unknown) => {
      bundled = null; // let the next request try again (e.g. after a file was fixed)
      throw err;
    },
  );
  return bundled;
}

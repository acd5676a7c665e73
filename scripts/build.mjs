// `npm run build`: transpiles src/ to dist/ module by module with esbuild (about a second; tsc took
// half a minute of CPU for the same output), then copies the files read at run time (the vendored
// OpenAPI specs) beside the modules, where `import.meta.url` finds them. Types are not checked
// here: that is `npm run typecheck` (the whole project) or `tsc -p tsconfig.build.json` (src/ only,
// what the Dockerfile runs). Transpiling each file alone is safe because tsconfig.json sets
// `isolatedModules` and `verbatimModuleSyntax`: no emit depends on another file's types.
// With `--if-needed`, does nothing when dist/ is newer than every file under src/. With `--out DIR`,
// writes to DIR instead of dist/ (the test suite's own copy); DIR must sit directly in the project
// root, like dist/, because modules find files by relative paths (../../schema/examples/).
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
const out = process.argv.indexOf('--out');
const dist = join(root, out > 0 ? process.argv[out + 1] : 'dist');
const stamp = join(dist, 'main.js');
/** Development tools that live under src/ but are not part of the gateway. */
const notShipped = new Set(['ghl/openapi/sync.ts']);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = filesUnder(src);
if (process.argv.includes('--if-needed') && existsSync(stamp)) {
  const builtAt = statSync(stamp).mtimeMs;
  const newest = Math.max(...[...sources, join(root, 'package-lock.json')].map((file) => statSync(file).mtimeMs));
  if (builtAt >= newest) process.exit(0);
}

console.error(`Building ${relative(root, dist)}/ (esbuild)…`);
// From scratch: a module deleted from src/ must not live on in dist/.
rmSync(dist, { recursive: true, force: true });
const modules = sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !notShipped.has(relative(src, file)));
await build({
  entryPoints: modules,
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(join(src, 'ghl/openapi'), join(dist, 'ghl/openapi'), { recursive: true, filter: (from) => statSync(from).isDirectory() || from.endsWith('.json') });

// `npm run build`: compiles src/ to dist/ with tsc, then copies the files read at run time
// (the vendored OpenAPI specs) beside the compiled modules, where `import.meta.url` finds them.
// With `--if-needed`, does nothing when dist/ is newer than every file under src/.
// Before tsc, writes the wire types from the specs when they are missing or older than the specs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { generateWireTypes } from './wire-types.mjs';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = join(dist, 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-needed') && existsSync(stamp)) {
  const builtAt = statSync(stamp).mtimeMs;
  const inputs = Math.max(newestMtime(src), statSync(join(root, 'package-lock.json')).mtimeMs, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
  if (builtAt >= inputs) process.exit(0);
}

console.error('Building dist/ (tsc)…');
// tsc reads the wire types generated from the specs (git-ignored; see wire-types.mjs).
await generateWireTypes({ ifNeeded: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
cpSync(join(src, 'ghl/openapi'), join(dist, 'ghl/openapi'), { recursive: true, filter: (from) => statSync(from).isDirectory() || from.endsWith('.json') });
// tsc leaves main.js untouched when nothing changed (incremental): touch it so --if-needed sees the build.
const now = new Date();
utimesSync(stamp, now, now);

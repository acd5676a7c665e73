/**
 * Runs every benchmark in this folder, one process each, so one's warm-up never helps another.
 * Words pick benchmarks by file name (`npm run bench -- soak`); `--flags` go to each of them
 * (`npm run bench -- soak --minutes=10`). The soak runs only when named: it takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 ? !f.startsWith('soak') : only.some((o) => f.includes(o))));
let failed = 0;
for (const file of files.sort()) {
  console.log(`\n=== ${file}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', new URL(file, dir).pathname, ...flags], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

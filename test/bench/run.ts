/**
 * `npm run bench`: runs the benchmarks of issue 13, one process each (so one's warm-up never
 * helps another), against standalone simulators on loopback, in about five minutes. Then prints
 * one table (each figure beside its baseline from the same run, their ratio and the goal), merges
 * the rows into test/bench/results/bench-results.json and redraws test/bench/results/bench.svg
 * (the README embeds it).
 * `npm run bench -- NAME…` runs only the benchmarks whose file name contains a NAME; the others
 * (contact-graph, limits, live-writes, subscriptions, tenant-memory, soak) run only when named,
 * or all but the soak with `all`. `--flags` go to each benchmark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderChart } from './chart.js';
import { goalMet, RESULTS_DIR, ratioOf, type Row } from './lib.js';

const DEFAULT = ['critical-path', 'dashboard', 'overhead', 'thousand-clients', 'rate-budget', 'subscribers', 'cold-start'];
const dir = new URL('./', import.meta.url);
const resultsDir = new URL('./results/', import.meta.url);
const resultsFile = new URL('bench-results.json', resultsDir);

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length));
const chosen =
  only.length === 0 ? DEFAULT : only.includes('all') ? available.filter((n) => n !== 'soak') : available.filter((n) => only.some((o) => n.includes(o)));
const names = [...chosen].sort((a, b) => order(a) - order(b));
function order(name: string): number {
  const i = DEFAULT.indexOf(name);
  return i === -1 ? DEFAULT.length : i;
}

interface Stored {
  at: string;
  node: string;
  benchmarks: Record<string, { at: string; rows: Row[] }>;
}

const startedAt = new Date().toISOString();
const failed: string[] = [];
const fresh: Record<string, { at: string; rows: Row[] }> = {};
for (const name of names) {
  console.log(`\n=== ${name}`);
  const t0 = performance.now();
  // NODE_ENV=production as the Dockerfile sets it, for code a benchmark runs in its own process too.
  const res = spawnSync(process.execPath, ['--import', 'tsx', new URL(`${name}.bench.ts`, dir).pathname, ...flags], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const file = new URL(`${name}.json`, RESULTS_DIR);
  const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { at: string; rows?: Row[] }) : null;
  if (res.status !== 0 || !result || result.at < startedAt) {
    failed.push(name);
    continue;
  }
  fresh[name] = { at: result.at, rows: result.rows ?? [] };
}

const stored: Stored = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { at: startedAt, node: process.version, benchmarks: {} };
const merged: Stored = { at: new Date().toISOString(), node: process.version, benchmarks: { ...stored.benchmarks, ...fresh } };
mkdirSync(resultsDir, { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);

const rows = Object.entries(fresh).flatMap(([, b]) => b.rows);
printTable(rows);
const headline = Object.values(merged.benchmarks).flatMap((b) => b.rows.filter((r) => r.headline));
writeFileSync(new URL('bench.svg', resultsDir), renderChart(headline, 'Headline ratios (npm run bench): each figure over its baseline, same run'));
console.log(`\nWrote ${resultsFile.pathname} and ${new URL('bench.svg', resultsDir).pathname}`);
if (failed.length) console.log(`FAILED: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);

/** Whole numbers from 100 up, two significant decimals below: the machine is too noisy for more. */
function formatValue(value: number, unit: string): string {
  const text = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 100) / 100);
  return unit ? `${text} ${unit}` : text;
}

function formatRatio(ratio: number): string {
  return ratio !== 0 && Math.abs(ratio) < 0.01 ? `${ratio.toPrecision(1)}×` : `${ratio.toFixed(2)}×`;
}

function printTable(table: Row[]): void {
  const cells = table.map((r) => {
    const ratio = ratioOf(r);
    const g = r.goal;
    const goal = g ? [g.ratioAtMost !== undefined && `≤ ${g.ratioAtMost}×`, g.ratioAtLeast !== undefined && `≥ ${g.ratioAtLeast}×`, g.valueAtMost !== undefined && `≤ ${g.valueAtMost}`].filter(Boolean).join(', ') : '';
    const met = goalMet(r);
    return [r.figure, formatValue(r.value, r.unit), r.baseline ? `${formatValue(r.baseline.value, r.unit)} (${r.baseline.name})` : '', ratio === null ? '' : formatRatio(ratio), goal, met === null ? '' : met ? 'met' : 'NOT MET'];
  });
  const header = ['Figure', 'Value', 'Baseline (same run)', 'Ratio', 'Goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${cells.map(line).join('\n')}`);
}

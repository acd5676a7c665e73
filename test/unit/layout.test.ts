import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { domains } from '../../src/simulator/domains/index.js';

/**
 * The shape CONTRIBUTING.md promises: a GHL domain has the same name in every layer, so
 * `git grep -l <domain>` finds its whole slice, and no module of src/ imports itself back.
 */

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const names = (dir: string, test: (path: string) => boolean) =>
  readdirSync(join(src, dir))
    .filter((f) => test(join(src, dir, f)))
    .map((f) => f.replace(/\.ts$/, ''));

/** Schema domains, one folder each (shared/ holds the helpers, not a domain). */
const schemaDomains = names('schema', (p) => statSync(p).isDirectory()).filter((d) => d !== 'shared');

/** Where a domain's GHL calls live in another domain's endpoint file, and why. */
const ENDPOINTS_ELSEWHERE: Record<string, string> = {
  // A contact's appointments come from contacts.ts; booking and moving one are calendar events (calendars.ts).
  appointments: 'contacts.ts, calendars.ts',
};

/** Every .ts file under src/. */
const files: string[] = [];
const walk = (dir: string): void => {
  for (const f of readdirSync(dir)) {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) files.push(path);
  }
};
walk(src);

/** What a module imports or re-exports, static imports only (dynamic ones do not run at load). */
const specifiersOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1]!);

describe('one shape per domain', () => {
  it('names every schema domain the same in ghl/endpoints, loaders and the simulator', () => {
    const endpoints = new Set(names('ghl/endpoints', (p) => p.endsWith('.ts')));
    const loaders = new Set(names('loaders', (p) => p.endsWith('.ts')));
    const simulator = new Set(domains.map((d) => d.name));
    const missing = schemaDomains.flatMap((d) => [
      ...(endpoints.has(d) || d in ENDPOINTS_ELSEWHERE ? [] : [`src/ghl/endpoints/${d}.ts`]),
      ...(loaders.has(d) ? [] : [`src/loaders/${d}.ts`]),
      ...(simulator.has(d) ? [] : [`a simulator domain named ${d}`]),
    ]);
    expect(schemaDomains.length).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  it('keeps the layers apart: no GraphQL below the schema, no environment outside src/config/env.ts', () => {
    const graphqlBelowSchema = files
      .filter((f) => /^(ghl|simulator|loaders)\//.test(relative(src, f)))
      .flatMap((f) => specifiersOf(f).filter((s) => /^(graphql|graphql-yoga|graphql-ws|@pothos\/.*)$/.test(s) || resolve(dirname(f), s).startsWith(join(src, 'schema/'))).map((s) => `${relative(src, f)} imports ${s}`));
    const environment = files.filter((f) => relative(src, f) !== 'config/env.ts' && /\bprocess\.env\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
    expect(graphqlBelowSchema).toEqual([]);
    expect(environment).toEqual([]);
  });

  it('has no import cycle in src/ (type-only imports included)', () => {
    const known = new Set(files);
    const importsOf = (file: string): string[] =>
      specifiersOf(file)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
        .filter((f) => known.has(f));

    // Depth-first search: an import of a module still on the path closes a cycle.
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      path.push(file);
      for (const next of importsOf(file)) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(src, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(files.length).toBeGreaterThan(200);
    expect(cycles).toEqual([]);
  });
});

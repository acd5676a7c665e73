import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { configTable } from './config-table.js';
import { replaceSection } from './readme-sections.js';
import { catalogTable, printedSchema } from './schema-docs.js';

/**
 * Everything `npm run codegen` derives from the code, and the drift check over it
 * (`npm run check:schema`): the SDL, the README's catalog and configuration tables, and the typed
 * documents GraphQL Code Generator writes from the SDL and the `.graphql` documents.
 */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SDL_FILE = 'schema/schema.graphql';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

function read(path: string): string | null {
  try {
    return readFileSync(resolve(ROOT, path), 'utf8');
  } catch {
    return null;
  }
}

/** Files printed by our own code: they need nothing from disk but the README's hand-written parts. */
export function printedFiles(): GeneratedFile[] {
  const readme = read('README.md') ?? '';
  return [
    { path: SDL_FILE, content: printedSchema() },
    { path: 'README.md', content: replaceSection(replaceSection(readme, 'catalog', catalogTable()), 'config', configTable()) },
  ];
}

/** The typed documents, generated from the SDL file on disk (so it must be current first). */
export async function typedDocumentFiles(config: CodegenConfig): Promise<GeneratedFile[]> {
  const outputs = await generate({ ...config, cwd: ROOT, silent: true, verbose: false }, false);
  return outputs.map((o: { filename: string; content: string }) => ({ path: relative(ROOT, resolve(ROOT, o.filename)), content: o.content }));
}

/** Writes every generated file; returns the paths written. */
export async function writeGenerated(config: CodegenConfig): Promise<string[]> {
  const files = printedFiles();
  write(files);
  const typed = await typedDocumentFiles(config);
  write(typed);
  return [...files, ...typed].map((f) => f.path);
}

/** The generated files whose content on disk differs from what the code generates now. */
export async function driftedFiles(config: CodegenConfig): Promise<string[]> {
  const printed = printedFiles();
  const drifted = printed.filter((f) => read(f.path) !== f.content).map((f) => f.path);
  // The typed documents are generated from the SDL file; a stale SDL makes them stale too.
  if (drifted.includes(SDL_FILE)) return [...drifted, 'the typed documents (generated from schema/schema.graphql)'];
  const typed = await typedDocumentFiles(config);
  return [...drifted, ...typed.filter((f) => read(f.path) !== f.content).map((f) => f.path)];
}

function write(files: GeneratedFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(resolve(ROOT, f.path)), { recursive: true });
    writeFileSync(resolve(ROOT, f.path), f.content);
  }
}

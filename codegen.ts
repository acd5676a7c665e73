/**
 * Prints the schema built in src/schema to schema/schema.graphql (sorted SDL, checked in).
 *   npm run codegen         rewrite the file
 *   npm run check:schema    exit 1 if the file differs from the code (CI's drift check)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

const target = new URL('./schema/schema.graphql', import.meta.url);

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is drift too
    }
    if (current !== printed) {
      console.error('schema/schema.graphql is out of date: run `npm run codegen` and commit the result.');
      process.exit(1);
    }
    console.log('schema/schema.graphql matches the code.');
  } else {
    writeFileSync(target, printed);
    console.log(`wrote ${target.pathname}`);
  }
}

/**
 * GraphQL Code Generator configuration, and the script behind `npm run codegen`.
 *
 *   npm run codegen         regenerate everything below and write it
 *   npm run check:schema    exit 1 if anything checked in differs from what the code generates
 *
 * Generated, and checked in:
 * - `schema/schema.graphql`: the SDL printed from the Pothos schema (tools/schema-docs.ts);
 * - README.md's catalog table and configuration table (tools/schema-docs.ts, tools/config-table.ts);
 * - `src/gql/`: typed documents (GraphQL Code Generator's client preset) for the GraphiQL examples
 *   and the dashboard's documents. Import them as `import { graphql } from './gql/index.js'`.
 *
 * `npx graphql-codegen --config codegen.ts` runs the client preset alone, as usual.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/examples/*.graphql', 'src/dashboard/documents/*.graphql'],
  ignoreNoDocuments: true,
  // ESM with NodeNext resolution: relative imports need their `.js` extension.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as typed strings: clients that send text (fetch, graphql-ws, graphql-sse)
        // need no GraphQL parser in the browser.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;

async function main(): Promise<void> {
  const { driftedFiles, writeGenerated } = await import('./tools/generate.js');
  if (process.argv.includes('--check')) {
    const drifted = await driftedFiles(config);
    if (drifted.length > 0) {
      console.error(`Out of date: ${drifted.join(', ')}. Run \`npm run codegen\` and commit the result.`);
      process.exit(1);
    }
    console.log('The schema, the README tables and the typed documents match the code.');
  } else {
    const written = await writeGenerated(config);
    console.log(`wrote ${written.join(', ')}`);
  }
}

// Run as a script (tsx codegen.ts), not when graphql-codegen loads this file as its configuration.
if (process.argv[1] && /codegen\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql@16 ships CJS (`main`) and ESM (`module`). Vite would pick the ESM file for our code
    // while Node loads the CJS one for Pothos and Yoga: two realms, and "Cannot use
    // GraphQLObjectType from another module". Use the file Node uses, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Benchmarks are separate scripts (npm run bench); they print figures, they do not assert timings.
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});

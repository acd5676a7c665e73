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
    // Transpiles the gateway once per run for the tests that start it as a process.
    globalSetup: ['test/global-setup.ts'],
    // Time limits only stop a hung test; no test asserts speed. A loaded 2-core machine (another
    // copy of the suite alongside) runs the throughput-heavy files 3 to 5 times slower than a quiet one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time, whatever the core count (Vitest's default is cores − 1: one file at
    // a time on a 2-core machine). Many files mostly wait (child processes starting, simulator
    // latency, lease and poll intervals), so a second file overlaps that waiting; more than two
    // only adds CPU contention. Files are independent: ports are ephemeral, Redis keys carry a
    // per-run prefix, temporary files come from mkdtemp, and only build.test.ts writes dist/.
    maxWorkers: 2,
    minWorkers: 1,
    // Files share a worker's module cache instead of importing the schema, the simulator and the
    // specs again for each of the ~100 files (that import was over half of a quiet run: 235 s with
    // isolation, 120 s without). Safe because nothing per request or per test lives at module
    // scope: each test builds its own app, simulator, clock and stores (see CONTRIBUTING.md).
    isolate: false,
  },
});

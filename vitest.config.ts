import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that start a fleet or server on sockets, or spawn the built binary or third-party clients.
 * Everything else is the unit tier (`npm run test:unit`): unit and golden tests, no dist/ needed.
 */
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/cli/built.test.ts',
  'test/cli/lazy-load.test.ts',
  'test/cli/exit-codes.test.ts',
  'test/cli/demo.test.ts',
  'test/cli/up.test.ts',
  'test/cli/up-shutdown.test.ts',
  'test/control/**/*.test.ts',
  'test/fleet/shutdown.test.ts',
  'test/rest/server.test.ts',
  'test/rest/limits.test.ts',
  'test/package/**/*.test.ts',
  'test/docs/github-actions.test.ts',
  'test/labs/up-lab.test.ts',
  'test/deploy/pods.test.ts',
  'test/examples/**/*.test.ts',
  'test/testing/**/*.test.ts',
  'test/report/html-*.test.ts',
  'test/report/export-check.test.ts',
  'test/discover/roundtrip.test.ts',
  'test/foreign/netlab-up.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test/setup-state-dir.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...E2E],
          // Unit tests keep no state in modules, so files may share a worker's module graph: half
          // the tier's CPU time is importing, which this pays once per worker instead of per file.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});

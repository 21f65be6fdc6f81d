import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Native addons (better-sqlite3, serialport) are happiest in forked workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // The JSON report is what .ci/run counts from.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

/**
 * Files that drive Chromium, spawn kiosk processes or time real serial links over socat ptys.
 * They run one file at a time, after the unit files, so on a 2-core machine they never starve
 * each other (or get starved by the unit files) into a time-out.
 */
const SERIAL = [
  'test/e2e/**/*.test.ts',
  'test/crash/**/*.test.ts',
  'test/**/*pty*.test.ts',
  'test/main/payment/zvt-reconcile.test.ts',
  'test/main/payment/terminal-link-drop.test.ts',
  'test/main/payment/no-double-charge.test.ts',
  'test/main/launcher/**/*.test.ts',
  'test/main/shell/kiosk-shell.test.ts',
  'test/packaging/cage-session.test.ts',
  'test/main/fleet/fleet-broker.test.ts',
  'test/main/fleet/fleet-diagnostics.test.ts',
  'test/main/fleet-console/demo.test.ts',
];

export default defineConfig({
  test: {
    // Native addons (better-sqlite3, serialport) are happiest in forked workers.
    pool: 'forks',
    // Sized for a 2-core CI machine that may be busy: a slow machine is not a failure.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report is what .ci/run counts from.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SERIAL, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // Each of these files sets its own generous per-test time-outs; this is the floor.
        test: { name: 'serial', include: SERIAL, fileParallelism: false, maxWorkers: 1, testTimeout: 120_000, sequence: { groupOrder: 1 } },
      },
    ],
  },
});

/** Jest runs every layer: unit, integration (real wx-server-sdk on the local cloud), e2e (H5 in Chromium). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
    ],
  },
  moduleNameMapper: {
    '^@rules/(.*)$': '<rootDir>/cloudfunctions/api/src/rules/$1',
    // The real wx-server-sdk, bundled into one file by scripts/build-functions.mjs (globalSetup builds it when
    // missing): each test file loads it into its own registry, and one file loads in a fraction of the time.
    '^wx-server-sdk$': '<rootDir>/.build/wx-server-sdk.cjs',
  },
  setupFiles: ['<rootDir>/tests/support/env.ts'],
  // Rebuilds the function bundles once when they are older than their source (tests run the bundles).
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  testTimeout: 60000,
  // Three files at a time on the 2-core machine: with two, a fifth of the CPU stayed idle while files waited on
  // their own round trips (local cloud, function instances, browser); a third file fills it (jest 22.4 → 20 min).
  maxWorkers: 3,
  // Slowest files first (the durations of the last run, or the typical one of the file's kind on a fresh clone).
  testSequencer: '<rootDir>/tests/support/sequencer.js',
};

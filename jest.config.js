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
  moduleNameMapper: { '^@rules/(.*)$': '<rootDir>/cloudfunctions/api/src/rules/$1' },
  setupFiles: ['<rootDir>/tests/support/env.ts'],
  // Rebuilds the function bundles once when they are older than their source (tests run the bundles).
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // Slowest files first (the durations of the last run, or the typical one of the file's kind on a fresh clone).
  testSequencer: '<rootDir>/tests/support/sequencer.js',
};

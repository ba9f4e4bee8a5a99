import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Two cores on the CI machine: PGlite and Chromium are memory-hungry, so keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { DOTENV_CONFIG_QUIET: 'true', CRAWLEE_LOG_LEVEL: 'WARNING', TZ: 'UTC' },
  },
});

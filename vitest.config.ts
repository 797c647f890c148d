import { defineConfig } from 'vitest/config';

/** Unit and end-to-end tests; browser tests share the two cores, so files run in parallel with a cap. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    env: { DOTENV_CONFIG_QUIET: 'true' },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration and e2e suites start emulators on ephemeral ports; running
    // files in parallel on a 2-core CI box makes them flaky, not faster.
    fileParallelism: false,
    pool: 'forks',
    // Tests assert on behaviour, not on log lines; keep the output readable.
    env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR' },
  },
});

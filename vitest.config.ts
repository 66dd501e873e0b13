import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'udfs/**/*.test.ts'],
    testTimeout: 20000,
    // Start a Kafka broker / a schema registry when the run includes tests needing them (see the files).
    globalSetup: ['test/setup/kafka-global-setup.ts', 'test/setup/registry-global-setup.ts'],
  },
});

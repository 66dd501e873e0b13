import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'udfs/**/*.test.ts'],
    testTimeout: 20000,
    // Starts a Kafka broker when the run includes Kafka tests (see the file).
    globalSetup: ['test/setup/kafka-global-setup.ts'],
  },
});

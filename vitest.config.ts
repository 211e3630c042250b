import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/temp-cleanup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

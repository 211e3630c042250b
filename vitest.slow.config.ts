import { defineConfig } from 'vitest/config';
import base, { SLOW_TESTS } from './vitest.config.js';

/** `npm run test:slow`: only the long robustness runs that `npm test` leaves out. */
export default defineConfig({
  test: { ...base.test, include: SLOW_TESTS, exclude: ['**/node_modules/**'], testTimeout: 300_000 },
});

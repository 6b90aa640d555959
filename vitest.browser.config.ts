import { defineConfig } from 'vitest/config';

// The browser tests (Debian's Chromium through playwright-core): run with `vitest run --config vitest.browser.config.ts`, never by `npm test`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});

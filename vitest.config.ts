import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Cross-engine tests need Debian packages and a server (`npm run test:interop`); browser tests need Chromium (`npm run test:browser`).
    exclude: ['tests/interop/**', 'tests/browser/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    // Set-up hooks build whole sites and stores; on a loaded 2-core machine they can take far longer than the 10 s default.
    hookTimeout: 180_000,
  },
});

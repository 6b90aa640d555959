import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Cross-engine tests need Debian packages and a server: they run with `npm run test:interop`.
    exclude: ['tests/interop/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
  },
});

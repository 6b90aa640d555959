import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/interop/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The engines are heavy (JVMs, a database server): one file at a time.
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx', 'scripts/**/*.test.ts', 'examples/**/*.test.ts', 'public/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});

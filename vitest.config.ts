import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test; e2e/ has its own Playwright runner.
export default defineConfig({
  test: {
    include: ['{app,main,renderer,toolchain,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**', 'e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/guarantees/**/*.test.ts'],
    // A ceiling for a loaded machine (npm test runs the browsers beside vitest), not a budget.
    testTimeout: 180_000,
  },
});

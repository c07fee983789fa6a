import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const INCLUDE = ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/guarantees/**/*.test.ts'];

// Files that drive wxt's fake browser (its storage and listeners are module state) or replace
// modules and globals through vi: each gets fresh modules, as every file did before.
const NEEDS_FRESH_MODULES = /fakeBrowser|store-harness|vi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\b/;
const ISOLATED = INCLUDE.flatMap((pattern) => globSync(pattern)).filter((file) =>
  NEEDS_FRESH_MODULES.test(readFileSync(file, 'utf8')),
);

// WxtVitest's setup (fakeBrowser as `browser` and `chrome`): a project's own setupFiles replace it.
const WXT_SETUP = 'virtual:wxt-setup';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // A ceiling for a loaded machine (npm test runs the browsers beside vitest), not a budget.
    testTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared modules',
          include: INCLUDE,
          exclude: ISOLATED,
          // Modules are evaluated once per worker instead of once per file. Measured on this
          // 2-core machine: 53 → 20 CPU-seconds for the Node files, 45 → 23 for the happy-dom
          // ones. tests/unit/isolation-setup.ts empties the shared document before each file.
          isolate: false,
          setupFiles: [WXT_SETUP, 'tests/unit/isolation-setup.ts'],
        },
      },
      { extends: true, test: { name: 'fresh modules', include: ISOLATED, setupFiles: [WXT_SETUP] } },
    ],
  },
});

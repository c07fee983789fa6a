// Runs every suite in order and ends with one line, `N passed, N failed`, summing them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const tallies: Tally[] = [];
mkdirSync('reports', { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): { code: number; output: string } {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return { code: result.status ?? 1, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}` };
}

function single(suite: string, ok: boolean, note?: string) {
  tallies.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note });
}

function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// Build first: every browser suite tests the real built extension.
single('build (chrome-mv3, firefox-mv2)', run('npm', ['run', 'build']).code === 0);

single('type check', run('npx', ['tsc', '--noEmit', '-p', '.']).code === 0);

rmSync('reports/vitest.json', { force: true });
const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json']);
const vitest = readJson('reports/vitest.json');
if (vitest) {
  tallies.push({
    suite: 'unit (vitest)',
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests + (unit.code !== 0 && vitest.numFailedTests === 0 ? 1 : 0),
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
} else single('unit (vitest)', false, 'no report');

rmSync('reports/playwright.json', { force: true });
const e2e = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' });
const playwright = readJson('reports/playwright.json');
if (playwright?.stats) {
  const s = playwright.stats;
  tallies.push({
    suite: 'e2e Chromium (playwright)',
    passed: s.expected + s.flaky,
    failed: s.unexpected + (e2e.code !== 0 && s.unexpected === 0 ? 1 : 0),
    skipped: s.skipped,
  });
} else single('e2e Chromium (playwright)', false, 'no report');

const firefox = run('node', ['tests/firefox/run.ts']);
const ff = /Firefox: (\d+) passed, (\d+) failed/.exec(firefox.output);
if (ff) {
  tallies.push({
    suite: 'Firefox ESR',
    passed: Number(ff[1]),
    failed: Number(ff[2]) + (firefox.code !== 0 && Number(ff[2]) === 0 ? 1 : 0),
    skipped: 0,
  });
} else single('Firefox ESR', false, 'no summary line');

single('web-ext lint (no errors, every warning explained)', run('node', ['scripts/lint-firefox.ts']).code === 0);
single('codec fuzz (100,000 mutated tokens, bombs)', run('node', ['tests/fuzz/codec-fuzz.ts']).code === 0);
single('budgets (sizes and e2e timings)', run('node', ['scripts/budgets.ts']).code === 0);
// Figures only: the bench prints throughput against the Web API floor and the codec's size.
run('node', ['tests/bench/codec-bench.ts']);
run('node', ['tests/bench/userid-picker-bench.ts']);

console.log('\nSummary');
for (const t of tallies) {
  console.log(`  ${t.suite.padEnd(30)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}${t.note ? ` (${t.note})` : ''}`);
}
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);

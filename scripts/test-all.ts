// Runs every suite and ends with one line, `N passed, N failed`, summing them all.
//
// After the build, three lanes run side by side on the 2 cores: the Node suites (type check,
// vitest, web-ext lint, fuzz) and then a second Firefox run, Playwright in Chromium and then a
// third Firefox run, and a first Firefox run. The Firefox runs take checks from one queue, so
// they end together. Tests assert behaviour only, so the load of the other lanes changes no
// verdict; timing figures carry the machine's speed index and are judged by scripts/budgets.ts
// at the end. A skipped or pending test counts as failed: a suite that cannot run what it holds
// is not green. The summary names every failed test, and every test that passed only on its
// second try (both browser runners give one), since CI may show only the output's tail.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  note?: string;
  /** What failed, a line each, repeated in the summary: CI may keep only the output's tail. */
  failures?: string[];
  /** What passed only on its second try, a line each, also in the summary. */
  flaky?: string[];
}

interface Ran {
  code: number;
  output: string;
}

const tallies: Tally[] = [];
mkdirSync('reports/logs', { recursive: true });

/** Runs a command with its output kept for the log (printed whole when the lane ends). */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = `\n$ ${command} ${args.join(' ')}\n`;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (e) => resolve({ code: 1, output: `${output}\n${e.message}` }));
  });
}

function single(suite: string, ok: boolean, note?: string) {
  tallies.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note });
}

/** The first line of an error message, short enough for a summary line. */
function firstLine(message: unknown): string {
  const line = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 160);
}

/** Playwright's JSON report: the tests of a status, each with its file, title and error. */
function playwrightTests(report: any, status: (s: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (suite: any, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (!status(test.status)) continue;
        // The first failure explains a flaky test; the last, a failed one.
        const failure = test.status === 'flaky' ? test.results?.find((r: any) => r.error) : test.results?.at(-1);
        out.push(`${spec.file}: ${[...path, spec.title].join(' › ')} (${test.status}) ${firstLine(failure?.error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title && !child.title.endsWith('.ts') ? [...path, child.title] : path);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  return out;
}

/** Vitest's JSON report: each test that failed or did not run. */
function vitestFailures(report: any): string[] {
  const out: string[] = [];
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') continue;
      out.push(`${String(file.name).replace(`${process.cwd()}/`, '')}: ${test.fullName} (${test.status}) ${firstLine(test.failureMessages?.[0])}`);
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) out.push(`${file.name}: ${firstLine(file.message)}`);
  }
  return out;
}

function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A lane's steps run one after another; its output is printed in one piece when it ends. */
async function lane(name: string, steps: () => Promise<string>): Promise<void> {
  const started = Date.now();
  let output: string;
  try {
    output = await steps();
  } catch (e) {
    output = `lane ${name} broke: ${(e as Error).stack ?? e}`;
    single(`${name} (lane)`, false, 'the lane itself failed');
  }
  writeFileSync(`reports/logs/${name}.log`, output);
  console.log(`\n======== ${name} (${Math.round((Date.now() - started) / 1000)} s) ========${output}`);
}

/** Checks shared by the two Firefox runs as they go (tests/firefox/run.ts --queue). */
const FIREFOX_QUEUE = 'reports/firefox-queue';
let firefoxChecks: number | undefined;

/** One of the Firefox runs that take the checks from one queue until none is left. */
async function firefoxRunner(k: number): Promise<string> {
  const firefox = await run('node', ['tests/firefox/run.ts', '--queue', FIREFOX_QUEUE, '--runner', String(k)]);
  const all = /Firefox checks: (\d+) in all/.exec(firefox.output);
  if (all) firefoxChecks = Number(all[1]);
  const ff = /Firefox: (\d+) passed, (\d+) failed/.exec(firefox.output);
  if (ff) {
    tallies.push({
      suite: `Firefox ESR (run ${k})`,
      passed: Number(ff[1]),
      failed: Number(ff[2]) + (firefox.code !== 0 && Number(ff[2]) === 0 ? 1 : 0),
      failures: firefox.output.split('\n').filter((l) => l.startsWith('FAIL')).map((l) => l.slice(0, 200)),
      flaky: firefox.output.split('\n').filter((l) => l.startsWith('FLAKY')).map((l) => l.slice(0, 240)),
    });
  } else single(`Firefox ESR (run ${k})`, false, 'no summary line');
  return firefox.output;
}

/** One bench: its figures for the budgets (each a ratio measured within itself). */
async function figureBench(script: string, file: string): Promise<string> {
  const bench = await run('node', [script]);
  writeFileSync(file, bench.output);
  if (bench.code !== 0) single(`bench ${script}`, false, 'the bench broke');
  return bench.output;
}

/**
 * Two at a time, one per core: the codec bench runs for a fixed time (about 11 s), the other two
 * after each other beside it. Each compares ours with a floor call by call in one process, so a
 * neighbour on the other core moves both sides alike.
 */
async function figureBenches(): Promise<string> {
  const [codec, others] = await Promise.all([
    figureBench('tests/bench/codec-bench.ts', 'reports/codec-bench.txt'),
    (async () =>
      (await figureBench('tests/bench/userid-picker-bench.ts', 'reports/userid-picker-bench.txt')) +
      (await figureBench('tests/bench/storage-bench.ts', 'reports/storage-bench.txt')))(),
  ]);
  return codec + others;
}

const t0 = Date.now();

rmSync(FIREFOX_QUEUE, { recursive: true, force: true });
// Figures come from this run only (the budgets read every reports/firefox-figures*.json).
for (const f of readdirSync('reports')) if (/^firefox-figures.*\.json$/.test(f)) rmSync(`reports/${f}`);

// Build first: every browser suite tests the real built extension.
const build = await run('npm', ['run', 'build']);
console.log(build.output);
single('build (chrome-mv3, firefox-mv2)', build.code === 0);

await Promise.all([
  lane('node', async () => {
    let out = '';
    const tsc = await run('npx', ['tsc', '--noEmit', '-p', '.']);
    out += tsc.output;
    single('type check', tsc.code === 0);

    rmSync('reports/vitest.json', { force: true });
    const unit = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json']);
    out += unit.output;
    const vitest = readJson('reports/vitest.json');
    if (vitest) {
      const notRun = vitest.numPendingTests + vitest.numTodoTests;
      tallies.push({
        suite: 'unit (vitest)',
        passed: vitest.numPassedTests,
        failed: vitest.numFailedTests + notRun + (unit.code !== 0 && vitest.numFailedTests === 0 ? 1 : 0),
        note: notRun ? `${notRun} skipped or todo, counted as failed` : undefined,
        failures: vitestFailures(vitest),
      });
    } else single('unit (vitest)', false, 'no report');

    const lint = await run('node', ['scripts/lint-firefox.ts']);
    out += lint.output;
    single('web-ext lint (no errors, every warning explained)', lint.code === 0);
    const fuzz = await run('node', ['tests/fuzz/codec-fuzz.ts']);
    out += fuzz.output;
    single('codec fuzz (100,000 mutated tokens, bombs)', fuzz.code === 0);
    // The Node suites end first: this lane then joins the Firefox checks still in the queue.
    return out + (await firefoxRunner(2));
  }),
  lane('chromium', async () => {
    rmSync('reports/playwright.json', { force: true });
    const e2e = await run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' });
    const playwright = readJson('reports/playwright.json');
    if (playwright?.stats) {
      const s = playwright.stats;
      tallies.push({
        suite: 'e2e Chromium (playwright)',
        passed: s.expected + s.flaky,
        failed: s.unexpected + s.skipped + (e2e.code !== 0 && s.unexpected === 0 ? 1 : 0),
        note: s.skipped ? `${s.skipped} skipped, counted as failed` : undefined,
        failures: playwrightTests(playwright, (status) => status !== 'expected' && status !== 'flaky'),
        flaky: playwrightTests(playwright, (status) => status === 'flaky'),
      });
    } else single('e2e Chromium (playwright)', false, 'no report');
    // Chromium ends first: its cores join the Firefox checks still in the queue.
    return e2e.output + (await firefoxRunner(3));
  }),
  lane('firefox-1', () => firefoxRunner(1)),
]);

// Both runs together must have run every check, once.
const firefoxRan = tallies.filter((t) => t.suite.startsWith('Firefox ESR')).reduce((n, t) => n + t.passed + t.failed, 0);
if (firefoxChecks === undefined || firefoxRan < firefoxChecks) {
  single('Firefox ESR (every check run)', false, `${firefoxRan} of ${firefoxChecks ?? '?'} checks reported`);
}

// Figures: the benches write their results for the budgets (ratios measured in this run).
// The benches run alone, after the lanes: their ratios (ours ÷ the Web API floor) move with the
// noise of a loaded machine. Then the budgets judge every figure.
await lane('figures', async () => {
  const out = await figureBenches();
  const budgets = await run('node', ['scripts/budgets.ts']);
  single('budgets (sizes; times as ratios to this run)', budgets.code === 0);
  return out + budgets.output;
});

console.log(`\nSummary (${Math.round((Date.now() - t0) / 1000)} s; logs in reports/logs/)`);
for (const t of tallies) {
  console.log(`  ${t.suite.padEnd(50)} ${t.passed} passed, ${t.failed} failed${t.note ? ` (${t.note})` : ''}`);
  for (const f of t.failures ?? []) console.log(`      ✘ ${f}`);
  for (const f of t.flaky ?? []) console.log(`      ⚠ flaky: ${f}`);
}
const flaky = tallies.reduce((n, t) => n + (t.flaky?.length ?? 0), 0);
if (flaky) console.log(`${flaky} test(s) passed only on a second try (⚠ above): flaky, to be fixed at their cause`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

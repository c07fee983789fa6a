/**
 * Firefox check runner: `node tests/firefox/run.ts [--grep <regexp>]` (npm run test:firefox).
 *
 * Every file in tests/firefox/checks/ (sorted by name) default-exports a Check or an array of
 * them; they run one after another in one Firefox with the built extension installed, each with
 * its own timeout and its own tabs. Prints `ok` / `FAIL` per check, then exactly
 * `Firefox: N passed, N failed`, and exits 1 on any failure. A check that calls `ctx.pending`
 * (something it needs is missing: routes, a replica, a feature) fails: a harness that cannot
 * load what it tests must not report "0 failed". A check that fails gets one second try in fresh
 * tabs (not one that was pending or made a blocked request); a pass on it prints `FLAKY` with the
 * first failure, and the runner prints how many did.
 *
 * `--shard k/n` (or FIREFOX_SHARD=k/n) runs every n-th check from the k-th, for n runs side by side.
 * `--queue <dir> --runner <name>` lets several runs share the checks as they go: each run takes the
 * next check nobody has taken (an atomic mkdir in <dir>), so a run that starts late or gets slow
 * checks does less, and all end together. Each run also prints `Firefox checks: N in all`, so the
 * caller can see that the runs' counts add up to every check.
 *
 * Environment: FIREFOX_TIME_LIMIT_MS (whole run, default 1500000), FIREFOX_TIMEOUT_SCALE (check timeouts, default 2), FIREFOX_GREP,
 * FIREFOX_EXTENSION_DIR (default .output/firefox-mv2), FIREFOX_BIN (default /usr/bin/firefox-esr).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, Pending, startSession, withTimeout } from './harness.ts';
import type { Check, Session } from './harness.ts';

const CHECKS_DIR = path.join(import.meta.dirname, 'checks');
const DEFAULT_TIMEOUT_MS = 20_000;
// Ceilings, not budgets: the run shares 2 cores with the Chromium and Node lanes of `npm test`.
const TIMEOUT_SCALE = Number(process.env.FIREFOX_TIMEOUT_SCALE ?? 2);
const TIME_LIMIT_MS = Number(process.env.FIREFOX_TIME_LIMIT_MS ?? 1_500_000);
/** `--shard k/n` (or FIREFOX_SHARD): every n-th check from the k-th, so n runs share the checks. */
function parseShard(): { k: number; n: number } | undefined {
  const i = process.argv.indexOf('--shard');
  const src = i >= 0 ? process.argv[i + 1] : process.env.FIREFOX_SHARD;
  const m = /^(\d+)\/(\d+)$/.exec(src ?? '');
  if (!m) return undefined;
  const shard = { k: Number(m[1]), n: Number(m[2]) };
  if (shard.k < 1 || shard.k > shard.n) throw new Error(`--shard ${src}: k must be 1…n`);
  return shard;
}
const SHARD = parseShard();

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const QUEUE_DIR = argument('--queue');
const RUNNER = argument('--runner') ?? String(process.pid);
if (QUEUE_DIR && SHARD) throw new Error('--queue and --shard are two ways to share the checks: use one');

/** Takes check `index` for this run unless another run has (mkdir is atomic). */
function claim(index: number): boolean {
  if (!QUEUE_DIR) return true;
  try {
    fs.mkdirSync(path.join(QUEUE_DIR, String(index)));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

const FIGURES_FILE = path.join(
  ROOT,
  `reports/firefox-figures${SHARD ? `-${SHARD.k}of${SHARD.n}` : QUEUE_DIR ? `-runner-${RUNNER}` : ''}.json`,
);

function parseGrep(): RegExp | undefined {
  const i = process.argv.indexOf('--grep');
  const src = i >= 0 ? process.argv[i + 1] : process.env.FIREFOX_GREP;
  return src ? new RegExp(src, 'i') : undefined;
}

async function loadChecks(): Promise<Check[]> {
  const files = fs
    .readdirSync(CHECKS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .sort();
  const checks: Check[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(CHECKS_DIR, f)).href)) as { default?: Check | Check[] };
    const exported = mod.default;
    if (!exported) throw new Error(`tests/firefox/checks/${f} has no default export`);
    for (const c of Array.isArray(exported) ? exported : [exported]) {
      if (typeof c.name !== 'string' || typeof c.run !== 'function') {
        throw new Error(`tests/firefox/checks/${f}: a check needs a name and a run function`);
      }
      checks.push(c);
    }
  }
  return checks;
}

const log = (msg: string) => console.log(msg);
const indent = (s: string) => s.replace(/^/gm, '      ');

let passed = 0;
let failed = 0;
let pending = 0;
let flaky = 0;
let session: Session | undefined;
let finished = false;

function summary(): void {
  if (pending) console.log(`(${pending} of the failed were pending: something they need is missing)`);
  if (flaky) console.log(`(${flaky} of the passed passed on a second try: see the FLAKY lines)`);
  console.log(`Firefox: ${passed} passed, ${failed} failed`);
}

function writeFigures(): void {
  if (!session || session.figures.length === 0) return;
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.writeFileSync(FIGURES_FILE, JSON.stringify({ generatedAt: new Date().toISOString(), figures: session.figures }, null, 2) + '\n');
  console.log(`\nFigures (${path.relative(ROOT, FIGURES_FILE)}):`);
  const width = Math.max(...session.figures.map((f) => f.name.length));
  for (const f of session.figures) console.log(`  ${f.name.padEnd(width)}  ${String(f.value).padStart(8)} ${f.unit}`);
  console.log('');
}

// Whatever happens, Firefox must not outlive the runner.
function bail(reason: string, code: number): never {
  if (!finished) {
    finished = true;
    console.log(`FAIL  ${reason}`);
    failed++;
    session?.kill();
    summary();
  }
  process.exit(code);
}
process.on('SIGINT', () => bail('interrupted (SIGINT)', 130));
process.on('SIGTERM', () => bail('terminated (SIGTERM)', 143));
const overall = setTimeout(() => bail(`overall time limit of ${TIME_LIMIT_MS} ms reached`, 1), TIME_LIMIT_MS);
overall.unref();

interface Outcome {
  error: unknown;
  leaks: Session['blocked'];
  ms: number;
}

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!.slice(0, 200);

/** One run of a check in its own tabs; the figures of a failed run are dropped. */
async function attempt(session: Session, check: Check): Promise<Outcome> {
  const timeout = (check.timeoutMs ?? DEFAULT_TIMEOUT_MS) * TIMEOUT_SCALE;
  const controller = new AbortController();
  const figuresBefore = session.figures.length;
  session.setCurrentCheck(check.name);
  const { ctx, cleanup } = session.makeContext(check, controller.signal);
  const start = performance.now();
  let error: unknown;
  try {
    await withTimeout(check.run(ctx), timeout, 'check');
  } catch (e) {
    error = e;
    controller.abort(e);
  }
  // Let late requests of this check land in its window, then close its tabs.
  await new Promise((r) => setTimeout(r, 100));
  const leaks = ctx.blocked();
  await cleanup();
  if (error !== undefined) session.figures.splice(figuresBefore);
  return { error, leaks, ms: Math.round(performance.now() - start) };
}

async function main(): Promise<void> {
  const grep = parseGrep();
  const all = await loadChecks();
  const matching = grep ? all.filter((c) => grep.test(c.name)) : all;
  const checks = SHARD ? matching.filter((_, i) => i % SHARD.n === SHARD.k - 1) : matching;
  if (checks.length === 0) throw new Error(grep ? `no check matches ${grep}` : 'no checks found');

  log(`Firefox checks: ${checks.length} in all`);
  if (QUEUE_DIR) fs.mkdirSync(QUEUE_DIR, { recursive: true });

  // A run that joins late (the Chromium lane's, once Playwright is done) starts no Firefox for nothing.
  if (QUEUE_DIR && checks.every((_, i) => fs.existsSync(path.join(QUEUE_DIR, String(i))))) {
    log('every check is taken by the other runs');
    return;
  }
  const t0 = performance.now();
  session = await startSession(log);
  log(`started in ${Math.round(performance.now() - t0)} ms; ${checks.length} check(s)${QUEUE_DIR ? `, shared through ${QUEUE_DIR}` : ''}`);

  for (const [i, check] of checks.entries()) {
    if (!claim(i)) continue;
    const n = String(i + 1).padStart(2);
    let outcome = await attempt(session, check);
    // A second try, in fresh tabs, for a check that failed on its own: a blocked request or a
    // pending check is never retried. A pass on the second try is printed as FLAKY with the
    // first failure, and the summary counts it, so a flaky check stays in sight.
    if (outcome.error !== undefined && !(outcome.error instanceof Pending) && outcome.leaks.length === 0) {
      const first = outcome;
      outcome = await attempt(session, check);
      if (outcome.error === undefined && outcome.leaks.length === 0) {
        flaky++;
        log(`FLAKY ${n} ${check.name} (passed on a second try; the first failed after ${first.ms} ms: ${firstLine(first.error)})`);
        log(indent(describe(first.error)));
      }
    }
    const { error, leaks, ms } = outcome;
    if (error instanceof Pending) {
      pending++;
      log(`FAIL  ${n} ${check.name} — pending: ${error.message}`);
    }
    if (error === undefined && leaks.length === 0) {
      passed++;
      log(`ok    ${n} ${check.name} (${ms} ms)`);
      continue;
    }
    failed++;
    if (!(error instanceof Pending)) log(`FAIL  ${n} ${check.name} (${ms} ms)`);
    if (error !== undefined && !(error instanceof Pending)) log(indent(describe(error)));
    for (const b of leaks) log(`      blocked ${b.via === 'page' ? `request from ${b.from}` : 'request through the sink proxy'}: ${b.url}`);
  }

  // Requests between or after checks (a background timer, say) still count.
  session.setCurrentCheck(undefined);
  await new Promise((r) => setTimeout(r, 300));
  const stray = session.blocked.filter((b) => b.check === undefined && !b.browserOwn);
  if (stray.length > 0) {
    failed++;
    log(`FAIL     network guard: requests outside any check`);
    for (const b of stray) log(`      blocked (${b.via}): ${b.url}`);
  }
  const own = session.blocked.filter((b) => b.browserOwn);
  if (own.length > 0) log(`note: Firefox's own traffic blocked, not counted: ${[...new Set(own.map((b) => b.url))].join(', ')}`);
}

try {
  await main();
} catch (e) {
  failed++;
  console.log(`FAIL  harness: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
  await session?.close();
}
if (!finished) {
  finished = true;
  writeFigures();
  summary();
}
clearTimeout(overall);
process.exit(failed > 0 ? 1 : 0);

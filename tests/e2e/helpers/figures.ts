/**
 * Named timing figures from e2e tests (the `measure` fixture): each worker appends samples to
 * reports/.e2e-figures/<run>/<pid>.jsonl as they are taken; globalTeardown merges them into
 * reports/e2e-figures.json, prints a table and removes the run's folder. This works with any
 * `--reporter` on the command line (scripts/test-all.ts passes its own).
 */
import fs from 'node:fs';
import path from 'node:path';

/** `calibration`: the machine's speed index (tests/shared/calibration.ts) taken right before the sample. */
export type FigureSample = { name: string; value: number; unit: string; test: string; calibration?: number };

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIGURES_FILE = path.join(ROOT, 'reports/e2e-figures.json');
// One folder per run (globalSetup sets E2E_RUN_ID, workers inherit it), so two runs in the
// shared checkout do not mix or wipe each other's samples.
const partsDir = () => path.join(ROOT, 'reports/.e2e-figures', process.env.E2E_RUN_ID ?? 'default');

export function appendFigure(sample: FigureSample): void {
  fs.mkdirSync(partsDir(), { recursive: true });
  fs.appendFileSync(path.join(partsDir(), `${process.pid}.jsonl`), JSON.stringify(sample) + '\n');
}

/** Starts a run: a fresh samples folder for it. */
export function startFigures(): void {
  process.env.E2E_RUN_ID = `${process.pid}-${Date.now()}`;
  fs.mkdirSync(partsDir(), { recursive: true });
}

function clearFigures(): void {
  fs.rmSync(partsDir(), { recursive: true, force: true });
}

function readSamples(): FigureSample[] {
  const dir = partsDir();
  if (!fs.existsSync(dir)) return [];
  const samples: FigureSample[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        samples.push(JSON.parse(line) as FigureSample);
      } catch {
        // a torn line from a killed worker
      }
    }
  }
  return samples;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const fmt = (v: number | null) => (typeof v !== 'number' || !Number.isFinite(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1));

/** Merges the samples of this run into reports/e2e-figures.json and prints the table. */
export function reportFigures(log: (line: string) => void = console.log): void {
  // A sample that is not a number (a figure that could not be read) is dropped here; the budgets
  // then see the figure as missing, and fail.
  const samples = readSamples().filter((s) => typeof s.value === 'number' && Number.isFinite(s.value));
  const groups = new Map<string, FigureSample[]>();
  for (const s of samples) {
    const key = `${s.name}\u0000${s.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const figures = [...groups.values()].map((ss) => {
    const values = ss.map((s) => s.value);
    return {
      name: ss[0]!.name,
      unit: ss[0]!.unit,
      n: values.length,
      median: median(values),
      min: Math.min(...values),
      max: Math.max(...values),
      samples: ss.map(({ value, test, calibration }) => ({ value, test, calibration })),
    };
  });
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.writeFileSync(FIGURES_FILE, JSON.stringify({ generatedAt: new Date().toISOString(), figures }, null, 2) + '\n');
  clearFigures();
  if (figures.length === 0) return;

  const head = ['figure', 'unit', 'n', 'median', 'min', 'max'];
  const rows = figures.map((f) => [f.name, f.unit, String(f.n), fmt(f.median), fmt(f.min), fmt(f.max)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  log(`\nE2E figures (${path.relative(ROOT, FIGURES_FILE)}):`);
  log('  ' + line(head));
  for (const r of rows) log('  ' + line(r));
}

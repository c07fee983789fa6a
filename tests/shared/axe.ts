// axe-core in a page, as both browser runners read it: the source evaluated once per document,
// then axe.run over the whole document with axe's defaults. (@axe-core/playwright's AxeBuilder
// did the same run and opened a tab per call besides: 0.7 CPU-seconds a call against 0.2 here.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeReport {
  version: string;
  /** Rules that passed: a page axe could not read passes next to none. */
  passes: number;
  incomplete: number;
  /** Whether the colour-contrast rule ran (it reads the theme's colours). */
  contrastRead: boolean;
  /** `impact id: target (why), …`, one line per violated rule. */
  violations: string[];
  /** The lines of violations whose impact is serious or critical. */
  serious: string[];
}

/** Evaluated in the page: whether axe is there already (a navigation drops it). */
export const axeLoaded = (): boolean => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function';

/**
 * Evaluated in the page, after AXE_SOURCE: self-contained, since both runners send it as source.
 * A page with frames throws: this run reads the top document only.
 */
export async function axeInPage(): Promise<AxeReport> {
  if (document.querySelector('iframe, frame')) throw new Error('axe: the page has frames, which this run does not read');
  type Node = { target: unknown[]; failureSummary?: string };
  type Rule = { id: string; impact?: string | null; nodes: Node[] };
  const axe = (window as unknown as { axe: { version: string; run(c: Document): Promise<Record<'violations' | 'passes' | 'incomplete', Rule[]>> } }).axe;
  const r = await axe.run(document);
  const why = (n: Node) => (n.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
  const line = (v: Rule) => `${v.impact} ${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')}${why(n) ? ` (${why(n)})` : ''}`).join(', ')}`;
  return {
    version: axe.version,
    passes: r.passes.length,
    incomplete: r.incomplete.length,
    contrastRead: [...r.passes, ...r.incomplete, ...r.violations].some((x) => x.id === 'color-contrast'),
    violations: r.violations.map(line),
    serious: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(line),
  };
}

/** Fewer passed rules than this: axe did not read the page (an empty document, say). */
export const AXE_MIN_PASSES = 10;

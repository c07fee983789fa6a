// The options page's per-feature switches on an open console tab (TEA replica, usersig page): which
// switches, what each controls on screen, and how many when on. Read by the Chromium e2e
// (tests/e2e/feature-switches.spec.ts) and its Firefox mirror (tests/firefox/checks/feature-switches.ts).
import type { FeatureId } from '../../lib/console/feature-ids.ts';
import { TEA_SITES, teaPages } from './console-tea.ts';

const SITE = TEA_SITES[1]!;
const PAGE = teaPages(SITE).find((p) => p.page === 'usersig')!;

export const SWITCH_PAGE_URL = PAGE.urls[0]!.url;
export const SWITCHES_DESCRIBE = 'per-feature switches';

export interface SwitchScenario {
  feature: FeatureId;
  /** Our elements this feature puts on the page. */
  selector: string;
  /** How many of them the page shows while the feature is on. */
  count: number;
}

export const SWITCH_SCENARIOS: readonly SwitchScenario[] = [
  { feature: 'diagnostics', selector: '[data-imch=diagnostics]', count: PAGE.tools.length },
  { feature: 'userid-picker', selector: '[data-imch=userid-picker]', count: PAGE.userIdInputs },
];

export const switchTitle = (s: SwitchScenario) =>
  `switching ${s.feature} off in the options page removes its controls from an open console tab, a reload keeps it off, switching it on brings them back`;

/** The tool whose Copy diagnostics panel the mask-setting path opens. */
export const MASK_TOOL = 'usersig-generator' as const;
export const MASK_TITLE = 'with "mask tokens" off in the options page, Copy diagnostics opens with tokens in full; on again, masked';

export const LAYOUT_TITLE = 'switching Copy diagnostics on in an open console tab moves none of the console’s own headings, fields and buttons';

/** Where the console's own headings, labels, fields and buttons are (in the page: Playwright and puppeteer evaluate it). */
export function consoleBoxes(): number[][] {
  return [...document.querySelectorAll('h1, h2, h3, h4, label, input, textarea, button')]
    .filter((el) => !el.closest('[data-imch]'))
    .map((el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    });
}

/** The largest move of any box between two readings (boxes in the same order). */
export function largestMove(before: number[][], after: number[][]): number {
  if (before.length !== after.length) return Infinity;
  return Math.max(0, ...before.flatMap((b, i) => b.map((v, k) => Math.abs(v - after[i]![k]!))));
}

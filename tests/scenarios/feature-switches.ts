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

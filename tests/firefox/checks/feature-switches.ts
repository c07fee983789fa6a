/**
 * tests/e2e/feature-switches.spec.ts in Firefox ESR: a per-feature switch in the options page
 * turns its controls off and on in an open console tab, live; a reload keeps it off.
 * Run alone with `node tests/firefox/run.ts --grep '^per-feature switches'`.
 */
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { openConsole } from '../console-helpers.ts';
import { click, closePanel, el, freshStorage, hostSelector, openOptions, openPanel, panelOf, poll } from '../ui-helpers.ts';
import { LAYOUT_TITLE, MASK_TITLE, MASK_TOOL, SWITCH_PAGE_URL, SWITCH_SCENARIOS, SWITCHES_DESCRIBE, consoleBoxes, largestMove, switchTitle, type SwitchScenario } from '../../scenarios/feature-switches.ts';

const count = (page: Page, selector: string) => page.$$eval(selector, (els) => els.length);
const checked = (page: Page, feature: string) => page.$eval(`[data-feature-switch=${feature}]`, (c) => (c as HTMLInputElement).checked);

async function run(ctx: CheckContext, s: SwitchScenario) {
  const others = SWITCH_SCENARIOS.filter((o) => o !== s);
  const tab = await openConsole(ctx, SWITCH_PAGE_URL);
  await poll(`${s.feature} controls on the page`, () => count(tab, s.selector), (n) => n === s.count, 15_000);
  const opts = await openOptions(ctx, 'lang=en');
  const box = await el(opts, `[data-feature-switch=${s.feature}]`);
  await poll('the switch starts on', () => checked(opts, s.feature), (c) => c);

  await click(box);
  await poll(`${s.feature} gone from the open tab, no reload`, () => count(tab, s.selector), (n) => n === 0, 15_000);
  for (const o of others) await poll(`${o.feature} stays`, () => count(tab, o.selector), (n) => n === o.count);

  await openConsole(ctx, SWITCH_PAGE_URL, tab);
  for (const o of others) await poll(`${o.feature} after the reload`, () => count(tab, o.selector), (n) => n === o.count, 15_000);
  await poll(`${s.feature} still off after the reload`, () => count(tab, s.selector), (n) => n === 0);

  await click(await el(opts, `[data-feature-switch=${s.feature}]`));
  await poll(`${s.feature} back in the open tab`, () => count(tab, s.selector), (n) => n === s.count, 15_000);
  await openOptions(ctx, 'lang=en', opts);
  await poll('the switch is saved on', () => checked(opts, s.feature), (c) => c);
}

async function layoutKept(ctx: CheckContext) {
  const [diagnostics, picker] = SWITCH_SCENARIOS;
  const opts = await openOptions(ctx, 'lang=en');
  await poll('the switch starts on', () => checked(opts, 'diagnostics'), (c) => c);
  await click(await el(opts, '[data-feature-switch=diagnostics]'));
  await poll('Copy diagnostics switched off', () => checked(opts, 'diagnostics'), (c) => !c);
  const tab = await openConsole(ctx, SWITCH_PAGE_URL);
  // The picker's chips are placed: the content script has run over the page.
  await poll('the picker on the page', () => count(tab, picker!.selector), (n) => n === picker!.count, 15_000);
  const before = await tab.evaluate(consoleBoxes);
  await click(await el(opts, '[data-feature-switch=diagnostics]'));
  await poll('Copy diagnostics back in the open tab', () => count(tab, diagnostics!.selector), (n) => n === diagnostics!.count, 15_000);
  const moved = largestMove(before, await tab.evaluate(consoleBoxes));
  if (moved > 1) throw new Error(`the console's own boxes moved ${moved} px`);
}

async function maskSetting(ctx: CheckContext) {
  const opts = await openOptions(ctx, 'lang=en');
  const mask = () => opts.$eval('[data-setting=mask]', (c) => (c as HTMLInputElement).checked);
  await poll('masking starts on', mask, (c) => c);
  await click(await el(opts, '[data-setting=mask]'));
  await poll('masking off', mask, (c) => !c);
  const tab = await openConsole(ctx, SWITCH_PAGE_URL);
  await poll('the Copy diagnostics control', () => count(tab, hostSelector(MASK_TOOL)), (n) => n === 1, 15_000);
  await openPanel(tab, MASK_TOOL);
  await poll('tokens in full by default', async () => (await panelOf(tab, MASK_TOOL))?.tokens, (t) => t === 'full');
  await closePanel(tab, MASK_TOOL);
  await click(await el(opts, '[data-setting=mask]'));
  await poll('masking on', mask, (c) => c);
  await openPanel(tab, MASK_TOOL);
  await poll('tokens masked by default', async () => (await panelOf(tab, MASK_TOOL))?.tokens, (t) => t === 'masked');
}

const checks: Check[] = [
  ...SWITCH_SCENARIOS.map((s) => ({
    name: `${SWITCHES_DESCRIBE}: ${switchTitle(s)}`,
    mirrors: [`${SWITCHES_DESCRIBE} › ${switchTitle(s)}`],
    timeoutMs: 60_000,
    run: (ctx: CheckContext) => freshStorage(ctx, () => run(ctx, s)),
  })),
  {
    name: `${SWITCHES_DESCRIBE}: ${LAYOUT_TITLE}`,
    mirrors: [`${SWITCHES_DESCRIBE} › ${LAYOUT_TITLE}`],
    timeoutMs: 60_000,
    run: (ctx) => freshStorage(ctx, () => layoutKept(ctx)),
  },
  {
    name: `${SWITCHES_DESCRIBE}: ${MASK_TITLE}`,
    mirrors: [`${SWITCHES_DESCRIBE} › ${MASK_TITLE}`],
    timeoutMs: 60_000,
    run: (ctx) => freshStorage(ctx, () => maskSetting(ctx)),
  },
];

export default checks;

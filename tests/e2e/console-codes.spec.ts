// Issue #14 on the log page: every error code in the troubleshooting-log table explained (hover,
// focus and keyboard, click), in the console's language, unknown codes said to be unknown, and a
// UserSig code opening the decode of its row's UserSig. On the TEA replica, zh and en; what to
// expect comes from tests/scenarios/console-codes.ts, which the Firefox check reads too.
import type { CDPSession, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { calibrate } from '../shared/calibration.ts';
import { attr, findAll, type CdpNode } from './helpers/shadow.ts';
import { MAX_CONTROLS } from '../../entrypoints/console.content/features/decode-buttons/anchors.ts';
import {
  BIG_LOG,
  bigLogState,
  BIG_LOG_FIGURE,
  scrollToLastCodeRow,
  CODES_USER,
  CODE_CASES,
  DECODE_CASE,
  DECODE_PROBLEM_CODE,
  NO_LINK_CASES,
  PLACEMENT_TITLE,
  readPlacement,
  scrollLastCodeToBottom,
  TEA_SITES,
  type Placement,
  codesDescribe,
  expectedWords,
  logPage,
  readControl,
  showsWords,
  type ControlState,
  type TeaSite,
} from '../scenarios/console-codes.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cardOf = (page: Page, title: string) =>
  page.locator('.tea-card').filter({ has: page.getByRole('heading', { name: new RegExp(`^${escape(title)}`) }) });
const codeHosts = (scope: Page | Locator) => scope.locator('[data-imch=code]');
const hostOf = (page: Page, code: number) => page.locator(`[data-imch=code][data-code="${code}"]`).first();

/** Queries the log for the user with many codes and waits for a control beside each code. */
async function queryCodes(page: Page, site: TeaSite): Promise<void> {
  const log = logPage(site);
  await page.goto(log.url);
  const card = cardOf(page, log.title);
  const item = card.locator('.tea-form__item').filter({ has: page.locator('.tea-form__label label', { hasText: new RegExp(`^${escape(log.userIdLabel)}$`) }) });
  await item.locator('input').first().fill(CODES_USER);
  await card.getByRole('button', { name: log.query, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText(log.detailColumn, { exact: true }).first()).toBeVisible({ timeout: 10_000 });
  await expect(codeHosts(card), 'one control per error code').toHaveCount(CODE_CASES.length, { timeout: 10_000 });
  expect(await codeHosts(card).evaluateAll((hosts) => hosts.map((h) => Number(h.getAttribute('data-code'))))).toEqual(CODE_CASES.map((c) => c.code));
}

/** A function over a control's closed shadow root, through CDP (which pierces closed roots). */
async function withControlRoot<T>(page: Page, code: number, fn: (cdp: CDPSession, objectId: string) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findAll(root, (n) => attr(n, 'data-imch') === 'code' && attr(n, 'data-code') === String(code))[0];
    const shadow = host?.shadowRoots?.[0] as CdpNode | undefined;
    if (!shadow) throw new Error(`no control for ${code}`);
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    return await fn(cdp, object.objectId);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

function stateOf(page: Page, code: number): Promise<ControlState> {
  return withControlRoot(page, code, async (cdp, objectId) => {
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function () { return (${readControl.toString()})(this.host, this); }`,
      returnByValue: true,
    })) as { result: { value: ControlState } };
    return result.value;
  });
}

/** A real click on an element inside a control's shadow root. */
async function clickInside(page: Page, code: number, selector: string): Promise<void> {
  const point = await withControlRoot(page, code, async (cdp, objectId) => {
    const { result } = (await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: `function (s) { return this.querySelector(s); }`, arguments: [{ value: selector }] })) as {
      result: { objectId?: string };
    };
    if (!result.objectId) throw new Error(`no ${selector} in the control of ${code}`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { objectId: result.objectId });
    const { model } = (await cdp.send('DOM.getBoxModel', { objectId: result.objectId })) as { model: { content: number[] } };
    const q = model.content;
    return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
  });
  await page.mouse.click(point.x, point.y);
}

/** Where a control's open panel is, read in its closed shadow root (see readPlacement). */
function placementOf(page: Page, code: number): Promise<Placement> {
  return withControlRoot(page, code, async (cdp, objectId) => {
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function () { return (${readPlacement.toString()})(this); }`,
      returnByValue: true,
    })) as { result: { value: Placement } };
    return result.value;
  });
}

async function expectExplained(page: Page, code: number, lang: TeaSite['lang'], when: string): Promise<ControlState> {
  await expect.poll(async () => (await stateOf(page, code)).panel, { message: `${when}: the explanation of ${code} shows`, timeout: 10_000 }).toBe('ready');
  const state = await stateOf(page, code);
  const known = CODE_CASES.find((c) => c.code === code)?.known ?? true;
  expect(state.known, `${when}: ${code} is ${known ? '' : 'not '}in the dictionary`).toBe(String(known));
  expect(showsWords(state, await expectedWords(code, lang)), `${when}: words missing from the explanation of ${code}`).toEqual([]);
  return state;
}

for (const site of TEA_SITES) {
  test.describe(codesDescribe(site), () => {
    test.beforeEach(async ({ serveConsole }) => {
      await serveConsole();
    });

    test('every error code in the table is explained on hover, in the console’s language; unknown codes say so', async ({ page }) => {
      await queryCodes(page, site);
      for (const c of CODE_CASES) {
        await hostOf(page, c.code).hover();
        await expect(hostOf(page, c.code), `hovering ${c.code} opens it`).toHaveAttribute('data-open', 'peek');
        await expectExplained(page, c.code, site.lang, 'hover');
        await page.mouse.move(1, 1);
        await expect(hostOf(page, c.code), `leaving ${c.code} closes it`).not.toHaveAttribute('data-open');
      }
    });

    test('keyboard: Tab reaches a code, focus shows its explanation, Enter keeps it open, Escape closes it', async ({ page }) => {
      await queryCodes(page, site);
      const first = CODE_CASES[0]!.code;
      // From the Query button, Tab walks the table: the first control it reaches is the first code's.
      await cardOf(page, logPage(site).title).getByRole('button', { name: logPage(site).query, exact: true }).focus();
      let reached: string | null = null;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => (document.activeElement?.getAttribute('data-imch') === 'code' ? document.activeElement.getAttribute('data-code') : null));
      }
      expect(reached, 'Tab reaches a code control').toBe(String(first));
      await expect(hostOf(page, first), 'focus shows it').toHaveAttribute('data-open', 'peek');
      await expectExplained(page, first, site.lang, 'focus');
      await page.keyboard.press('Enter');
      await expect(hostOf(page, first), 'Enter keeps it open').toHaveAttribute('data-open', 'pinned');
      await page.keyboard.press('Escape');
      await expect(hostOf(page, first), 'Escape closes it').not.toHaveAttribute('data-open');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code')), 'focus stays on the control').toBe(String(first));
      await page.keyboard.press('Space');
      await expect(hostOf(page, first), 'Space opens it').toHaveAttribute('data-open', 'pinned');
      await page.keyboard.press('Escape');
      await expect(hostOf(page, first)).not.toHaveAttribute('data-open');
    });

    test('a click opens a UserSig code’s explanation, whose link opens the decode of the row’s UserSig, whose problem card expands to the full entry', async ({ page }) => {
      await queryCodes(page, site);
      for (const c of NO_LINK_CASES) {
        await hostOf(page, c.code).click();
        await expect(hostOf(page, c.code), `a click keeps ${c.code} open`).toHaveAttribute('data-open', 'pinned');
        expect((await expectExplained(page, c.code, site.lang, 'click')).decodeLink, `${c.code} is no UserSig code: no decode link`).toBe(false);
        await hostOf(page, c.code).click();
        await expect(hostOf(page, c.code), `a second click closes ${c.code}`).not.toHaveAttribute('data-open');
      }
      const code = DECODE_CASE.code;
      await hostOf(page, code).click();
      const state = await expectExplained(page, code, site.lang, 'click');
      expect(state.decodeLink, `${code} links to the decode of its row's UserSig`).toBe(true);
      await clickInside(page, code, '[data-part=decode-row]');
      await expect.poll(async () => (await stateOf(page, code)).decoded, { message: 'the decode of the row’s UserSig shows', timeout: 10_000 }).toBe(true);
      const decoded = await stateOf(page, code);
      expect(decoded.text, 'the decoded UserSig is the row’s (its UserID)').toContain(CODES_USER);
      // Its problem card links to the full dictionary entry of its server code.
      expect(decoded.problemCodes, 'the decode names the expired UserSig’s code').toContain(DECODE_PROBLEM_CODE);
      await clickInside(page, code, '[data-part=code-details] > summary');
      await expect.poll(async () => (await stateOf(page, code)).fullEntry, { message: 'the problem card expands to the full entry', timeout: 10_000 }).toBe(DECODE_PROBLEM_CODE);
      await page.mouse.click(2, 2);
      await expect(hostOf(page, code), 'a press outside closes it').not.toHaveAttribute('data-open');
    });

    test(PLACEMENT_TITLE, async ({ page }) => {
      await queryCodes(page, site);
      const first = CODE_CASES[0]!.code;
      await hostOf(page, first).click();
      await expectExplained(page, first, site.lang, 'click');
      expect((await placementOf(page, first)).onTop, 'nothing of the page or of ours covers the panel').toBe(true);
      await page.mouse.click(2, 2);
      // The last code, scrolled to the window's bottom edge: no room below, so the panel opens above it.
      const last = CODE_CASES.at(-1)!.code;
      const lastHost = page.locator(`[data-imch=code][data-code="${last}"]`).last();
      await page.evaluate(scrollLastCodeToBottom, String(last));
      await lastHost.click();
      await expect(lastHost).toHaveAttribute('data-open', 'pinned');
      const at = await placementOf(page, last);
      expect(at.bottom, 'it opens upwards').toBeLessThanOrEqual(at.hostTop);
      expect(at.top, 'it stays inside the window').toBeGreaterThanOrEqual(0);
      expect(at.onTop, 'nothing covers it there either').toBe(true);
    });
  });
}

test.describe(BIG_LOG.describe, () => {
  test('code controls come to the rows near the viewport, never more than the cap, and to the last rows once scrolled there', async ({ page, serveConsole, measure }) => {
    test.setTimeout(120_000);
    await serveConsole();
    await page.goto(BIG_LOG.url);
    await page.getByRole('button', { name: BIG_LOG.query, exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length >= n, BIG_LOG.rows, { timeout: 30_000 });
    await expect.poll(async () => (await page.evaluate(bigLogState)).controls, { message: 'controls for the first rows', timeout: 30_000 }).toBeGreaterThan(0);
    const calibration = calibrate();
    const { code, ms } = await page.evaluate(scrollToLastCodeRow);
    expect(code, 'the log has a last row with a code').not.toBe('');
    expect(ms, 'the last row gets its control once on screen').toBeGreaterThanOrEqual(0);
    expect((await page.evaluate(bigLogState)).lastHasOne).toBe(true);
    await measure(BIG_LOG_FIGURE, ms, 'ms', calibration);
    expect((await page.evaluate(bigLogState)).controls, 'never more than the cap').toBeLessThanOrEqual(MAX_CONTROLS);
  });
});

// The console features on a page drawn with a component library the replicas do not use (Ant
// Design) at a console.trtc.io route the code has never seen: they must find the tools, fields and
// the card's application drop-down by meaning. Scenario: tests/scenarios/console-antd.ts, which the
// Firefox run (tests/firefox/checks/console-antd.ts) reads too.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { clickInPicker, pickerFrame, pickerOptions, pickerStatus, saveFromPicker } from './helpers/picker.ts';
import { readPrecheck } from './helpers/shadow.ts';
import { ANTD_APP, ANTD_DESCRIBE, FIRST_APP, ANTD_PRECHECKS, ANTD_TEXTS as t, ANTD_TITLE, ANTD_TOOLS_URL, antdToolsPage, fulfilAntdRequest, makeToken } from '../scenarios/console-antd.ts';

const card = (page: Page, title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
const field = (page: Page, title: string, label: string) => card(page, title).getByLabel(label, { exact: true });

test.describe(ANTD_DESCRIBE, () => {
  test.use({ failOnPageErrors: true });

  test(ANTD_TITLE, async ({ page, serve }) => {
    const generated = await makeToken({ of: 'alice', app: FIRST_APP });
    await serve(`${ANTD_TOOLS_URL}**`, fulfilAntdRequest(antdToolsPage(ANTD_APP, generated)));
    await page.goto(ANTD_TOOLS_URL);
    const ours = (scope: Page | ReturnType<typeof card>, kind: string) => scope.locator(`[data-imch=${kind}]`);
    await expect(ours(card(page, t.generator), 'diagnostics'), 'Copy diagnostics on the generator').toHaveCount(1, { timeout: 10_000 });
    await expect(ours(card(page, t.verifier), 'diagnostics'), 'Copy diagnostics on the verifier').toHaveCount(1, { timeout: 10_000 });
    await expect(ours(page, 'userid-picker'), 'one picker per UserID field').toHaveCount(2, { timeout: 10_000 });

    await field(page, t.generator, t.userId).fill('alice');
    await card(page, t.generator).getByRole('button', { name: t.generate, exact: true }).click();
    await expect(ours(card(page, t.generator), 'decode'), 'beside the generated UserSig').toHaveCount(1, { timeout: 10_000 });

    // Saved from the generator's field, picked into the verifier's: the field holds it.
    await ours(page, 'userid-picker').nth(0).click();
    await expect.poll(async () => !!(await pickerFrame(page))).toBe(true);
    await saveFromPicker(page);
    await expect.poll(() => pickerStatus(page)).toContain('alice');
    await page.keyboard.press('Escape');
    await expect.poll(async () => !!(await pickerFrame(page))).toBe(false);
    await ours(page, 'userid-picker').nth(1).click();
    await expect.poll(async () => (await pickerOptions(page)).map((o) => o.userId)).toEqual(['alice']);
    await clickInPicker(page, '[data-userid=alice]');
    await expect(field(page, t.verifier, t.userId)).toHaveValue('alice');
    for (const c of ANTD_PRECHECKS) {
      await field(page, t.verifier, t.userSig).fill(await makeToken(c.token));
      await expect.poll(async () => (await readPrecheck(page)).verdict, { message: `${c.name}: verdict`, timeout: 10_000 }).toBe(c.verdict);
      if (c.code) await expect.poll(async () => (await readPrecheck(page)).codes[0], { message: `${c.name}: first code` }).toBe(c.code);
      await expect(ours(card(page, t.verifier), 'precheck'), `${c.name}: one pre-check, in the verifier card`).toHaveCount(1);
    }
  });
});

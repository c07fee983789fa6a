import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { bigLog, openBigLogInPage } from '../shared/big-log.ts';

const tokens = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8')).tokens;
// 1,200 lines of 1,000 characters: past the popup's 1,000,000, with tokens that decode and one that does not.
const LOG = bigLog(1_200, [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.truncated.token]);
const SIZE = LOG.length.toLocaleString('en');

async function openDecoderFromPopup(popup: Page, t: <T>(en: T, zh: T) => T): Promise<Page> {
  await popup.locator('#paste').fill(LOG);
  const offer = popup.locator('[data-part=open-in-tab]');
  await expect(offer).toContainText(SIZE);
  await expect(popup.locator('[data-part=nothing-found]')).toHaveCount(0);
  const [tab] = await Promise.all([popup.context().waitForEvent('page'), offer.getByRole('button', { name: t('Open in a tab', '在标签页中打开') }).click()]);
  return tab;
}

for (const lang of ['en', 'zh'] as const) {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);

  test.describe(`decoder tab (${lang})`, () => {
    test('a large paste in the popup opens the decoder tab, which lists every UserSig in a virtualized list', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      const tab = await openDecoderFromPopup(popup, t);
      const progress = tab.locator('[data-part=progress]');
      await expect(progress).toHaveAttribute('data-state', 'done');
      await expect(progress).toHaveAttribute('data-count', '1200');
      await expect(progress).toHaveText(t('1,200 UserSigs found', '找到 1,200 个 UserSig'));
      await expect(tab.locator('[data-part=loaded]')).toContainText(SIZE);
      // Virtualized: a screenful of rows is in the page, not 1,200.
      const rows = tab.locator('[data-part=results] li');
      await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
      expect(await rows.count()).toBeLessThan(40);
      await expect(rows.first()).toContainText('alice · 1400000001');
      // The last row, scrolled to, decodes on sight; the truncated token says so.
      await tab.locator('[data-part=results]').evaluate((el) => (el.scrollTop = el.scrollHeight));
      const last = tab.locator('[data-part=results] li[aria-posinset="1200"]');
      await expect(last.locator('button')).toHaveAttribute('data-ok', 'false');
      await expect(last).toContainText(t('UserSig does not decompress', 'UserSig 解压失败'));
      const before = tab.locator('[data-part=results] li[aria-posinset="1199"] button');
      await before.click();
      await expect(before).toHaveAttribute('aria-pressed', 'true');
      await expect(tab.locator('[data-part=detail] [data-field=roomId]')).toContainText('1234');
    });

    test('the decoder tab streams a pasted text as well, and a new text replaces the results', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      const tab = await openDecoderFromPopup(popup, t);
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-count', '1200');
      await tab.locator('#big-paste').fill(`one ${tokens.otherUser.token} two ${tokens.otherApp.token}`);
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-count', '2');
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-state', 'done');
      await expect(tab.locator('[data-part=results] li')).toHaveCount(2);
      await expect(tab.locator('[data-part=results] li').first()).toContainText('bob');
    });
  });
}

// A 1.2 MB paste and two axe scans per run: English light, Chinese dark.
for (const [theme, lang] of [['light', 'en'], ['dark', 'zh']] as const) {
  test(`no accessibility violations in the decoder tab (${theme})`, async ({ openPopup }) => {
    test.slow();
    {
      const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
      const popup = await openPopup({ lang, theme });
      const offerViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await popup.locator('#paste').fill(LOG);
      await expect(popup.locator('[data-part=open-in-tab]')).toBeVisible();
      expect(await offerViolations(popup)).toEqual([]);
      const tab = await openDecoderFromPopup(popup, t);
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-state', 'done');
      await tab.locator('[data-part=results] li').first().locator('button').click();
      await expect(tab.locator('[data-part=detail] [data-verdict]')).toBeVisible();
      expect(await offerViolations(tab)).toEqual([]);
      await tab.close();
      await popup.close();
    }
  });
}

test('timing: a 10 MB log with 10,000 UserSigs opened in the decoder tab, first results and all results', async ({ openPopup, measure }) => {
  test.slow();
  const popup = await openPopup({ lang: 'en' });
  await popup.goto(popup.url().replace(/popup(-zh)?\.html.*$/, 'decoder.html?lang=en'));
  await expect(popup.locator('[data-part=progress]')).toHaveAttribute('data-state', 'idle');
  const tokenList = [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.otherUser.token];
  for (let run = 0; run < 3; run++) {
    const r = await popup.evaluate(openBigLogInPage, { count: 10_000, tokens: tokenList, lineChars: 1_000 });
    expect(r.chars).toBeGreaterThanOrEqual(10_000_000);
    expect(r.count).toBe(10_000);
    expect(r.first).toBeLessThanOrEqual(r.all);
    await expect(popup.locator('[data-part=results] li').first()).toContainText('alice · 1400000001');
    await measure('decoder tab, 10 MB log with 10,000 UserSigs: first results', r.first);
    await measure('decoder tab, 10 MB log with 10,000 UserSigs: all results', r.all);
  }
});

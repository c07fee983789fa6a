import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { axeViolations } from './helpers/axe.ts';
import { HANDOFF_REFUSED, bigLog, breakHandoff, openBigLogInPage, pasteText } from '../shared/big-log.ts';

const tokens = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8')).tokens;
// 1,200 lines of 1,000 characters: past the popup's 1,000,000, with tokens that decode and one that does not.
const LOG = bigLog(1_200, [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.truncated.token]);
const SIZE = LOG.length.toLocaleString('en');

async function paste(page: Page, selector: string, text: string): Promise<void> {
  expect(await page.evaluate(pasteText, { selector, text })).toBe(true);
}

/** In an extension page: puts `put` in the hand-over store if given; returns how many texts it holds. */
function handoffStore(args: { put?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('imch-handoff', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('texts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('texts', 'readwrite').objectStore('texts');
      if (args.put) store.put(args.put, 'stale');
      const count = store.count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    };
  });
}

async function openDecoderFromPopup(popup: Page, t: <T>(en: T, zh: T) => T): Promise<Page> {
  await paste(popup, '#paste', LOG);
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
      // A text an earlier tab never took (closed before it loaded) is not kept beside the new one.
      await popup.evaluate(handoffStore, { put: 'left over eJw…' });
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
      // The handed-over log was read once and deleted; nothing with UserSigs stays in the extension.
      expect(await popup.evaluate(handoffStore, {})).toBe(0);
    });

    test('a text the extension cannot hand over says why, and the tab opens empty on request', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await paste(popup, '#paste', LOG);
      await popup.evaluate(breakHandoff, HANDOFF_REFUSED);
      const pagesBefore = popup.context().pages().length;
      await popup.locator('[data-part=open-in-tab]').getByRole('button', { name: t('Open in a tab', '在标签页中打开') }).click();
      const failure = popup.locator('[data-part=open-in-tab-error]');
      await expect(failure).toContainText(HANDOFF_REFUSED);
      await expect(failure).toContainText(t('could not be handed to a tab', '无法把文本交给标签页'));
      expect(popup.context().pages()).toHaveLength(pagesBefore);
      const [tab] = await Promise.all([popup.context().waitForEvent('page'), failure.getByRole('button', { name: t('Open the tab empty', '打开空白标签页') }).click()]);
      await expect(tab.locator('#big-paste')).toBeVisible();
      expect(new URL(tab.url()).searchParams.get('handoff')).toBeNull();
    });

    test('the decoder tab streams a pasted text as well, and a new text replaces the results', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      const tab = await openDecoderFromPopup(popup, t);
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-count', '1200');
      await paste(tab, '#big-paste', `one ${tokens.otherUser.token} two ${tokens.otherApp.token}`);
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-count', '2');
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-state', 'done');
      await expect(tab.locator('[data-part=results] li')).toHaveCount(2);
      await expect(tab.locator('[data-part=results] li').first()).toContainText('bob');
      // A new text with a UserSig at the same offset: its own row, and choosing it shows its decode.
      await paste(tab, '#big-paste', `one ${tokens.otherAppBob.token} two ${tokens.otherUser.token}`);
      const first = tab.locator('[data-part=results] li').first();
      await expect(first).toContainText('bob · 1400000002');
      await first.getByRole('button').click();
      await expect(tab.locator('[data-part=detail] [data-field=sdkAppId]')).toContainText('1400000002');
    });
  });
}

// Every state of the decoder tab, in both languages and both themes: the popup's offer, the tab
// opened from it (it takes the popup's current language and theme, not the saved ones: nothing is
// saved here), then a small text pasted in the tab (the same list, rows that decode and one that
// does not, a detail), so axe reads a screenful rather than a 1.2 MB page.
for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`decoder tab (${lang}, ${theme}): it follows the popup's language and theme; no accessibility violations`, async ({ openPopup }) => {
      const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
      const popup = await openPopup({ lang, theme });
      await paste(popup, '#paste', LOG);
      await expect(popup.locator('[data-part=open-in-tab]')).toBeVisible();
      expect(await axeViolations(popup)).toEqual([]);
      const tab = await openDecoderFromPopup(popup, t);
      await expect(tab.locator('.imch.decoder')).toHaveAttribute('data-theme', theme);
      await expect(tab.locator('html')).toHaveAttribute('lang', t('en', 'zh-CN'));
      await expect(tab.locator('h1')).toHaveText(t('Decode a big log', '解码大日志'));
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-count', '1200');
      await paste(tab, '#big-paste', [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.truncated.token].join('\n'));
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-count', '4');
      await expect(tab.locator('[data-part=progress]')).toHaveAttribute('data-state', 'done');
      await expect(tab.locator('[data-part=results] li button[data-ok=false]')).toHaveCount(1);
      await tab.locator('[data-part=results] li').nth(3).locator('button').click();
      await expect(tab.locator('[data-part=detail] [data-verdict]')).toBeVisible();
      expect(await axeViolations(tab)).toEqual([]);
      await tab.locator('[data-part=results] li').nth(2).locator('button').click();
      await expect(tab.locator('[data-part=detail] [data-field=roomId]')).toContainText('1234');
      expect(await axeViolations(tab)).toEqual([]);
    });
  }
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

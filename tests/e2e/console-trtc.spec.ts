// The console features on the TRTC consoles (issue #17): the TRTC UserSig tool on both Tencent Cloud
// consoles (tea-component) and console.trtc.io's UserSig tools, shared and in the Chat pages
// (tdesign-react), zh and en. Paths and expectations: tests/scenarios/console-trtc.ts, which the
// Firefox run (tests/firefox/checks/console-trtc.ts) reads too.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { Clipboard } from './fixtures.ts';
import { clickInPanel, panelState, readPrecheck } from './helpers/shadow.ts';
import { waitForScanToReach } from './helpers/settled.ts';
import { maskSecret } from '../../lib/diagnostics/mask.ts';
import { fulfilTrtcRequest } from '../fixtures/console/trtc/routes.ts';
import {
  FIRST_APP,
  TRTC_PRECHECKS,
  TRTC_SITES,
  makeToken,
  reportSdkAppIdSource,
  shownAfterLabel,
  verifierReport,
  type TrtcSite,
} from '../scenarios/console-trtc.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cardOf = (page: Page, site: TrtcSite, title: string) =>
  page.locator(site.dom.card).filter({ has: page.locator(site.dom.title, { hasText: new RegExp(`^\\s*${escape(title)}`) }) });

const itemOf = (card: Locator, site: TrtcSite, label: string) =>
  card.locator(site.dom.item).filter({ has: card.page().locator(site.dom.label, { hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) }) });

const fieldIn = (card: Locator, site: TrtcSite, label: string) => itemOf(card, site, label).locator('input, textarea').first();

const ours = (scope: Page | Locator, kind: string) => scope.locator(`[data-imch=${kind}]`);

/** Chooses an app in the card's own drop-down (the popup is drawn outside the card, under body). */
async function chooseApp(page: Page, site: TrtcSite, card: Locator, app: typeof FIRST_APP) {
  const shown = itemOf(card, site, site.texts.app);
  const showing = site.library === 'tdesign' ? await shown.locator('input').first().inputValue() : await shown.innerText();
  if (showing.includes(site.appText(app))) return;
  await shown.locator(site.dom.select).first().click();
  await page.locator('body > :not(#root)').getByText(site.appText(app), { exact: true }).filter({ visible: true }).first().click();
  if (site.library === 'tdesign') await expect(shown.locator('input').first()).toHaveValue(site.appText(app));
  else await expect(shown).toContainText(site.appText(app));
}

async function press(card: Locator, name: string) {
  await card.getByRole('button', { name, exact: true }).focus();
  await card.page().keyboard.press('Enter');
}




/** Copies the tool's masked report (Markdown by Enter, or JSON) and returns the clipboard. */
async function copyReport(page: Page, clipboard: Clipboard, tool: string, format: 'markdown' | 'json'): Promise<string> {
  await clipboard.write('-', page);
  await page.locator(`[data-imch=diagnostics][data-tool=${tool}]`).click();
  await expect.poll(async () => (await panelState(page, tool))?.state, { timeout: 10_000 }).toBe('ready');
  if (format === 'json') {
    await clickInPanel(page, tool, 'data-format', 'json');
    await expect.poll(async () => (await panelState(page, tool))?.format).toBe('json');
    await clickInPanel(page, tool, 'data-action', 'copy');
  } else {
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await panelState(page, tool))?.status).toBe('copied');
  const text = await clipboard.read(page);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await panelState(page, tool))?.state).toBeUndefined();
  return text;
}

for (const site of TRTC_SITES) {
  const t = site.texts;

  test.describe(site.describe, () => {
    test.use({ failOnPageErrors: true });
    test.beforeEach(async ({ serveConsole, serve }) => {
      await serveConsole(fulfilTrtcRequest);
      await serve('https://console.trtc.io/**', fulfilTrtcRequest);
    });

    test('UserSig tools: Copy diagnostics on both cards, the picker on both UserID fields, decode controls beside the generated and the typed UserSig, and a report with every value the verifier shows', async ({ page, clipboard }) => {
      for (const url of site.toolUrls) {
        await page.goto(url);
        const generator = cardOf(page, site, t.generator.title);
        const verifier = cardOf(page, site, t.verifier.title);
        await expect(ours(generator, 'diagnostics'), `${url}: Copy diagnostics on the generator`).toHaveCount(1, { timeout: 10_000 });
        await expect(ours(verifier, 'diagnostics'), `${url}: Copy diagnostics on the verifier`).toHaveCount(1, { timeout: 10_000 });
        await expect(ours(page, 'userid-picker'), `${url}: one picker per UserID field`).toHaveCount(2, { timeout: 10_000 });

        await fieldIn(generator, site, t.userId).fill('alice');
        await press(generator, t.generator.generate);
        await expect(generator.getByRole('button', { name: t.generator.copy, exact: true })).toBeVisible({ timeout: 10_000 });
        await expect(ours(generator, 'decode'), `${url}: beside the generated UserSig`).toHaveCount(1, { timeout: 10_000 });

        const token = await makeToken({ of: 'bob', app: FIRST_APP });
        await fieldIn(verifier, site, t.userId).fill('alice');
        await fieldIn(verifier, site, t.verifier.userSig).fill(token);
        await expect(ours(verifier, 'decode'), `${url}: beside the verifier field`).toHaveCount(1, { timeout: 10_000 });
      }

      // The last tool page: Verify, then the verifier's report.
      const verifier = cardOf(page, site, t.verifier.title);
      await press(verifier, t.verifier.verify);
      await expect(verifier.getByText(t.verifier.failed, { exact: true })).toBeVisible({ timeout: 10_000 });
      const md = await copyReport(page, clipboard, 'usersig-verifier', 'markdown');
      for (const value of verifierReport(site)) expect(md, `report holds ${value}`).toContain(value);
      const token = await fieldIn(verifier, site, t.verifier.userSig).inputValue();
      expect(md).toContain(maskSecret(token));
      expect(md).not.toContain(token);
      const record = JSON.parse(await copyReport(page, clipboard, 'usersig-verifier', 'json')) as { sdkAppId?: number; data?: Record<string, unknown> };
      expect(record.sdkAppId).toBe(FIRST_APP.sdkAppId);
      expect(reportSdkAppIdSource(record), 'read from the verifier’s own drop-down').toBe('app-selector');
      expect(record.data).toMatchObject({ userId: 'alice' });
    });

    test('the verifier pre-check names 70013 and 70014 and follows the application chosen in its drop-down', async ({ page }) => {
      await page.goto(site.toolUrls[0]!);
      const verifier = cardOf(page, site, t.verifier.title);
      await expect(ours(verifier, 'diagnostics'), 'features started').toHaveCount(1, { timeout: 10_000 });
      let typed = '';
      for (const c of TRTC_PRECHECKS) {
        const token = await makeToken(c.token);
        if (typed !== `${c.userId}|${c.token.of}|${c.token.app.sdkAppId}`) {
          await fieldIn(verifier, site, t.userId).fill(c.userId);
          await fieldIn(verifier, site, t.verifier.userSig).fill(token);
          typed = `${c.userId}|${c.token.of}|${c.token.app.sdkAppId}`;
        }
        await chooseApp(page, site, verifier, c.selected);
        const verdict = c.code === 'pass' ? 'pass' : 'problem';
        await expect.poll(async () => (await readPrecheck(page)).verdict, { message: `${c.name}: verdict`, timeout: 10_000 }).toBe(verdict);
        if (c.code !== 'pass') await expect.poll(async () => (await readPrecheck(page)).codes[0], { message: `${c.name}: first code` }).toBe(c.code);
        await expect(ours(verifier, 'precheck'), `${c.name}: one pre-check, in the verifier card`).toHaveCount(1);
      }
    });

    if (site.chatStatus) {
      const c = site.chatStatus;
      test('Chat access test: the user status checker gets Copy diagnostics and the picker, and its report holds every value it shows', async ({ page, clipboard }) => {
        await page.goto(c.url);
        const card = cardOf(page, site, c.title);
        await expect(ours(card, 'diagnostics'), 'Copy diagnostics').toHaveCount(1, { timeout: 10_000 });
        await expect(ours(card, 'userid-picker'), 'the picker').toHaveCount(1, { timeout: 10_000 });
        await fieldIn(card, site, t.userId).fill(c.userId);
        await press(card, c.button);
        await expect(card.getByText(c.after, { exact: true })).toBeVisible({ timeout: 10_000 });
        const time = await page.evaluate(shownAfterLabel, c.timeLabel);
        expect(time, 'the page shows the last login').not.toBe('');
        const md = await copyReport(page, clipboard, 'user-status', 'markdown');
        for (const value of [...c.contains, time]) expect(md, `report holds ${value}`).toContain(value);
        const record = JSON.parse(await copyReport(page, clipboard, 'user-status', 'json')) as { sdkAppId?: number; data?: Record<string, unknown> };
        expect(record.sdkAppId).toBe(FIRST_APP.sdkAppId);
        expect(record.data).toMatchObject({ userId: c.userId, canReceivePush: true });
      });
    }

    test('features start after a route change from another page of the console to the tool page and stop when the user navigates away; nothing of ours on the other pages', async ({ page }) => {
      const [first, ...rest] = site.others;
      await page.goto(first!.url);
      for (const other of [first!, ...rest]) {
        if (other !== first) await page.getByRole('menuitem', { name: other.menu, exact: true }).or(page.locator('li', { hasText: new RegExp(`^${escape(other.menu)}$`) })).first().click();
        await expect(page).toHaveURL(other.url);
        // The page shows a UserSig in passing; were any feature running, it would get a decode control.
        await expect(page.locator('code.shown-usersig')).toContainText('eJ');
        await expect(ours(page, 'decode').or(ours(page, 'diagnostics')).or(ours(page, 'userid-picker')), `${other.url}: nothing of ours`).toHaveCount(0);

        // To the tool page through the console's menu (pushState, no page load): features start,
        // and the scan reaches what was on the page before (a sentinel added on the other page).
        const sentinel = await makeToken({ of: 'carol', app: FIRST_APP });
        await page.evaluate((s) => {
          const p = document.createElement('p');
          p.setAttribute('data-sentinel', '');
          p.textContent = `sentinel ${s}`;
          document.body.prepend(p);
        }, sentinel);
        await page.locator('li', { hasText: new RegExp(`^${escape(site.toolMenu)}$`) }).first().click();
        await expect(page).toHaveURL(site.toolUrls[0]!);
        await expect(ours(cardOf(page, site, t.verifier.title), 'diagnostics'), 'features after the route change').toHaveCount(1, { timeout: 10_000 });
        await expect(page.locator('[data-sentinel] [data-imch=decode]'), 'the scan saw the page').toHaveCount(1, { timeout: 10_000 });
        await expect(ours(page, 'userid-picker')).toHaveCount(2, { timeout: 10_000 });

        // And away again: every control of ours goes.
        await page.locator('li', { hasText: new RegExp(`^${escape(other.menu)}$`) }).first().click();
        await expect(page).toHaveURL(other.url);
        await expect(page.locator('[data-imch]'), `${other.url}: our controls removed`).toHaveCount(0, { timeout: 10_000 });
        await page.evaluate(() => document.querySelector('[data-sentinel]')?.remove());
      }
      // Back on a tool page the features come again (the content script still lives), so the
      // absence above was the route gate, not a dead script.
      await page.locator('li', { hasText: new RegExp(`^${escape(site.toolMenu)}$`) }).first().click();
      await expect(ours(page, 'userid-picker')).toHaveCount(2, { timeout: 10_000 });
      await waitForScanToReach(page, await makeToken({ of: 'dave', app: FIRST_APP }));
    });
  });
}

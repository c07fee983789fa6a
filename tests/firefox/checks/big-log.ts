import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { byRole, click, expectAttribute, expectCount, expectText, openPopup, resetPopupStorage, tokens, type Lang, axeViolations } from '../popup-helpers.ts';
import { HANDOFF_REFUSED, bigLog, breakHandoff, openBigLogInPage, pasteText } from '../../shared/big-log.ts';

/**
 * tests/e2e/big-log.spec.ts in Firefox ESR: the same 1.2 MB log pasted into the popup, the same
 * offer clicked, the decoder tab found among the browser's pages, the same list, rows and detail
 * asserted, in both languages, and the same axe scans.
 */
const LOG = bigLog(1_200, [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.truncated.token]);
const SIZE = LOG.length.toLocaleString('en');

/** One paste of `text` (one input event), as in big-log.spec.ts: typing a megabyte tests nothing a user does. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  assert.ok(await page.evaluate(pasteText, { selector, text }), `pasted into ${selector}`);
}

async function openDecoderFromPopup(ctx: CheckContext, popup: Page, t: <T>(en: T, zh: T) => T): Promise<Page> {
  await paste(popup, '#paste', LOG);
  await expectText(popup, '[data-part=open-in-tab]', { contains: SIZE });
  await expectCount(popup, '[data-part=nothing-found]', 0);
  const before = new Set(await ctx.browser.pages());
  await click(await byRole(popup, 'button', t('Open in a tab', '在标签页中打开')));
  return newDecoderTab(ctx, before, popup);
}

/** The decoder tab opened since `before` was taken, once its app has rendered. */
async function newDecoderTab(ctx: CheckContext, before: Set<Page>, popup: Page): Promise<Page> {
  // A ceiling, not a timing: beside the other lanes a new tab once took past 15 s to appear.
  const deadline = Date.now() + 60_000;
  const seen = new Map<Page, string>();
  for (;;) {
    for (const page of await ctx.browser.pages()) {
      if (before.has(page)) continue;
      const ready = await page.evaluate(() => location.pathname.endsWith('/decoder.html') && !!document.querySelector('[data-part=progress], #big-paste')).catch((e: Error) => e.message);
      if (ready === true) return page;
      seen.set(page, `${page.url()}: ${ready === false ? 'no decoder app yet' : ready}`);
    }
    if (Date.now() > deadline) {
      // What the popup said (its hand-over error, if any) and what the new tabs held, for the log.
      const said = await popup.evaluate(() => [...document.querySelectorAll('[data-part^=open-in-tab]')].map((e) => e.textContent).join(' / ')).catch((e: Error) => e.message);
      // The browser's own list tells a tab the harness cannot see from one that never opened.
      const tabs = await popup
        .evaluate(async () => {
          const b = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ url?: string; status?: string }>> } } }).browser;
          return (await b.tabs.query({})).map((tab) => `${tab.url} (${tab.status})`).join(', ');
        })
        .catch((e: Error) => e.message);
      throw new Error(`the decoder tab did not open; new tabs: ${[...seen.values()].join('; ') || 'none'}; the popup says: ${said}; the browser's tabs: ${tabs}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Path = { title: string; run: (ctx: CheckContext, page: Page, t: <T>(en: T, zh: T) => T) => Promise<void> };

const PATHS: Path[] = [
  {
    title: 'a large paste in the popup opens the decoder tab, which lists every UserSig in a virtualized list',
    async run(ctx, popup, t) {
      const tab = await openDecoderFromPopup(ctx, popup, t);
      await expectAttribute(tab, '[data-part=progress]', 'data-state', 'done');
      await expectAttribute(tab, '[data-part=progress]', 'data-count', '1200');
      await expectText(tab, '[data-part=progress]', { equals: t('1,200 UserSigs found', '找到 1,200 个 UserSig') });
      await expectText(tab, '[data-part=loaded]', { contains: SIZE });
      await expectAttribute(tab, '[data-part=results] li', 'aria-posinset', '1', { first: true });
      const rows = await tab.$$eval('[data-part=results] li', (els) => els.length);
      assert.ok(rows < 40, `virtualized: ${rows} rows in the page`);
      await expectText(tab, '[data-part=results] li', { contains: 'alice · 1400000001' }, { nth: 0 });
      await tab.$eval('[data-part=results]', (el) => (el.scrollTop = el.scrollHeight));
      await expectAttribute(tab, '[data-part=results] li[aria-posinset="1200"] button', 'data-ok', 'false');
      await expectText(tab, '[data-part=results] li[aria-posinset="1200"]', { contains: t('UserSig does not decompress', 'UserSig 解压失败') });
      await click((await tab.waitForSelector('[data-part=results] li[aria-posinset="1199"] button'))!);
      await expectAttribute(tab, '[data-part=results] li[aria-posinset="1199"] button', 'aria-pressed', 'true');
      await expectText(tab, '[data-part=detail] [data-field=roomId]', { contains: '1234' });
    },
  },
  {
    title: 'a text the extension cannot hand over says why, and the tab opens empty on request',
    async run(ctx, popup, t) {
      await paste(popup, '#paste', LOG);
      await expectText(popup, '[data-part=open-in-tab]', { contains: SIZE });
      await popup.evaluate(breakHandoff, HANDOFF_REFUSED);
      const before = new Set(await ctx.browser.pages());
      await click(await byRole(popup, 'button', t('Open in a tab', '在标签页中打开')));
      await expectText(popup, '[data-part=open-in-tab-error]', { contains: HANDOFF_REFUSED });
      await expectText(popup, '[data-part=open-in-tab-error]', { contains: t('could not be handed to a tab', '无法把文本交给标签页') });
      assert.equal((await ctx.browser.pages()).filter((p) => !before.has(p)).length, 0, 'no tab opened');
      await click(await byRole(popup, 'button', t('Open the tab empty', '打开空白标签页')));
      const tab = await newDecoderTab(ctx, before, popup);
      assert.equal(new URL(tab.url()).searchParams.get('handoff'), null, 'opened without a hand-over');
      await tab.waitForSelector('#big-paste', { visible: true });
    },
  },
  {
    title: 'the decoder tab streams a pasted text as well, and a new text replaces the results',
    async run(ctx, popup, t) {
      const tab = await openDecoderFromPopup(ctx, popup, t);
      await expectAttribute(tab, '[data-part=progress]', 'data-count', '1200');
      await paste(tab, '#big-paste', `one ${tokens.otherUser.token} two ${tokens.otherApp.token}`);
      await expectAttribute(tab, '[data-part=progress]', 'data-count', '2');
      await expectAttribute(tab, '[data-part=progress]', 'data-state', 'done');
      await expectCount(tab, '[data-part=results] li', 2);
      await expectText(tab, '[data-part=results] li', { contains: 'bob' }, { nth: 0 });
      // A new text with a UserSig at the same offset: its own row, and choosing it shows its decode.
      await paste(tab, '#big-paste', `one ${tokens.otherAppBob.token} two ${tokens.otherUser.token}`);
      await expectText(tab, '[data-part=results] li', { contains: 'bob · 1400000002' }, { nth: 0 });
      await click((await tab.waitForSelector('[data-part=results] li button'))!);
      await expectText(tab, '[data-part=detail] [data-field=sdkAppId]', { contains: '1400000002' });
    },
  },
];

function checksFor(lang: Lang): Check[] {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
  return PATHS.map((path) => ({
    name: `decoder tab (${lang}): ${path.title}`,
    mirrors: [`decoder tab (${lang}) › ${path.title}`],
    timeoutMs: 90_000,
    async run(ctx: CheckContext) {
      const popup = await openPopup(ctx, { lang });
      await resetPopupStorage(ctx, popup);
      await path.run(ctx, popup, t);
    },
  }));
}

// As in big-log.spec.ts: every state of the tab, in both languages and both themes, the tab taking
// the popup's current language and theme; axe reads the tab with a small text pasted into it.
const a11y: Check[] = (['en', 'zh'] as const).flatMap((lang) =>
  (['light', 'dark'] as const).map((theme) => ({
    name: `decoder tab (${lang}, ${theme}): it follows the popup's language and theme; no accessibility violations, axe-core in Firefox`,
    mirrors: [`decoder tab (${lang}, ${theme}): it follows the popup's language and theme; no accessibility violations`],
    timeoutMs: 120_000,
    async run(ctx: CheckContext) {
      const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
      const popup = await openPopup(ctx, { lang, theme });
      await resetPopupStorage(ctx, popup);
      await paste(popup, '#paste', LOG);
      await expectCount(popup, '[data-part=open-in-tab]', 1);
      assert.deepEqual(await axeViolations(popup), []);
      const tab = await openDecoderFromPopup(ctx, popup, t);
      await expectAttribute(tab, '.imch.decoder', 'data-theme', theme);
      await expectAttribute(tab, 'html', 'lang', t('en', 'zh-CN'));
      await expectText(tab, 'h1', { equals: t('Decode a big log', '解码大日志') });
      await expectAttribute(tab, '[data-part=progress]', 'data-count', '1200');
      await paste(tab, '#big-paste', [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.truncated.token].join('\n'));
      await expectAttribute(tab, '[data-part=progress]', 'data-count', '4');
      await expectAttribute(tab, '[data-part=progress]', 'data-state', 'done');
      await expectCount(tab, '[data-part=results] li button[data-ok=false]', 1);
      await click((await tab.waitForSelector('[data-part=results] li[aria-posinset="4"] button'))!);
      await expectCount(tab, '[data-part=detail] [data-verdict]', 1);
      assert.deepEqual(await axeViolations(tab), []);
      await click((await tab.waitForSelector('[data-part=results] li[aria-posinset="3"] button'))!);
      await expectText(tab, '[data-part=detail] [data-field=roomId]', { contains: '1234' });
      assert.deepEqual(await axeViolations(tab), []);
    },
  })),
);

const checks: Check[] = [...checksFor('en'), ...checksFor('zh'), ...a11y];
export default checks;

const timing: Check = {
  name: 'decoder tab: timing: a 10 MB log with 10,000 UserSigs opened in the decoder tab, first results and all results (Firefox figures)',
  mirrors: ['timing: a 10 MB log with 10,000 UserSigs opened in the decoder tab, first results and all results'],
  timeoutMs: 180_000,
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.openExtensionPage('decoder.html?lang=en', { page, selector: '[data-part=progress]' });
    const tokenList = [tokens.valid.token, tokens.expired.token, tokens.privateMapKey.token, tokens.otherUser.token];
    for (let run = 0; run < 3; run++) {
      const r = (await page.evaluate(openBigLogInPage, { count: 10_000, tokens: tokenList, lineChars: 1_000 })) as Awaited<ReturnType<typeof openBigLogInPage>>;
      assert.ok(r.chars >= 10_000_000, `${r.chars} characters`);
      assert.equal(r.count, 10_000);
      assert.ok(r.first <= r.all);
      await expectText(page, '[data-part=results] li', { contains: 'alice · 1400000001' }, { nth: 0 });
      ctx.measure('decoder tab, 10 MB log with 10,000 UserSigs: first results (Firefox)', r.first, 'ms');
      ctx.measure('decoder tab, 10 MB log with 10,000 UserSigs: all results (Firefox)', r.all, 'ms');
    }
  },
};
checks.push(timing);

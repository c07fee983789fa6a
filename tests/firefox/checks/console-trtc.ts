/**
 * tests/e2e/console-trtc.spec.ts in Firefox ESR: the TRTC UserSig tool on both Tencent Cloud
 * consoles (TEA) and console.trtc.io (TDesign), zh and en, with the paths and expectations of
 * tests/scenarios/console-trtc.ts. Firefox ESR has no Navigation API: WXT's location watcher
 * notices a route change within a second, which the polls below allow for.
 * Run alone with `node tests/firefox/run.ts --grep 'console on T(EA|Design)'`.
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { openConsole, poll, readPrecheck, waitForElement } from '../console-helpers.ts';
import { click, copyReport, fill, watchErrors } from '../ui-helpers.ts';
import { maskSecret } from '../../../lib/diagnostics/mask.ts';
import { fulfilTrtcRequest } from '../../fixtures/console/trtc/routes.ts';
import type { TeaApp } from '../../fixtures/console/tea/apps.ts';
import { FIRST_APP, TRTC_PRECHECKS, TRTC_SITES, findInCard, makeToken, reportSdkAppIdSource, shownAfterLabel, verifierReport, type TrtcSite } from '../../scenarios/console-trtc.ts';

const ANSWER_MS = 15_000;
const ORIGINS = ['https://console.cloud.tencent.com/', 'https://console.tencentcloud.com/', 'https://console.trtc.io/'];

function serveAll(ctx: CheckContext): void {
  for (const origin of ORIGINS) ctx.serve(origin, fulfilTrtcRequest);
}

const field = (page: Page, site: TrtcSite, title: string, label: string, control?: string) =>
  waitForElement(page, `${label} in ${title}`, findInCard, ANSWER_MS, { dom: site.dom, title, label, ...(control ? { control } : {}) });

/** How many of `selector` are in the card `title` (0 without the card). */
function countIn(page: Page, site: TrtcSite, title: string, selector: string): Promise<number> {
  return page.evaluate(
    (arg: { dom: TrtcSite['dom']; title: string; selector: string }) => {
      const c = Array.from(document.querySelectorAll(arg.dom.card)).find((x) => Array.from(x.querySelectorAll(arg.dom.title)).some((h) => (h.textContent ?? '').trim().startsWith(arg.title)));
      return c ? c.querySelectorAll(arg.selector).length : 0;
    },
    { dom: site.dom, title, selector },
  );
}

const countAll = (page: Page, selector: string) => page.evaluate((s: string) => document.querySelectorAll(s).length, selector);

async function press(page: Page, site: TrtcSite, title: string, name: string): Promise<void> {
  const button = await waitForElement(
    page,
    `the button ${name}`,
    (arg: { dom: TrtcSite['dom']; title: string; n: string }) => {
      const c = Array.from(document.querySelectorAll(arg.dom.card)).find((x) => Array.from(x.querySelectorAll(arg.dom.title)).some((h) => (h.textContent ?? '').trim().startsWith(arg.title)));
      return Array.from(c?.querySelectorAll('button') ?? []).find((b) => (b.textContent ?? '').trim() === arg.n) ?? null;
    },
    ANSWER_MS,
    { dom: site.dom, title, n: name },
  );
  await button.focus();
  await page.keyboard.press('Enter');
}

const textIn = (page: Page, site: TrtcSite, title: string, text: string) =>
  poll(`"${text}" in ${title}`, () => page.evaluate((arg: { dom: TrtcSite['dom']; title: string; text: string }) => {
    const c = Array.from(document.querySelectorAll(arg.dom.card)).find((x) => Array.from(x.querySelectorAll(arg.dom.title)).some((h) => (h.textContent ?? '').trim().startsWith(arg.title)));
    return Array.from(c?.querySelectorAll('*') ?? []).some((el) => el.children.length === 0 && (el.textContent ?? '').trim() === arg.text);
  }, { dom: site.dom, title, text }), (found) => found, ANSWER_MS);

async function chooseApp(page: Page, site: TrtcSite, app: TeaApp): Promise<void> {
  const title = site.texts.verifier.title;
  const want = site.appText(app);
  const shown = () => page.evaluate((arg: { dom: TrtcSite['dom']; title: string; label: string; lib: string }) => {
    const c = Array.from(document.querySelectorAll(arg.dom.card)).find((x) => Array.from(x.querySelectorAll(arg.dom.title)).some((h) => (h.textContent ?? '').trim().startsWith(arg.title)));
    const item = Array.from(c?.querySelectorAll(arg.dom.item) ?? []).find((i) => (i.querySelector(arg.dom.label)?.textContent ?? '').trim() === arg.label);
    return arg.lib === 'tdesign' ? ((item?.querySelector('input') as HTMLInputElement | null)?.value ?? '') : (item?.textContent ?? '');
  }, { dom: site.dom, title, label: site.texts.app, lib: site.library });
  if ((await shown()).includes(want)) return;
  await click(await field(page, site, title, site.texts.app, site.dom.select));
  const option = await waitForElement(
    page,
    `the option ${want}`,
    (text: string) =>
      Array.from(document.querySelectorAll('body > :not(#root) *')).find((el) => {
        if (el.children.length > 0 || (el.textContent ?? '').trim() !== text) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
      }) ?? null,
    ANSWER_MS,
    want,
  );
  await option.click();
  await poll(`the verifier's drop-down shows ${want}`, shown, (s) => s.includes(want), ANSWER_MS);
}

const menuItem = (page: Page, name: string) =>
  waitForElement(page, `the menu entry ${name}`, (n: string) => Array.from(document.querySelectorAll('li')).find((li) => (li.textContent ?? '').trim() === n) ?? null, ANSWER_MS, name);

function guard(ctx: CheckContext, page: Page): () => void {
  const errors = watchErrors(page);
  return () => {
    assert.deepEqual(errors, [], 'page errors or stopped features');
    assert.deepEqual(ctx.blocked(), [], 'requests that left the console origins');
  };
}

function siteChecks(site: TrtcSite): Check[] {
  const t = site.texts;
  const title = (x: string) => `${site.describe} › ${x}`;
  const name = (x: string) => `${site.describe}: ${x}`;
  const checks: Check[] = [];

  {
    const what = 'UserSig tools: Copy diagnostics on both cards, the picker on both UserID fields, decode controls beside the generated and the typed UserSig, and a report with every value the verifier shows';
    checks.push({
      name: name(what),
      mirrors: [title(what)],
      timeoutMs: 120_000,
      async run(ctx) {
        serveAll(ctx);
        const page = await ctx.newPage();
        await page.setViewport({ width: 1280, height: 900 });
        const done = guard(ctx, page);
        let token = '';
        for (const url of site.toolUrls) {
          await openConsole(ctx, url, page);
          await poll(`${url}: Copy diagnostics on the generator`, () => countIn(page, site, t.generator.title, '[data-imch=diagnostics]'), (n) => n === 1, ANSWER_MS);
          await poll(`${url}: Copy diagnostics on the verifier`, () => countIn(page, site, t.verifier.title, '[data-imch=diagnostics]'), (n) => n === 1, ANSWER_MS);
          await poll(`${url}: pickers`, () => countAll(page, '[data-imch=userid-picker]'), (n) => n === 2, ANSWER_MS);

          await fill(page, await field(page, site, t.generator.title, t.userId), 'alice');
          await press(page, site, t.generator.title, t.generator.generate);
          await textIn(page, site, t.generator.title, t.generator.copy);
          await poll(`${url}: decode beside the generated UserSig`, () => countIn(page, site, t.generator.title, '[data-imch=decode]'), (n) => n === 1, ANSWER_MS);

          token = await makeToken({ of: 'bob', app: FIRST_APP });
          await fill(page, await field(page, site, t.verifier.title, t.userId), 'alice');
          await fill(page, await field(page, site, t.verifier.title, t.verifier.userSig), token);
          await poll(`${url}: decode beside the verifier field`, () => countIn(page, site, t.verifier.title, '[data-imch=decode]'), (n) => n === 1, ANSWER_MS);
        }
        await press(page, site, t.verifier.title, t.verifier.verify);
        await textIn(page, site, t.verifier.title, t.verifier.failed);
        const { text: md } = await copyReport(page, 'usersig-verifier');
        for (const value of verifierReport(site)) assert.ok(md.includes(value), `report holds ${value}:\n${md}`);
        assert.ok(md.includes(maskSecret(token)), 'masked token in the report');
        assert.ok(!md.includes(token), 'never the whole token');
        const record = JSON.parse((await copyReport(page, 'usersig-verifier', { format: 'json' })).text) as { sdkAppId?: number; data?: Record<string, unknown> };
        assert.equal(record.sdkAppId, FIRST_APP.sdkAppId);
        assert.equal(reportSdkAppIdSource(record), 'app-selector', 'read from the verifier’s own drop-down');
        assert.equal(record.data?.userId, 'alice');
        done();
      },
    });
  }

  {
    const what = 'the verifier pre-check names 70013 and 70014 and follows the application chosen in its drop-down';
    checks.push({
      name: name(what),
      mirrors: [title(what)],
      timeoutMs: 120_000,
      async run(ctx) {
        serveAll(ctx);
        const page = await openConsole(ctx, site.toolUrls[0]!);
        const done = guard(ctx, page);
        await poll('features started', () => countIn(page, site, t.verifier.title, '[data-imch=diagnostics]'), (n) => n === 1, ANSWER_MS);
        let typed = '';
        for (const c of TRTC_PRECHECKS) {
          const key = `${c.userId}|${c.token.of}|${c.token.app.sdkAppId}`;
          if (typed !== key) {
            await fill(page, await field(page, site, t.verifier.title, t.userId), c.userId);
            await fill(page, await field(page, site, t.verifier.title, t.verifier.userSig), await makeToken(c.token));
            typed = key;
          }
          await chooseApp(page, site, c.selected);
          const verdict = c.code === 'pass' ? 'pass' : 'problem';
          const shown = await poll(`${c.name}: verdict`, () => readPrecheck(page), (p) => p.verdict === verdict && (c.code === 'pass' || p.codes[0] === c.code), ANSWER_MS);
          assert.equal(shown.verdict, verdict);
          assert.equal(await countIn(page, site, t.verifier.title, '[data-imch=precheck]'), 1, `${c.name}: one pre-check, in the verifier card`);
        }
        done();
      },
    });
  }

  if (site.chatStatus) {
    const c = site.chatStatus;
    const what = 'Chat access test: the user status checker gets Copy diagnostics and the picker, and its report holds every value it shows';
    checks.push({
      name: name(what),
      mirrors: [title(what)],
      timeoutMs: 90_000,
      async run(ctx) {
        serveAll(ctx);
        const page = await openConsole(ctx, c.url);
        const done = guard(ctx, page);
        await poll('Copy diagnostics', () => countIn(page, site, c.title, '[data-imch=diagnostics]'), (n) => n === 1, ANSWER_MS);
        await poll('the picker', () => countIn(page, site, c.title, '[data-imch=userid-picker]'), (n) => n === 1, ANSWER_MS);
        await fill(page, await field(page, site, c.title, t.userId), c.userId);
        await press(page, site, c.title, c.button);
        await textIn(page, site, c.title, c.after);
        const time = await page.evaluate(shownAfterLabel, c.timeLabel);
        assert.notEqual(time, '', 'the page shows the last login');
        const { text: md } = await copyReport(page, 'user-status');
        for (const value of [...c.contains, time]) assert.ok(md.includes(value), `report holds ${value}:\n${md}`);
        const record = JSON.parse((await copyReport(page, 'user-status', { format: 'json' })).text) as { sdkAppId?: number; data?: Record<string, unknown> };
        assert.equal(record.sdkAppId, FIRST_APP.sdkAppId);
        assert.equal(record.data?.userId, c.userId);
        assert.equal(record.data?.canReceivePush, true);
        done();
      },
    });
  }

  {
    const what = 'features start after a route change from another page of the console to the tool page and stop when the user navigates away; nothing of ours on the other pages';
    checks.push({
      name: name(what),
      mirrors: [title(what)],
      timeoutMs: 150_000,
      async run(ctx) {
        serveAll(ctx);
        const [first, ...rest] = site.others;
        const page = await openConsole(ctx, first!.url);
        const done = guard(ctx, page);
        const here = () => page.evaluate(() => location.href);
        for (const other of [first!, ...rest]) {
          if (other !== first) await click(await menuItem(page, other.menu));
          await poll('at the other page', here, (u) => u === other.url, ANSWER_MS);
          await poll('the page shows a UserSig', () => page.evaluate(() => document.querySelector('code.shown-usersig')?.textContent ?? ''), (s) => s.startsWith('eJ'), ANSWER_MS);
          assert.equal(await countAll(page, '[data-imch]'), 0, `${other.url}: nothing of ours`);

          const sentinel = await makeToken({ of: 'carol', app: FIRST_APP });
          await page.evaluate((s: string) => {
            const p = document.createElement('p');
            p.setAttribute('data-sentinel', '');
            p.textContent = `sentinel ${s}`;
            document.body.prepend(p);
          }, sentinel);
          await click(await menuItem(page, site.toolMenu));
          await poll('at the tool page', here, (u) => u === site.toolUrls[0], ANSWER_MS);
          await poll('features after the route change', () => countIn(page, site, t.verifier.title, '[data-imch=diagnostics]'), (n) => n === 1, ANSWER_MS);
          await poll('the scan saw the page', () => countAll(page, '[data-sentinel] [data-imch=decode]'), (n) => n === 1, ANSWER_MS);
          await poll('pickers', () => countAll(page, '[data-imch=userid-picker]'), (n) => n === 2, ANSWER_MS);

          await click(await menuItem(page, other.menu));
          await poll('back at the other page', here, (u) => u === other.url, ANSWER_MS);
          await poll(`${other.url}: our controls removed`, () => countAll(page, '[data-imch]'), (n) => n === 0, ANSWER_MS);
          await page.evaluate(() => document.querySelector('[data-sentinel]')?.remove());
        }
        await click(await menuItem(page, site.toolMenu));
        await poll('features on the tool page again', () => countAll(page, '[data-imch=userid-picker]'), (n) => n === 2, ANSWER_MS);
        done();
      },
    });
  }
  return checks;
}

export default TRTC_SITES.flatMap(siteChecks);

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { test, expect, loadConsoleRoutes } from './fixtures.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers/chromium.ts';
import { calibrate } from '../shared/calibration.ts';
import { boxInShadow, query, readPrecheck, shadowRootsOf, textOf } from './helpers/shadow.ts';
import { waitForScanToReach } from './helpers/settled.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const tokens = fixtures.tokens;

const SITES = [
  { lang: 'zh', origin: 'https://console.cloud.tencent.com', generate: '生成签名（UserSig）', query: '查询', decode: '解码', precheck: '本地预检（无需密钥）' },
  { lang: 'en', origin: 'https://console.tencentcloud.com', generate: 'Generate UserSig', query: 'Query', decode: 'Decode', precheck: 'Local pre-check (no key needed)' },
] as const;

const controls = (page: Page) => page.locator('[data-imch=decode]');
const precheck = (page: Page) => page.locator('[data-imch=precheck]');

async function verifierFields(page: Page) {
  const section = page.locator('section, .tool, .card').filter({ has: page.locator('textarea') }).last();
  return { userId: section.locator('input').first(), userSig: section.locator('textarea').first() };
}

for (const site of SITES) {
  test.describe(`console (${site.lang})`, () => {
    test.beforeEach(async ({ serveConsole }) => {
      await serveConsole();
    });

    test('no control appears where there is no UserSig', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-push-check`);
      await expect(page.locator('h2, h3').first()).toBeVisible();
      // The one control on the page is the sentinel's: the scan has passed everything else.
      await waitForScanToReach(page, tokens.valid.token);
      await expect(controls(page)).toHaveCount(1);
      await expect(precheck(page)).toHaveCount(0);
    });

    /** The generator's UserSig for alice, and its decode control. */
    async function generated(page: Page) {
      await page.goto(`${site.origin}/im/tool-usersig`);
      const generator = page.locator('input').first();
      await generator.waitFor();
      await generator.fill('alice');
      await page.getByRole('button', { name: site.generate }).click();
      await expect(controls(page)).toHaveCount(1, { timeout: 45_000 });
    }

    test('a generated UserSig gets a decode control that opens the decoded view', async ({ page }) => {
      await generated(page);
      await controls(page).click();
      await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(1);
      const [root] = await shadowRootsOf(page, 'decode');
      expect(textOf(query(root!, 'data-field', 'identifier')[0]!)).toContain('alice');
      expect(textOf(query(root!, 'data-field', 'sdkAppId')[0]!)).toContain('1400000001');
      await page.keyboard.press('Escape');
      await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(0);
    });

    test('near the window’s bottom, a decode control opens its panel upwards, inside the window', async ({ page }) => {
      await generated(page);
      // A window that ends 120 px under the control: more room above it than below.
      const at = (await controls(page).boundingBox())!;
      await page.setViewportSize({ width: 1280, height: Math.ceil(at.y + at.height + 120) });
      await controls(page).click();
      await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(1);
      const control = (await controls(page).boundingBox())!;
      const panel = (await boxInShadow(page, 'decode', 'role', 'dialog'))!;
      expect(panel.bottom, `panel ${JSON.stringify(panel)}, control at ${control.y}`).toBeLessThanOrEqual(control.y + 1);
      // Inside the console's content area, which scrolls under its top bar and clips what leaves it.
      const area = (await page.locator('main, [role=main]').first().boundingBox())!;
      expect(panel.top).toBeGreaterThanOrEqual(area.y - 1);
      expect(panel.bottom - panel.top).toBeGreaterThan(100);
    });

    const cases = [
      { name: 'valid', token: tokens.valid.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'pass', code: undefined },
      { name: 'expired', token: tokens.expired.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'problem', code: '70001' },
      { name: 'another UserID', token: tokens.otherUser.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'problem', code: '70013' },
      { name: 'another app', token: tokens.valid.token, userId: 'alice', url: '/im/tool-usersig?sdkappid=1400000002', verdict: 'problem', code: '70014' },
      { name: 'truncated', token: tokens.truncated.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'problem', code: '70003' },
    ];
    for (const c of cases) {
      test(`the verifier pre-check: ${c.name}`, async ({ page }) => {
        await page.goto(`${site.origin}${c.url}`);
        const { userId, userSig } = await verifierFields(page);
        await userSig.waitFor();
        await userId.fill(c.userId);
        await userSig.fill(c.token);
        await expect.poll(async () => (await readPrecheck(page)).verdict).toBe(c.verdict);
        const shown = await readPrecheck(page);
        expect(shown.text).toContain(site.precheck);
        if (c.code) expect(shown.codes[0]).toBe(c.code);
        else expect(shown.codes).toEqual([]);
      });
    }

    test('controls appear for UserSigs in log rows rendered late, and after a route change', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-push-check`);
      await page.locator('nav a, aside a, [role=navigation] a').filter({ hasText: site.lang === 'zh' ? '自助排障日志' : 'troubleshooting' }).first().click();
      await page.getByRole('button', { name: site.query, exact: true }).click();
      const tokenCells = page.locator('td, [role=cell]').filter({ hasText: /eJ[A-Za-z0-9*_-]{40,}/ });
      await expect(tokenCells.first()).toBeVisible({ timeout: 45_000 });
      const expected = await tokenCells.count();
      expect(expected).toBeGreaterThan(0);
      await expect(controls(page)).toHaveCount(expected);
      const verdicts = await controls(page).evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-verdict')));
      expect(verdicts).toContain('problem');
    });

    test('the page cannot open or read our UI', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-usersig`);
      const { userSig } = await verifierFields(page);
      await userSig.waitFor();
      await userSig.fill(tokens.valid.token);
      await expect(controls(page)).toHaveCount(1);
      const probe = await page.evaluate(() => {
        const host = document.querySelector('[data-imch=decode]') as HTMLElement;
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        window.postMessage({ type: 'imch', open: true }, '*');
        return { shadowRoot: host.shadowRoot === null, text: host.textContent, keys: JSON.stringify(Object.keys(host)) };
      });
      expect(probe.shadowRoot).toBe(true);
      expect(probe.text).toBe('');
      // A real click toggles the panel: it opens only if the forged click opened nothing.
      await controls(page).click();
      await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(1);
    });

    test('on a page with unexpected markup the console keeps working and nothing throws', async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${site.origin}/im/tool-usersig?broken=1`);
      const editable = page.locator('[contenteditable]');
      await expect(editable.first()).toBeVisible();
      await editable.first().click();
      await page.keyboard.insertText(tokens.expired.token);
      await page.getByRole('button').filter({ hasText: site.lang === 'zh' ? '校验' : 'Verify' }).first().click();
      await waitForScanToReach(page, tokens.valid.token);
      expect(errors).toEqual([]);
    });
  });
}

/** Long tasks of the page from its first script on, as the page itself sees them. */
const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Blocking time (the part of each long task over 50 ms) of the tasks that started after `since`. */
function blockingSince(since: number): number {
  const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
  return tasks.filter((t) => t.start >= since).reduce((n, t) => n + Math.max(0, t.duration - 50), 0);
}

/** Loads the 5,000-row log and returns the page's clock when all rows are in the document. */
async function showLogOf5000(page: Page): Promise<number> {
  await page.goto('https://console.cloud.tencent.com/im/tool-log?rows=5000');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  // A ceiling for a machine under heavy load (the replica renders the rows in batches), not a budget.
  await page.waitForFunction(() => document.querySelectorAll('tr').length >= 5000, null, { timeout: 90_000 });
  return page.evaluate(() => performance.now());
}

test('a 5,000-row log: controls for the rows, and long tasks with and without the extension', async ({ page, serveConsole, measure }) => {
  test.setTimeout(360_000);
  await serveConsole();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  const plainBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const plain = await plainBrowser.newPage();
    await plain.addInitScript(OBSERVE_LONG_TASKS);
    const fulfil = await loadConsoleRoutes();
    await plain.route('**/*', (route) => {
      const res = fulfil?.(route.request().url());
      return res ? route.fulfill({ status: res.status, contentType: res.contentType, body: res.body }) : route.abort('blockedbyclient');
    });
    // The page's own rendering of the rows is the same with or without us; what follows it is
    // the scan of those rows (with the extension) or nothing (without).
    const plainRows = await showLogOf5000(plain);
    await plain.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const without = await plain.evaluate(blockingSince, plainRows);
    // The log loaded once with the extension: the figure is printed, not judged (scripts/budgets.ts).
    const calibration = calibrate();
    const rowsAt = await showLogOf5000(page);
    // Behaviour: the rows' UserSigs get their controls, and the scan gets through the page.
    await expect.poll(() => controls(page).count()).toBeGreaterThan(0);
    await waitForScanToReach(page, tokens.valid.token);
    const withExtension = await page.evaluate(blockingSince, rowsAt);
    await measure('5,000-row log: blocking time without the extension', without, 'ms', calibration);
    await measure('5,000-row log: blocking time with the extension', withExtension, 'ms', calibration);
    await measure('5,000-row log: extra blocking time from the extension', Math.max(0, withExtension - without), 'ms', calibration);
  } finally {
    await plainBrowser.close();
  }
});

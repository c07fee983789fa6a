import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { attr, query, shadowRootsOf, textOf } from './helpers/shadow.ts';

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

/** What the pre-check shows: its verdict, text and the server codes of its problem cards. */
async function readPrecheck(page: Page) {
  const [root] = await shadowRootsOf(page, 'precheck');
  const box = root ? query(root, 'data-precheck')[0] : undefined;
  return {
    verdict: box ? attr(box, 'data-precheck') : undefined,
    text: box ? textOf(box) : '',
    codes: box ? query(box, 'data-server-code').map((n) => attr(n, 'data-server-code')) : [],
  };
}

for (const site of SITES) {
  test.describe(`console (${site.lang})`, () => {
    test.beforeEach(async ({ serveConsole }) => {
      await serveConsole();
    });

    test('no control appears where there is no UserSig', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-push-check`);
      await expect(page.locator('h2, h3').first()).toBeVisible();
      await page.waitForTimeout(1500);
      await expect(controls(page)).toHaveCount(0);
      await expect(precheck(page)).toHaveCount(0);
    });

    test('a generated UserSig gets a decode control that opens the decoded view', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-usersig`);
      const generator = page.locator('input').first();
      await generator.waitFor();
      await generator.fill('alice');
      await page.getByRole('button', { name: site.generate }).click();
      await expect(controls(page)).toHaveCount(1, { timeout: 5000 });
      await controls(page).click();
      await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(1);
      const [root] = await shadowRootsOf(page, 'decode');
      expect(textOf(query(root!, 'data-field', 'identifier')[0]!)).toContain('alice');
      expect(textOf(query(root!, 'data-field', 'sdkAppId')[0]!)).toContain('1400000001');
      await page.keyboard.press('Escape');
      await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(0);
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
      await expect(tokenCells.first()).toBeVisible({ timeout: 5000 });
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
      await page.waitForTimeout(200);
      const [root] = await shadowRootsOf(page, 'decode');
      expect(query(root!, 'role', 'dialog')).toHaveLength(0);
    });

    test('on a page with unexpected markup the console keeps working and nothing throws', async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${site.origin}/im/tool-usersig?broken=1`);
      await page.waitForTimeout(1200);
      const editable = page.locator('[contenteditable]');
      if (await editable.count()) {
        await editable.first().click();
        await page.keyboard.insertText(tokens.expired.token);
      }
      await page.getByRole('button').filter({ hasText: site.lang === 'zh' ? '校验' : 'Verify' }).first().click();
      await page.waitForTimeout(800);
      expect(errors).toEqual([]);
    });
  });
}

test('content-script cost on page load and on a 5,000-row log', async ({ page, serveConsole, measure }) => {
  await serveConsole();
  for (let i = 0; i < 3; i++) {
    await page.goto(`https://console.cloud.tencent.com/im/tool-log?rows=5000`);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('tr').length >= 5000, null, { timeout: 20_000 });
    await page.waitForTimeout(800);
    const figures = await page.evaluate(() => {
      const entries = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('imch:'));
      // Each feature's synchronous start (a feature's first scan runs inside its init).
      const init = entries.filter((e) => e.name.startsWith('imch:init:'));
      const batches = entries.filter((e) => e.name === 'imch:scan-batch');
      return {
        load: init.reduce((n, e) => n + e.duration, 0),
        batches: batches.length,
        maxBatch: Math.max(0, ...batches.map((e) => e.duration)),
      };
    });
    await measure('content script: page-load work', figures.load);
    await measure('content script: 5,000-row log, worst batch', figures.maxBatch);
    expect(figures.batches).toBeGreaterThan(0);
  }
});

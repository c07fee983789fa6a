import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';

const PAGE = 'https://console.tencentcloud.com/im/tool-push-check';
const TOKEN = '7f3c2a9b8e1d4c6fa0b5e2d9c8a7f6e5d4c3b2a1908f7e6d5c4b3a2918070605'; // alice's APNs token (scenarios.js)

/**
 * "Copy diagnostics" in Firefox ESR, as a user would: a real click on the offline push finder's
 * control, Enter on the focused Copy button (the content script's navigator.clipboard.writeText),
 * then a real Ctrl+V into a text box on the page, which reads back what Firefox put on its
 * (headless) clipboard. The panel itself sits in a closed shadow root that BiDi cannot enter; the
 * host's `data-open` attribute says when the report is ready.
 */
const check: Check = {
  name: 'diagnostics: the offline push finder copies a masked report in Firefox',
  timeoutMs: 40_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) ctx.pending('no console replica routes');
    const page = await ctx.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(PAGE, { waitUntil: 'load', timeout: 15_000 });
    await page.waitForSelector('#qc-main[aria-busy="false"]', { timeout: 10_000 });

    // The console's own controls: type alice, get her devices.
    const input = await page.waitForSelector('section.tea-card input', { timeout: 10_000 });
    assert.ok(input);
    await input.click();
    await input.type('alice');
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => /Get device information/.test(b.textContent ?? ''));
      button?.click();
    });
    await page.waitForFunction(() => document.querySelectorAll('section.tea-card .tea-table__body tr').length === 2, { timeout: 10_000, polling: 50 });

    const host = '[data-imch="diagnostics"][data-tool="offline-push"]';
    await page.waitForSelector(host, { timeout: 10_000 });
    assert.equal(await page.evaluate((s: string) => (document.querySelector(s) as HTMLElement).shadowRoot, host), null, 'the shadow root is closed');
    const t0 = performance.now();
    await page.click(host);
    await page.waitForSelector(`${host}[data-open="ready"]`, { timeout: 10_000 });
    ctx.measure('click → report ready', Math.round(performance.now() - t0));
    ctx.log(`screenshot: ${await ctx.screenshot(page, 'diagnostics-panel')}`);
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));

    // Read the clipboard back the way a user would: paste it into a text box.
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'firefox-check-paste';
      box.style.cssText = 'position: fixed; bottom: 0; right: 0; width: 300px; height: 80px; z-index: 2147483647';
      document.body.append(box);
    });
    await page.click('#firefox-check-paste');
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => ((document.getElementById('firefox-check-paste') as HTMLTextAreaElement | null)?.value ?? '') !== '', { timeout: 5000, polling: 50 });
    const pasted = await page.evaluate(() => (document.getElementById('firefox-check-paste') as HTMLTextAreaElement).value);

    assert.match(pasted, /^## IM Console Helper diagnostics: Offline push issue finder\n/);
    assert.ok(pasted.includes('- **UserID**: `alice`'), 'UserID');
    assert.ok(pasted.includes('- **SDKAppID**: `1400000001`'), 'SDKAppID');
    assert.ok(pasted.includes('| `12001` | Huawei | Android |'), 'the Huawei device');
    assert.ok(pasted.includes('`7f3c2a…070605 (64 chars)`'), 'the APNs token, masked');
    assert.ok(!pasted.includes(TOKEN), 'no token in full');
    assert.ok(pasted.includes('console.tencentcloud.com (English)'));
    ctx.log(`pasted ${pasted.length} characters: ${pasted.split('\n').length} lines`);
    assert.deepEqual(errors, [], 'page errors');
  },
};

export default check;

/**
 * The codec in real Chromium: tests/browser/codec-cases.ts, bundled at test time, run in a page
 * served by page.route at https://codec.test/ (a secure context, so Web Crypto is there).
 * No extension is needed, so this spec launches Debian's Chromium itself instead of using the
 * extension fixtures; every request that is not to codec.test is aborted.
 */
import { test, expect, chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { PAGE_URL, bundleCodecCases, describeFailures, serveCodecOrigin } from '../browser/bundle.ts';
import type { Bundle, CodecCasesGlobal } from '../browser/bundle.ts';
import { appendFigure } from './helpers/figures.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers/chromium.ts';

declare const codecCases: CodecCasesGlobal;

test.describe.configure({ mode: 'serial' });

let bundle: Bundle;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreign: string[] = [];

/** Records a figure for the e2e figures table, as fixtures.ts's `measure` does. */
async function figure(name: string, value: number, unit = 'ms'): Promise<void> {
  const sample = { name, value, unit, test: test.info().titlePath.slice(1).join(' › ') };
  appendFigure(sample);
  await test.info().attach('e2e-figure', { body: JSON.stringify(sample), contentType: 'application/json' });
}

test.beforeAll(async () => {
  bundle = await bundleCodecCases();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const answer = serveCodecOrigin(bundle, url);
    if (answer) return route.fulfill(answer);
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => typeof codecCases === 'object');
});

test.afterAll(async () => {
  await browser?.close();
  bundle?.remove();
});

test('codec cases pass in Chromium (page context)', async () => {
  test.setTimeout(120_000);
  const env = await page.evaluate(() => codecCases.env());
  expect(env.secure, 'https://codec.test/ is a secure context').toBe(true);
  test.info().annotations.push({ type: 'browser', description: env.userAgent });

  const t = performance.now();
  const results = await page.evaluate(() => codecCases.runAll());
  await figure('codec cases (all, Chromium)', Math.round(performance.now() - t));
  for (const r of results) {
    await test.step(`${r.ok ? 'ok' : 'FAIL'} ${r.name}${r.note ? ` — ${r.note}` : ''}`, async () => {
      expect.soft(r.error, r.name).toBeUndefined();
    });
  }
  expect(results.length).toBeGreaterThan(50);
  expect(describeFailures(results)).toEqual([]);
});

test('trailing junk after the zlib stream is decompress-failed in Chromium', async () => {
  // Node's zlib.inflateSync ignores such junk; the Compression Streams spec (and this browser) must not.
  const r = await page.evaluate(() => codecCases.runOne('bad token: trailing junk after the zlib stream'));
  expect(r.error).toBeUndefined();
  expect(r.ok).toBe(true);
});

test('1,000 tokens pasted in one log: findUserSigs finds and decodeUserSig decodes every one', async () => {
  const f = await page.evaluate(() => codecCases.decodeLog(1000));
  console.log(
    `Chromium: ${f.found}/${f.tokens} tokens found in a ${f.logChars.toLocaleString('en-US')}-char log in ${f.findMs.toFixed(1)} ms; ` +
      `find + decode all: ${f.sequentialMs.toFixed(0)} ms one by one, ${f.concurrentMs.toFixed(0)} ms all at once`,
  );
  await figure('1,000-token log: find + decode (Chromium)', Math.round(f.sequentialMs));
  await figure('1,000-token log: find + decode concurrently (Chromium)', Math.round(f.concurrentMs));
  expect(f.found).toBe(1000);
  expect(f.decodedOk).toBe(1000);
});

test('no page errors and no requests beyond codec.test', () => {
  expect(pageErrors).toEqual([]);
  expect(foreign).toEqual([]);
});

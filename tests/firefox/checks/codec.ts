/**
 * The codec in Firefox ESR: tests/browser/codec-cases.ts, bundled at test time, run
 * (1) in a page served at https://codec.test/ through request interception,
 * (2) in a content script of a throw-away test extension on that page — where Firefox hands
 *     the content script the page's stream classes and lib/usersig/zlib.ts must cloneInto,
 * (3) on a log of 1,000 tokens (findUserSigs + decodeUserSig), timed,
 * and, as tests/e2e/codec-in-chromium.spec.ts does, the trailing-junk case on its own and no page
 * errors or requests beyond https://codec.test/ over all of it.
 * Run alone with `node tests/firefox/run.ts --grep codec`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { CODEC_ORIGIN, PAGE_URL, bundleCodecCases, describeFailures, serveCodecOrigin } from '../../browser/bundle.ts';
import type { Bundle, CodecCasesGlobal } from '../../browser/bundle.ts';
import type { CaseResult, LogFigures } from '../../browser/codec-cases.ts';

declare const codecCases: CodecCasesGlobal;

let bundled: Promise<Bundle> | undefined;
function bundle(): Promise<Bundle> {
  bundled ??= bundleCodecCases().then((b) => {
    process.once('exit', () => b.remove());
    return b;
  });
  return bundled;
}

const CONTENT_PAGE_URL = `${CODEC_ORIGIN}/content-script.html`;
const CONTENT_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>codec in a content script</title></head><body><h1>codec in a content script</h1></body></html>';
const RESULT_ID = 'codec-content-script-results';
const TEST_EXTENSION_ID = 'codec-cases@tests.invalid';

/**
 * Page errors and requests of every cases page the codec checks open, as codec-in-chromium.spec.ts
 * collects them over its serial tests (its last test asserts them).
 */
const pageErrors: string[] = [];
const requests: string[] = [];

async function openCasesPage(ctx: CheckContext): Promise<{ page: Page; errors: string[]; requested: string[] }> {
  const b = await bundle();
  ctx.serve(`${CODEC_ORIGIN}/`, (url) => serveCodecOrigin(b, url));
  const page = await ctx.newPage();
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('pageerror', (e) => {
    errors.push(String(e));
    pageErrors.push(String(e));
  });
  page.on('request', (r) => {
    requested.push(r.url());
    requests.push(r.url());
  });
  await page.goto(PAGE_URL, { waitUntil: 'load', timeout: 45_000 });
  await page.waitForFunction(() => typeof codecCases === 'object', { timeout: 30_000, polling: 50 });
  assert.deepEqual(errors, [], 'page errors');
  return { page, errors, requested };
}

/** Requests that are neither to https://codec.test/ nor local (the page loads nothing else). */
const beyondCodecOrigin = (urls: string[]) => urls.filter((u) => !u.startsWith(`${CODEC_ORIGIN}/`) && !/^(data|blob|about|moz-extension):/.test(u));

function report(ctx: CheckContext, results: CaseResult[]): void {
  for (const r of results) if (!r.ok || r.note) ctx.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.note ? ` — ${r.note}` : ''}${r.error ? `\n        ${r.error}` : ''}`);
  ctx.log(`${results.filter((r) => r.ok).length}/${results.length} cases passed`);
}

const inPage: Check = {
  name: 'codec: cases in a Firefox page',
  mirrors: ['codec cases pass in Chromium (page context)'],
  timeoutMs: 90_000,
  async run(ctx) {
    const { page } = await openCasesPage(ctx);
    const env = await page.evaluate(() => codecCases.env());
    assert.equal(env.secure, true, 'https://codec.test/ is a secure context');
    ctx.log(env.userAgent);
    const t = performance.now();
    const results = await page.evaluate(() => codecCases.runAll());
    ctx.measure('codec cases (all, Firefox page)', Math.round(performance.now() - t));
    report(ctx, results);
    assert.ok(results.length > 50, `only ${results.length} cases`);
    const junk = results.find((r) => r.name === 'bad token: trailing junk after the zlib stream');
    assert.ok(junk?.ok, `trailing junk must be decompress-failed in Firefox: ${junk?.error ?? 'case missing'}`);
    assert.deepEqual(describeFailures(results), []);
  },
};

const inContentScript: Check = {
  name: 'codec: cases in a Firefox content script (page stream classes, cloneInto)',
  timeoutMs: 120_000,
  async run(ctx) {
    const b = await bundle();
    const dir = path.join(b.dir, 'content-script-extension');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 2,
        name: 'codec cases in a content script (test only)',
        version: '1.0',
        browser_specific_settings: { gecko: { id: TEST_EXTENSION_ID } },
        content_scripts: [{ matches: [`${CONTENT_PAGE_URL}*`], js: ['codec-cases.js', 'run.js'], run_at: 'document_idle' }],
      }),
    );
    fs.copyFileSync(b.file, path.join(dir, 'codec-cases.js'));
    // The second content script shares the first one's scope (the `codecCases` var); it leaves
    // its results in the DOM, the only channel a check has to a content script.
    fs.writeFileSync(
      path.join(dir, 'run.js'),
      `(async () => {
        const out = {};
        const stack = (e) => String((e && e.stack) || e);
        try {
          out.env = codecCases.env();
          out.results = await codecCases.runAll();
        } catch (e) {
          out.crash = stack(e);
        }
        try {
          out.log = await codecCases.decodeLog(1000);
        } catch (e) {
          out.logError = stack(e);
        }
        const pre = document.createElement('pre');
        pre.id = ${JSON.stringify(RESULT_ID)};
        pre.textContent = JSON.stringify(out);
        document.body.append(pre);
      })();`,
    );
    ctx.serve(CONTENT_PAGE_URL, () => ({ status: 200, contentType: 'text/html; charset=utf-8', body: CONTENT_PAGE }));
    const id = await ctx.browser.installExtension(dir);
    try {
      const page = await ctx.newPage();
      const t = performance.now();
      await page.goto(CONTENT_PAGE_URL, { waitUntil: 'load', timeout: 45_000 });
      await page.waitForSelector(`#${RESULT_ID}`, { timeout: 100_000, signal: ctx.signal });
      ctx.measure('codec cases + 1,000-token log (Firefox content script)', Math.round(performance.now() - t));
      const text = await page.$eval(`#${RESULT_ID}`, (el) => el.textContent ?? '');
      const out = JSON.parse(text) as {
        crash?: string;
        env: ReturnType<CodecCasesGlobal['env']>;
        results: CaseResult[];
        log?: LogFigures;
        logError?: string;
      };
      assert.equal(out.crash, undefined, `the content script crashed: ${out.crash}`);
      ctx.log(`content script: cloneInto ${out.env.cloneInto ? 'present' : 'absent'}, ${out.env.href}`);
      assert.equal(out.env.cloneInto, true, 'this ran in a Firefox content script (cloneInto exists)');
      report(ctx, out.results);
      if (out.log) {
        ctx.log(`1,000-token log in the content script: ${out.log.sequentialMs.toFixed(0)} ms one by one, ${out.log.concurrentMs.toFixed(0)} ms all at once`);
        ctx.measure('1,000-token log: find + decode (Firefox content script)', Math.round(out.log.sequentialMs));
      }
      const failures = describeFailures(out.results);
      if (failures.some((f) => f.includes('Permission denied to access property'))) {
        ctx.log(
          'hint: in a Firefox content script Web Crypto resolves to ArrayBuffers of the page; views on them throw ' +
            'on subarray()/slice() ("Permission denied to access property constructor"). Copy them first, e.g. ' +
            'Uint8Array.from(new Uint8Array(await crypto.subtle.sign(...))) in lib/usersig/crypto.ts.',
        );
      }
      assert.deepEqual(failures, []);
      assert.equal(out.logError, undefined, `the 1,000-token log failed in the content script: ${out.logError}`);
      assert.equal(out.log?.decodedOk, 1000);
    } finally {
      await ctx.browser.uninstallExtension(id).catch(() => {});
    }
  },
};

const trailingJunk: Check = {
  name: 'codec: trailing junk after the zlib stream is decompress-failed in Firefox',
  mirrors: ['trailing junk after the zlib stream is decompress-failed in Chromium'],
  timeoutMs: 30_000,
  async run(ctx) {
    // Node's zlib.inflateSync ignores such junk; the Compression Streams spec (and Firefox) must not.
    const { page } = await openCasesPage(ctx);
    const r = await page.evaluate(() => codecCases.runOne('bad token: trailing junk after the zlib stream'));
    if (r.note) ctx.log(r.note);
    assert.equal(r.error, undefined);
    assert.equal(r.ok, true);
  },
};

const logOfTokens: Check = {
  name: 'codec: 1,000 tokens in one log, found and decoded in a Firefox page',
  mirrors: ['1,000 tokens pasted in one log: findUserSigs finds and decodeUserSig decodes every one'],
  timeoutMs: 60_000,
  async run(ctx) {
    const { page } = await openCasesPage(ctx);
    const f = await page.evaluate(() => codecCases.decodeLog(1000));
    ctx.log(
      `${f.found}/${f.tokens} tokens found in a ${f.logChars.toLocaleString('en-US')}-char log in ${f.findMs.toFixed(1)} ms; ` +
        `find + decode all: ${f.sequentialMs.toFixed(0)} ms one by one, ${f.concurrentMs.toFixed(0)} ms all at once`,
    );
    ctx.measure('1,000-token log: find + decode (Firefox page)', Math.round(f.sequentialMs));
    ctx.measure('1,000-token log: find + decode concurrently (Firefox page)', Math.round(f.concurrentMs));
    assert.equal(f.found, 1000);
    assert.equal(f.decodedOk, 1000);
  },
};

const quiet: Check = {
  name: 'codec: no page errors and no requests beyond codec.test in Firefox',
  mirrors: ['no page errors and no requests beyond codec.test'],
  timeoutMs: 90_000,
  async run(ctx) {
    // The whole page path once more in this check (so it stands alone under --grep): every case,
    // the trailing-junk case alone and the 1,000-token log, on one page.
    const { page, errors, requested } = await openCasesPage(ctx);
    const results = await page.evaluate(() => codecCases.runAll());
    assert.deepEqual(describeFailures(results), []);
    assert.equal((await page.evaluate(() => codecCases.runOne('bad token: trailing junk after the zlib stream'))).ok, true);
    assert.equal((await page.evaluate(() => codecCases.decodeLog(1000))).decodedOk, 1000);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(errors, [], 'page errors on this page');
    assert.deepEqual(pageErrors, [], 'page errors on every codec page of this run');
    assert.ok(requested.includes(PAGE_URL), 'the request listener saw the page load');
    assert.deepEqual(beyondCodecOrigin(requests), [], 'requests beyond https://codec.test/ from every codec page of this run');
    assert.deepEqual(ctx.blocked().map((b) => b.url), [], 'requests the guard blocked');
    ctx.log(`${requests.length} requests from the codec pages of this run, all to ${CODEC_ORIGIN}/`);

    // The empty error list means something only if the listener hears errors: an uncaught one now must land.
    const before = errors.length;
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('codec check: probe of the pageerror listener');
      }, 0);
    });
    const deadline = Date.now() + 5_000;
    while (errors.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(errors.slice(before).join('\n'), /probe of the pageerror listener/, 'the pageerror listener is live');
    pageErrors.length = 0; // the probe was ours
  },
};

export default [inPage, trailingJunk, inContentScript, logOfTokens, quiet];

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';

const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const v1 = JSON.parse(readFileSync(new URL('../../fixtures/usersig/v1-real-tokens.json', import.meta.url), 'utf8'));
const t = fixtures.tokens;
const KEY: string = t.valid.key;
const APP = String(t.valid.sdkAppId);

/** Sets a field as typing would (one input event), so the popup reacts as to a paste. */
async function fill(page: Page, selector: string, value: string) {
  await page.waitForSelector(selector);
  await page.evaluate(
    (s: string, v: string) => {
      const el = document.querySelector(s) as HTMLInputElement | HTMLTextAreaElement;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    value,
  );
}

async function waitFor(page: Page, what: string, predicate: string) {
  try {
    await page.waitForFunction(predicate, { timeout: 8_000, polling: 50 });
  } catch {
    const seen = await page.evaluate(() => document.body.innerText.slice(0, 600));
    throw new Error(`${what}: not seen. The popup shows: ${seen}`);
  }
}

const verdictIs = (v: string) => `document.querySelector('[data-verdict]')?.getAttribute('data-verdict') === '${v}'`;
const serverCodes = () => `[...document.querySelectorAll('.problem')].map((p) => p.getAttribute('data-server-code')).join(',')`;

async function open(ctx: CheckContext, lang: 'en' | 'zh'): Promise<Page> {
  const page = await ctx.newPage();
  await page.setViewport({ width: 440, height: 800 });
  await ctx.openPopup(`?lang=${lang}`, { page });
  await page.waitForSelector('#paste');
  return page;
}

/**
 * The popup's user paths in a real Firefox: each kind of token in both languages, generate then
 * verify, and the remembered key across reopening and forgetting.
 */
const check: Check = {
  name: 'popup paths in Firefox: every kind of token (zh, en), generate → verify, remembered key',
  timeoutMs: 120_000,
  async run(ctx) {
    for (const lang of ['en', 'zh'] as const) {
      const page = await open(ctx, lang);
      await fill(page, '#paste', t.valid.token);
      await waitFor(page, `${lang}: valid decodes`, verdictIs('decoded'));
      await fill(page, '#verify-key', KEY);
      await waitFor(page, `${lang}: valid verifies`, verdictIs('verified'));
      const field = await page.$eval('[data-field=identifier]', (e) => e.textContent ?? '');
      assert.ok(field.includes('alice'), `${lang}: UserID shown`);

      await fill(page, '#verify-app', '1400000002');
      await fill(page, '#verify-user', 'bob');
      await waitFor(page, `${lang}: 70014 then 70013`, `${serverCodes()} === '70014,70013'`);
      await fill(page, '#verify-app', '');
      await fill(page, '#verify-user', '');

      await fill(page, '#paste', t.wrongKey.token);
      await waitFor(page, `${lang}: wrong key says 70009`, `${serverCodes()} === '70009'`);
      await fill(page, '#paste', t.expired.token);
      await waitFor(page, `${lang}: expired says 70001`, `${verdictIs('expired')} && ${serverCodes()}.includes('70001')`);
      await fill(page, '#paste', t.truncated.token);
      await waitFor(page, `${lang}: truncated says 70003`, `${verdictIs('problem')} && ${serverCodes()} === '70003'`);
      await fill(page, '#paste', t.privateMapKey.token);
      await waitFor(page, `${lang}: PrivateMapKey room and privileges`, `document.querySelector('[data-field=roomId]')?.textContent === '${t.privateMapKey.roomId}' && document.querySelectorAll('[data-privilege][data-granted=true]').length === 8`);
      await fill(page, '#paste', `a ${t.valid.token}\nb ${t.expired.token}\nc ${t.otherUser.token}`);
      await waitFor(page, `${lang}: a log with three`, `document.querySelectorAll('[data-part=token-list] > details').length === 3`);
      await fill(page, '#paste', v1.p256.token);
      await waitFor(page, `${lang}: v1 recognised`, `document.querySelector('[data-field=version]')?.textContent.includes('v1')`);
      await fill(page, '#verify-key', v1.p256.publicKey);
      await waitFor(page, `${lang}: v1 verifies with its P-256 key`, `document.querySelector('[data-check=signature]')?.getAttribute('data-status') === 'passed'`);
      await page.close();
    }

    // Generate, open in the decoder, verified.
    const gen = await open(ctx, 'en');
    await gen.click('#tab-generate');
    await fill(gen, '#gen-app', APP);
    await fill(gen, '#gen-user', 'zoe');
    await fill(gen, '#gen-key', KEY);
    await gen.click('form button[type=submit]');
    await waitFor(gen, 'generated', `document.querySelector('#gen-output')?.value.startsWith('eJ')`);
    const buttons = await gen.$$('[data-part=gen-result] button');
    await buttons[buttons.length - 1]!.click();
    await waitFor(gen, 'generated token verifies', verdictIs('verified'));
    await gen.close();

    // Remember the key, reopen, then forget.
    let page = await open(ctx, 'en');
    await fill(page, '#paste', t.valid.token);
    await fill(page, '#verify-key', KEY);
    await waitFor(page, 'verified before remembering', verdictIs('verified'));
    await page.click('.remember input[type=checkbox]');
    await waitFor(page, 'remembered', `document.querySelector('.remember button') !== null`);
    await page.close();
    page = await open(ctx, 'en');
    await fill(page, '#paste', t.valid.token);
    await waitFor(page, 'remembered key filled after reopening', `document.querySelector('#verify-key')?.value === '${KEY}' && ${verdictIs('verified')}`);
    await page.click('.remember button');
    await waitFor(page, 'key forgotten', `document.querySelector('#verify-key')?.value === ''`);
    await page.close();
    page = await open(ctx, 'en');
    await fill(page, '#paste', t.valid.token);
    await waitFor(page, 'still forgotten after reopening', `${verdictIs('decoded')} && document.querySelector('#verify-key')?.value === ''`);
    await page.close();
  },
};

export default check;

/**
 * tests/e2e/console-antd.spec.ts in Firefox ESR: the console features on an Ant Design page at a
 * console.trtc.io route the code has never seen (tests/scenarios/console-antd.ts).
 * Run alone with `node tests/firefox/run.ts --grep 'Ant Design'`.
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { click, fill, openConsole, poll, readPrecheck, waitForElement } from '../console-helpers.ts';
import { clickInPicker, clickTrigger, freshStorage, isPickerOpen, pickerOptions, pickerStatus, saveFromPicker, watchErrors } from '../ui-helpers.ts';
import { ANTD_APP, ANTD_DESCRIBE, ANTD_PRECHECKS, ANTD_TEXTS as t, ANTD_TITLE, ANTD_TOOLS_URL, FIRST_APP, antdToolsPage, fulfilAntdRequest, makeToken } from '../../scenarios/console-antd.ts';

const ANSWER_MS = 15_000;

/** How many of `selector` are in the card titled `title`. */
const countIn = (page: Page, title: string, selector: string) =>
  page.evaluate(
    (arg: { title: string; selector: string }) => {
      const c = [...document.querySelectorAll('.ant-card')].find((x) => (x.querySelector('.ant-card-head-title')?.textContent ?? '').trim() === arg.title);
      return c ? c.querySelectorAll(arg.selector).length : 0;
    },
    { title, selector },
  );

/** The field a card's `<label for>` names. */
const field = (page: Page, title: string, label: string) =>
  waitForElement(
    page,
    `${label} in ${title}`,
    (arg: { title: string; label: string }) => {
      const c = [...document.querySelectorAll('.ant-card')].find((x) => (x.querySelector('.ant-card-head-title')?.textContent ?? '').trim() === arg.title);
      const l = [...(c?.querySelectorAll('label[for]') ?? [])].find((x) => (x.textContent ?? '').trim() === arg.label);
      return (l ? document.getElementById(l.getAttribute('for')!) : null) as HTMLInputElement | HTMLTextAreaElement | null;
    },
    ANSWER_MS,
    { title, label },
  );

async function run(ctx: CheckContext) {
  const generated = await makeToken({ of: 'alice', app: FIRST_APP });
  ctx.serve(ANTD_TOOLS_URL, fulfilAntdRequest(antdToolsPage(ANTD_APP, generated)));
  const page = await openConsole(ctx, ANTD_TOOLS_URL);
  const errors = watchErrors(page);
  for (const title of [t.generator, t.verifier]) {
    await poll(`Copy diagnostics on ${title}`, () => countIn(page, title, '[data-imch=diagnostics]'), (n) => n === 1, ANSWER_MS);
  }
  await poll('one picker per UserID field', () => page.evaluate(() => document.querySelectorAll('[data-imch=userid-picker]').length), (n) => n === 2, ANSWER_MS);

  await fill(await field(page, t.generator, t.userId), 'alice');
  const generate = await waitForElement(page, 'Generate', (name: string) => [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === name) ?? null, ANSWER_MS, t.generate);
  await click(generate);
  await poll('decode beside the generated UserSig', () => countIn(page, t.generator, '[data-imch=decode]'), (n) => n === 1, ANSWER_MS);

  // Saved from the generator's field, picked into the verifier's: the field holds it.
  await clickTrigger(page, 0);
  await saveFromPicker(page);
  await poll('saved', () => pickerStatus(page), (s) => s.includes('alice'), ANSWER_MS);
  await page.keyboard.press('Escape');
  await poll('the picker closed', () => isPickerOpen(page), (open) => !open);
  await clickTrigger(page, 1);
  await poll('the verifier offers alice', async () => (await pickerOptions(page)).map((o) => o.userId).join(','), (ids) => ids === 'alice', ANSWER_MS);
  await clickInPicker(page, '[data-userid=alice]');
  const verifierUserId = await field(page, t.verifier, t.userId);
  await poll('the verifier field holds alice', () => verifierUserId.evaluate((f) => f.value), (v) => v === 'alice', ANSWER_MS);
  for (const c of ANTD_PRECHECKS) {
    await fill(await field(page, t.verifier, t.userSig), await makeToken(c.token));
    await poll(`${c.name}: verdict`, async () => (await readPrecheck(page)).verdict, (v) => v === c.verdict, ANSWER_MS);
    if (c.code) await poll(`${c.name}: first code`, async () => (await readPrecheck(page)).codes[0], (code) => code === c.code, ANSWER_MS);
    await poll(`${c.name}: one pre-check, in the verifier card`, () => countIn(page, t.verifier, '[data-imch=precheck]'), (n) => n === 1);
  }
  assert.deepEqual(errors, [], 'no page error, no feature of ours stopped');
}

const check: Check = {
  name: `${ANTD_DESCRIBE}: ${ANTD_TITLE}`,
  mirrors: [`${ANTD_DESCRIBE} › ${ANTD_TITLE}`],
  timeoutMs: 60_000,
  run: (ctx) => freshStorage(ctx, () => run(ctx)),
};

export default check;

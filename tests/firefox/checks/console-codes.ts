/**
 * tests/e2e/console-codes.spec.ts in Firefox ESR: every error code in the troubleshooting-log
 * table explained (hover, focus and keyboard, click), unknown codes said to be unknown, and a
 * UserSig code opening the decode of its row's UserSig, on the TEA replica, zh and en, with the
 * cases of tests/scenarios/console-codes.ts. Our UI is read inside its closed shadow roots over BiDi.
 * Run alone with `node tests/firefox/run.ts --grep '^error codes in the log table'`.
 */
import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { openConsole, poll, waitForElement } from '../console-helpers.ts';
import { click, fill, watchErrors } from '../ui-helpers.ts';
import { shadowRootsOf } from '../shadow.ts';
import { MAX_CONTROLS } from '../../../entrypoints/console.content/features/decode-buttons/anchors.ts';
import {
  BIG_LOG,
  bigLogState,
  BIG_LOG_FIGURE,
  scrollToLastCodeRow,
  CODES_USER,
  CODE_CASES,
  DECODE_CASE,
  DECODE_PROBLEM_CODE,
  NO_LINK_CASES,
  TEA_SITES,
  codesDescribe,
  expectedWords,
  logPage,
  readControl,
  readPlacement,
  scrollLastCodeToBottom,
  PLACEMENT_TITLE,
  type Placement,
  showsWords,
  type ControlState,
  type TeaSite,
} from '../../scenarios/console-codes.ts';

const ANSWER_MS = 15_000;

function guard(ctx: CheckContext, page: Page): () => void {
  const errors = watchErrors(page);
  return () => {
    assert.deepEqual(errors, [], 'page errors or stopped features');
    assert.deepEqual(ctx.blocked(), [], 'requests that left the console origins');
  };
}

/** The log card's element found by `find(card, arg)`, waited for. */
function inLogCard<T extends Element>(page: Page, site: TeaSite, what: string, find: string, arg: string): Promise<ElementHandle<T>> {
  return waitForElement(
    page,
    what,
    ({ t, f, a }: { t: string; f: string; a: string }) => {
      const card = [...document.querySelectorAll('.tea-card')].find((c) => [...c.querySelectorAll('h1,h2,h3,h4,h5,h6')].some((h) => (h.textContent ?? '').trim().startsWith(t)));
      if (!card) return null;
      if (f === 'field') {
        const item = [...card.querySelectorAll('.tea-form__item')].find((i) => (i.querySelector('.tea-form__label label')?.textContent ?? '').trim() === a);
        return item?.querySelector('input') ?? null;
      }
      if (f === 'button') return [...card.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === a) ?? null;
      return [...card.querySelectorAll('th')].find((th) => (th.textContent ?? '').trim() === a) ?? null;
    },
    ANSWER_MS,
    { t: logPage(site).title, f: find, a: arg },
  ) as unknown as Promise<ElementHandle<T>>;
}

const hostCodes = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-imch=code]')].map((h) => Number(h.getAttribute('data-code'))));
const hostOf = (page: Page, code: number) => waitForElement(page, `the control of ${code}`, (c: string) => document.querySelector(`[data-imch=code][data-code="${c}"]`), ANSWER_MS, String(code));
const openOf = (page: Page, code: number) => page.evaluate((c: string) => document.querySelector(`[data-imch=code][data-code="${c}"]`)?.getAttribute('data-open') ?? null, String(code));

async function rootOf(page: Page, code: number): Promise<ElementHandle<ShadowRoot>> {
  for (const root of await shadowRootsOf(page, 'code')) {
    if ((await root.evaluate((r) => r.host.getAttribute('data-code'))) === String(code)) return root;
  }
  throw new Error(`no control for ${code}`);
}

async function stateOf(page: Page, code: number): Promise<ControlState> {
  const root = await rootOf(page, code);
  return root.evaluate((r, fn: string) => (new Function(`return (${fn})`)() as typeof readControl)(r.host, r), readControl.toString());
}

/** Queries the log for the user with many codes and waits for a control beside each code. */
async function queryCodes(ctx: CheckContext, site: TeaSite): Promise<Page> {
  const log = logPage(site);
  const page = await openConsole(ctx, log.url);
  await fill(page, await inLogCard(page, site, 'the UserID field', 'field', log.userIdLabel), CODES_USER);
  const query = await inLogCard<HTMLButtonElement>(page, site, 'the Query button', 'button', log.query);
  await query.focus();
  await page.keyboard.press('Enter');
  await inLogCard(page, site, 'the table', 'th', log.detailColumn);
  const codes = await poll('one control per error code, in table order', () => hostCodes(page), (c) => c.length === CODE_CASES.length, ANSWER_MS);
  assert.deepEqual(codes, CODE_CASES.map((c) => c.code));
  return page;
}

async function expectExplained(page: Page, code: number, lang: TeaSite['lang'], when: string): Promise<ControlState> {
  await poll(`${when}: the explanation of ${code} shows`, async () => (await stateOf(page, code)).panel, (p) => p === 'ready', ANSWER_MS);
  const state = await stateOf(page, code);
  const known = CODE_CASES.find((c) => c.code === code)?.known ?? true;
  assert.equal(state.known, String(known), `${when}: ${code} is ${known ? '' : 'not '}in the dictionary`);
  assert.deepEqual(showsWords(state, await expectedWords(code, lang)), [], `${when}: words missing from the explanation of ${code}`);
  return state;
}

function siteChecks(site: TeaSite): Check[] {
  const title = (x: string) => `${codesDescribe(site)} › ${x}`;
  const name = (x: string) => `${codesDescribe(site)}: ${x}`;
  const hover = 'every error code in the table is explained on hover, in the console’s language; unknown codes say so';
  const keyboard = 'keyboard: Tab reaches a code, focus shows its explanation, Enter keeps it open, Escape closes it';
  const clicks = 'a click opens a UserSig code’s explanation, whose link opens the decode of the row’s UserSig, whose problem card expands to the full entry';
  return [
    {
      name: name(hover),
      mirrors: [title(hover)],
      timeoutMs: 90_000,
      async run(ctx) {
        const page = await queryCodes(ctx, site);
        const done = guard(ctx, page);
        for (const c of CODE_CASES) {
          await (await hostOf(page, c.code)).hover();
          await poll(`hovering ${c.code} opens it`, () => openOf(page, c.code), (o) => o === 'peek');
          await expectExplained(page, c.code, site.lang, 'hover');
          await page.mouse.move(1, 1);
          await poll(`leaving ${c.code} closes it`, () => openOf(page, c.code), (o) => o === null);
        }
        done();
      },
    },
    {
      name: name(keyboard),
      mirrors: [title(keyboard)],
      timeoutMs: 90_000,
      async run(ctx) {
        const page = await queryCodes(ctx, site);
        const done = guard(ctx, page);
        const first = CODE_CASES[0]!.code;
        await (await inLogCard<HTMLButtonElement>(page, site, 'the Query button', 'button', logPage(site).query)).focus();
        let reached: string | null = null;
        for (let i = 0; i < 80 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate(() => (document.activeElement?.getAttribute('data-imch') === 'code' ? document.activeElement.getAttribute('data-code') : null));
        }
        assert.equal(reached, String(first), 'Tab reaches a code control');
        await poll('focus shows it', () => openOf(page, first), (o) => o === 'peek');
        await expectExplained(page, first, site.lang, 'focus');
        await page.keyboard.press('Enter');
        await poll('Enter keeps it open', () => openOf(page, first), (o) => o === 'pinned');
        await page.keyboard.press('Escape');
        await poll('Escape closes it', () => openOf(page, first), (o) => o === null);
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-code')), String(first), 'focus stays on the control');
        await page.keyboard.press(' ');
        await poll('Space opens it', () => openOf(page, first), (o) => o === 'pinned');
        await page.keyboard.press('Escape');
        await poll('Escape closes it again', () => openOf(page, first), (o) => o === null);
        done();
      },
    },
    {
      name: name(clicks),
      mirrors: [title(clicks)],
      timeoutMs: 90_000,
      async run(ctx) {
        const page = await queryCodes(ctx, site);
        const done = guard(ctx, page);
        for (const c of NO_LINK_CASES) {
          await click(await hostOf(page, c.code));
          await poll(`a click keeps ${c.code} open`, () => openOf(page, c.code), (o) => o === 'pinned');
          assert.equal((await expectExplained(page, c.code, site.lang, 'click')).decodeLink, false, `${c.code} is no UserSig code: no decode link`);
          await click(await hostOf(page, c.code));
          await poll(`a second click closes ${c.code}`, () => openOf(page, c.code), (o) => o === null);
        }
        const code = DECODE_CASE.code;
        await click(await hostOf(page, code));
        const state = await expectExplained(page, code, site.lang, 'click');
        assert.equal(state.decodeLink, true, `${code} links to the decode of its row's UserSig`);
        const link = await (await rootOf(page, code)).$('[data-part=decode-row]');
        assert.ok(link, 'the decode link');
        await click(link);
        await poll('the decode of the row’s UserSig shows', async () => (await stateOf(page, code)).decoded, (d) => d, ANSWER_MS);
        const decoded = await stateOf(page, code);
        assert.ok(decoded.text.includes(CODES_USER), 'the decoded UserSig is the row’s (its UserID)');
        // Its problem card links to the full dictionary entry of its server code.
        assert.ok(decoded.problemCodes.includes(DECODE_PROBLEM_CODE), `the decode names the expired UserSig’s code: ${decoded.problemCodes}`);
        const summary = await (await rootOf(page, code)).$('[data-part=code-details] > summary');
        assert.ok(summary, 'the full-entry expander');
        await click(summary);
        await poll('the problem card expands to the full entry', async () => (await stateOf(page, code)).fullEntry, (c) => c === DECODE_PROBLEM_CODE, ANSWER_MS);
        await page.mouse.click(2, 2);
        await poll('a press outside closes it', () => openOf(page, code), (o) => o === null);
        done();
      },
    },
    {
      name: name(PLACEMENT_TITLE),
      mirrors: [title(PLACEMENT_TITLE)],
      timeoutMs: 90_000,
      async run(ctx) {
        const page = await queryCodes(ctx, site);
        const done = guard(ctx, page);
        const first = CODE_CASES[0]!.code;
        await click(await hostOf(page, first));
        await expectExplained(page, first, site.lang, 'click');
        assert.equal((await placementOf(page, first)).onTop, true, 'nothing of the page or of ours covers the panel');
        await page.mouse.click(2, 2);
        await poll('a press outside closes it', () => openOf(page, first), (o) => o === null);
        const last = CODE_CASES.at(-1)!.code;
        await page.evaluate(scrollLastCodeToBottom, String(last));
        await click(await hostOf(page, last));
        await poll(`a click keeps ${last} open`, () => openOf(page, last), (o) => o === 'pinned');
        const at = await placementOf(page, last);
        assert.ok(at.bottom <= at.hostTop, `it opens upwards: panel bottom ${at.bottom}, control top ${at.hostTop}`);
        assert.ok(at.top >= 0, `it stays inside the window: panel top ${at.top}`);
        assert.equal(at.onTop, true, 'nothing covers it there either');
        done();
      },
    },
  ];
}

async function placementOf(page: Page, code: number): Promise<Placement> {
  const root = await rootOf(page, code);
  return root.evaluate((r, fn: string) => (new Function(`return (${fn})`)() as typeof readPlacement)(r), readPlacement.toString());
}

const BIG_TITLE = 'code controls come to the rows near the viewport, never more than the cap, and to the last rows once scrolled there';

const bigLog: Check = {
  name: `${BIG_LOG.describe}: ${BIG_TITLE}`,
  mirrors: [`${BIG_LOG.describe} › ${BIG_TITLE}`],
  timeoutMs: 120_000,
  async run(ctx) {
    const page = await openConsole(ctx, BIG_LOG.url);
    const done = guard(ctx, page);
    const query = await waitForElement(page, 'the Query button', (q: string) => [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === q) ?? null, ANSWER_MS, BIG_LOG.query);
    await click(query);
    await poll('all rows', () => page.evaluate(() => document.querySelectorAll('tbody tr').length), (n) => n >= BIG_LOG.rows, 30_000);
    await poll('controls for the first rows', () => page.evaluate(bigLogState), (s) => s.controls > 0, 30_000);
    const { code, ms } = await page.evaluate(scrollToLastCodeRow);
    assert.notEqual(code, '', 'the log has a last row with a code');
    assert.ok(ms >= 0, 'the last row gets its control once on screen');
    assert.ok((await page.evaluate(bigLogState)).lastHasOne);
    ctx.measure(BIG_LOG_FIGURE, ms);
    const { controls } = await page.evaluate(bigLogState);
    assert.ok(controls <= MAX_CONTROLS, `never more than the cap: ${controls}`);
    done();
  },
};

export default [...TEA_SITES.flatMap(siteChecks), bigLog];

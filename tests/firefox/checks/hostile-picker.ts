import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { shadowRootsOf } from '../shadow.ts';
import { click, clickInPicker, el, freshStorage, importText, isPickerOpen, openOptions, pickerFrame, pickerOptions, pickerStatus, poll, pollEqual } from '../ui-helpers.ts';
import { fulfilPickerHostile, pickerHostileUrl, PICKER_HOSTILE_PREFIX, type PickerHostilePage } from '../../fixtures/hostile/picker/routes.ts';
import { BLIND_ALPHABET, PICKER_SECRET, PICKER_SECRET_CSV } from '../../fixtures/hostile/picker/secrets.ts';

/**
 * Issue #12, attacks 1, 5 and 6 in Firefox ESR: the hostile pages of tests/e2e/hostile-picker.spec.ts
 * (tests/fixtures/hostile/picker/) at a console URL, the same attacks and the same expectations.
 * Firefox's own variant of attack 1 is the blind one: window.find answers yes or no there.
 */

const DESCRIBE = 'hostile page vs the saved-UserID picker';
const CHIP = '[data-imch=userid-picker]';

type Attack = Record<string, (...args: never[]) => unknown> & Record<string, unknown>;
const attack = <T>(page: Page, fn: (a: Attack, arg: never) => T, arg?: unknown) => page.evaluate((src: string, a: unknown) => new Function('a', 'arg', `return (${src})(a, arg)`)((window as unknown as { pickerAttack: unknown }).pickerAttack, a) as T, fn.toString(), arg);

async function hostile(ctx: CheckContext, name: PickerHostilePage, seeded = true): Promise<Page> {
  ctx.serve(PICKER_HOSTILE_PREFIX, fulfilPickerHostile);
  if (seeded) {
    const opts = await openOptions(ctx, 'lang=en');
    await importText(opts, PICKER_SECRET_CSV);
  }
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.bringToFront();
  await page.goto(pickerHostileUrl(name), { waitUntil: 'load' });
  await poll('the chip', () => page.$$eval(CHIP, (e) => e.length), (n) => n === 1);
  return page;
}

async function openWithChip(page: Page): Promise<void> {
  await click(await el(page, CHIP));
  await poll('the picker opened', () => isPickerOpen(page), (v) => v, 10_000);
}

async function expanded(page: Page): Promise<string | null | undefined> {
  const [root] = await shadowRootsOf(page, 'userid-picker');
  try {
    return await root?.evaluate((r) => r.querySelector('[data-picker-trigger]')?.getAttribute('aria-expanded'));
  } finally {
    await root?.dispose();
  }
}

async function pickerFrames(page: Page): Promise<number> {
  let n = 0;
  for (const frame of page.frames()) if (frame !== page.mainFrame() && (await frame.evaluate(() => location.href.includes('userid-picker-frame')).catch(() => false))) n++;
  return n;
}

const checks: Check[] = [
  {
    name: `${DESCRIBE}: attack 1, window.find and a selection read return nothing of the open picker, and nothing names the extension`,
    mirrors: [`${DESCRIBE} › attack 1: window.find and a selection read return nothing of the open picker, and nothing names the extension`],
    timeoutMs: 60_000,
    run: (ctx) =>
      freshStorage(ctx, async () => {
        const page = await hostile(ctx, 'picker-find');
        await openWithChip(page);
        await pollEqual('the saved UserID shows', async () => (await pickerOptions(page)).map((o) => o.userId), [PICKER_SECRET.userId]);
        const read = (await attack(page, (a, texts) => (a.read as (t: string[]) => unknown)(texts), [PICKER_SECRET.userId, PICKER_SECRET.label, PICKER_SECRET.note])) as { found: boolean; selected: string }[];
        assert.deepEqual(read.filter((r) => r.found || /secret/i.test(r.selected)), []);
        assert.deepEqual(await attack(page, (a) => (a.traces as () => unknown)()), []);
        assert.ok(await isPickerOpen(page), 'the picker is still open');
      }),
  },
  {
    name: `${DESCRIBE}: attack 1b, a blind window.find search recovers no saved text`,
    mirrors: [`${DESCRIBE} › attack 1b: a blind window.find search, character by character, recovers no saved text`],
    timeoutMs: 60_000,
    run: (ctx) =>
      freshStorage(ctx, async () => {
        const page = await hostile(ctx, 'picker-find');
        await openWithChip(page);
        await poll('one option', async () => (await pickerOptions(page)).length, (n) => n === 1);
        for (const prefix of ['secret_', 'Secret']) {
          const recovered = await attack(page, (a, arg) => (a.blind as (p: string, al: string, m: number) => string)((arg as string[])[0]!, (arg as string[])[1]!, 40), [prefix, BLIND_ALPHABET]);
          assert.equal(recovered, '', `blind search from "${prefix}"`);
        }
      }),
  },
  {
    name: `${DESCRIBE}: attack 1c, clickjacking with a transparent, moved or scaled chip opens nothing`,
    mirrors: [`${DESCRIBE} › attack 1c: clickjacking: a transparent, moved or scaled chip does not open the picker; the chip as placed does`],
    timeoutMs: 60_000,
    run: (ctx) =>
      freshStorage(ctx, async () => {
        const page = await hostile(ctx, 'picker-clickjack', false);
        const at = await page.$eval('#prize', (b) => {
          const r = b.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        });
        const variants = [
          '',
          '[data-imch="userid-picker"] { opacity: 0.001 !important; position: fixed !important; left: 300px !important; top: 330px !important; z-index: 99999 !important; }',
          '[data-imch="userid-picker"] { position: fixed !important; left: 300px !important; top: 330px !important; transform: scale(6) !important; z-index: 99999 !important; }',
        ];
        for (const css of variants) {
          if (css) await attack(page, (a, c) => (a.style as (c: string) => void)(c as string), css);
          assert.equal(await page.evaluate((p: { x: number; y: number }) => document.elementFromPoint(p.x, p.y)?.getAttribute('data-imch'), at), 'userid-picker', 'the click lands on the chip');
          await page.mouse.click(at.x, at.y);
          assert.equal(await expanded(page), 'false', `not opened (${css || 'the page style'})`);
          assert.equal(await pickerFrames(page), 0, 'no picker frame');
        }
        await page.evaluate(() => {
          (window as unknown as { pickerAttack: { style(c: string): void } }).pickerAttack.style('');
          document.getElementById('uid')!.style.width = '260px';
        });
        await poll(
          'the chip over the field end again',
          () =>
            page.evaluate(() => {
              const f = document.getElementById('uid')!.getBoundingClientRect();
              const h = document.querySelector('[data-imch=userid-picker]')!.getBoundingClientRect();
              return h.width > 0 && h.left >= f.left && h.right <= f.right && f.right - h.right < 8;
            }),
          (v) => v,
        );
        await openWithChip(page);
        assert.equal(await expanded(page), 'true');
      }),
  },
  {
    name: `${DESCRIBE}: attack 5, a field value swapped after the picker opened is refused and nothing is saved`,
    mirrors: [`${DESCRIBE} › attack 5: a field value swapped after the picker opened is refused, and nothing is saved`],
    timeoutMs: 60_000,
    run: (ctx) =>
      freshStorage(ctx, async () => {
        const page = await hostile(ctx, 'picker-swap', false);
        const field = await el(page, '#uid');
        await click(field);
        await page.keyboard.type('alice_ops');
        await page.keyboard.down('Alt');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.up('Alt');
        await poll('the picker opened', () => isPickerOpen(page), (v) => v, 10_000);
        const frame = (await pickerFrame(page))!;
        assert.equal(await frame.$eval('[data-picker-save-button]', (b) => b.textContent), '保存“alice_ops”');
        await clickInPicker(page, '#save-label');
        await page.keyboard.type('ops');
        await page.keyboard.press('Enter');
        await poll('the save answered', () => pickerStatus(page), (s) => /输入框的内容已变化|已保存/.test(s));
        assert.match(await pickerStatus(page), /输入框的内容已变化/);
        const state = await page.evaluate(() => ({ swaps: (window as unknown as { pickerAttack: { swaps: number } }).pickerAttack.swaps, value: (document.getElementById('uid') as HTMLInputElement).value }));
        assert.ok(state.swaps > 0, 'the attack ran');
        assert.match(state.value, /HYPERLINK/);
        const opts = await openOptions(ctx, 'lang=en');
        await poll('the empty lists', () => opts.evaluate(() => document.body.textContent ?? ''), (t) => t.includes('No saved UserIDs yet'));
        assert.equal(await opts.$$eval('li[data-userid]', (l) => l.length), 0);
      }),
  },
  {
    name: `${DESCRIBE}: attack 6, capture listeners hear no key typed in the picker filter`,
    mirrors: [`${DESCRIBE} › attack 6: capture listeners on window and document hear no key typed in the picker filter`],
    timeoutMs: 60_000,
    run: (ctx) =>
      freshStorage(ctx, async () => {
        const page = await hostile(ctx, 'picker-keys');
        await openWithChip(page);
        await poll('one option', async () => (await pickerOptions(page)).length, (n) => n === 1);
        await attack(page, (a) => (a.clear as () => void).call(a));
        await page.keyboard.type('zz');
        await poll('filtered to nothing', async () => (await pickerOptions(page)).length, (n) => n === 0);
        assert.deepEqual(await attack(page, (a) => a.heard), []);
        const frame = (await pickerFrame(page))!;
        assert.equal(await frame.$eval('[data-picker-filter]', (f) => (f as HTMLInputElement).value), 'zz');
      }),
  },
];

export default checks;

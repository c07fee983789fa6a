// Issue #12, attacks 1, 5 and 6: a hostile page at a console URL goes after the saved-UserID
// picker (tests/fixtures/hostile/picker/). Each test runs the attack the review ran and expects
// it to find nothing; each failed on the build before the picker moved into an extension frame.
// The Firefox run walks the same attacks (tests/firefox/checks/hostile-picker.ts).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { attr, findAll, query, shadowRootsOf, textOf } from './helpers/shadow.ts';
import { isPickerOpen as frameOpen, pickerFrame, pickerFrames, pickerOptions as frameOptions, pickerStatus, clickInPicker, PICKER_KIND } from './helpers/picker.ts';
import { fulfilPickerHostile, pickerHostileUrl, PICKER_HOSTILE_PREFIX, type PickerHostilePage } from '../fixtures/hostile/picker/routes.ts';
import { PICKER_SECRET, PICKER_SECRET_CSV, BLIND_ALPHABET } from '../fixtures/hostile/picker/secrets.ts';

/**
 * Before #12 the picker rendered inside the chip's closed root: these read it there as well as in
 * the frame, so each attack runs, and is judged, against either build (each failed on the old one).
 */
async function legacyPanel(page: Page) {
  for (const root of await shadowRootsOf(page, PICKER_KIND)) if (query(root, 'data-picker', 'open').length) return root;
  return undefined;
}
const isPickerOpen = async (page: Page) => (await frameOpen(page)) || !!(await legacyPanel(page));
async function pickerOptions(page: Page): Promise<{ userId: string }[]> {
  const legacy = await legacyPanel(page);
  if (legacy) return findAll(legacy, (n) => attr(n, 'role') === 'option').map((n) => ({ userId: attr(n, 'data-userid') ?? '' }));
  return frameOptions(page);
}

/** A real click on the element with this id in the open picker (frame, or the old closed root through CDP). */
async function clickById(page: Page, id: string): Promise<void> {
  const legacy = await legacyPanel(page);
  if (!legacy) return clickInPicker(page, `#${id}`);
  const node = query(legacy, 'id', id)[0] as unknown as { backendNodeId: number };
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The open picker's status line (frame, or the old closed root). */
async function statusText(page: Page): Promise<string> {
  const legacy = await legacyPanel(page);
  return legacy ? textOf(query(legacy, 'data-picker-status')[0]!) : pickerStatus(page);
}

const chip = (page: Page) => page.locator(`[data-imch=${PICKER_KIND}]`);

async function seed(opts: Page): Promise<void> {
  await opts.locator('[data-import-text]').fill(PICKER_SECRET_CSV);
  await opts.locator('[data-import-preview]').click();
  await opts.locator('[data-import-apply]').click();
  await expect(opts.locator('[data-notice]')).toContainText(/Imported|已导入/);
}

/** The hostile page with its chip placed; the secret saved first when `seeded`. */
async function hostile(page: Page, name: PickerHostilePage, openOptions: (q?: { lang: 'en' }) => Promise<Page>, seeded = true): Promise<void> {
  if (seeded) {
    const opts = await openOptions({ lang: 'en' });
    await seed(opts);
    await page.bringToFront();
  }
  await page.goto(pickerHostileUrl(name));
  await expect(chip(page)).toHaveCount(1);
}

async function openWithChip(page: Page): Promise<void> {
  await chip(page).click();
  await expect.poll(() => isPickerOpen(page)).toBe(true);
}

/** Is the chip drawn inside the field's box, at its right end? */
function chipOverFieldEnd(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const field = document.getElementById('uid')!.getBoundingClientRect();
    const host = document.querySelector('[data-imch=userid-picker]')!.getBoundingClientRect();
    return host.width > 0 && host.left >= field.left && host.right <= field.right && field.right - host.right < 8 && host.top >= field.top - 1 && host.bottom <= field.bottom + 1;
  });
}

/** The trigger's aria-expanded, read through CDP inside our closed root. */
async function expanded(page: Page): Promise<string | undefined> {
  const [root] = await shadowRootsOf(page, PICKER_KIND);
  return root ? attr(query(root, 'data-picker-trigger')[0]!, 'aria-expanded') : undefined;
}

test.describe('hostile page vs the saved-UserID picker', () => {
  test.beforeEach(async ({ serve }) => {
    await serve(`${PICKER_HOSTILE_PREFIX}*`, fulfilPickerHostile);
  });

  // Also: no resource timing entry, markup or window.frames entry leads to the frame (traces()).
  test('attack 1: window.find and a selection read return nothing of the open picker, and nothing names the extension', async ({ page, openOptions }) => {
    await hostile(page, 'picker-find', openOptions);
    await openWithChip(page);
    await expect.poll(async () => (await pickerOptions(page)).map((o) => o.userId)).toEqual([PICKER_SECRET.userId]);
    const read = await page.evaluate((texts) => (window as unknown as { pickerAttack: { read(t: string[]): { text: string; found: boolean; selected: string }[] } }).pickerAttack.read(texts), [PICKER_SECRET.userId, PICKER_SECRET.label, PICKER_SECRET.note]);
    expect(read.filter((r) => r.found || r.selected.includes('secret') || r.selected.includes('Secret'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pickerAttack: { traces(): string[] } }).pickerAttack.traces())).toEqual([]);
    // The picker is still open and working after the attack.
    expect(await isPickerOpen(page)).toBe(true);
  });

  test('attack 1b: a blind window.find search, character by character, recovers no saved text', async ({ page, openOptions }) => {
    await hostile(page, 'picker-find', openOptions);
    await openWithChip(page);
    await expect.poll(async () => (await pickerOptions(page)).length).toBe(1);
    for (const prefix of ['secret_', 'Secret']) {
      const recovered = await page.evaluate(([p, alphabet]) => (window as unknown as { pickerAttack: { blind(p: string, a: string, max: number): string } }).pickerAttack.blind(p, alphabet, 40), [prefix, BLIND_ALPHABET] as const);
      expect(recovered, `blind search from "${prefix}"`).toBe('');
    }
  });

  test('attack 1c: clickjacking: a transparent, moved or scaled chip does not open the picker; the chip as placed does', async ({ page, openOptions }) => {
    await hostile(page, 'picker-clickjack', openOptions, false);
    const prize = await page.locator('#prize').boundingBox();
    const at = { x: prize!.x + prize!.width / 2, y: prize!.y + prize!.height / 2 };
    const variants = [
      '', // the page's own style: opacity .001, fixed over the button, scale(6)
      '[data-imch="userid-picker"] { opacity: 0.001 !important; position: fixed !important; left: 300px !important; top: 330px !important; z-index: 99999 !important; }',
      '[data-imch="userid-picker"] { position: fixed !important; left: 300px !important; top: 330px !important; transform: scale(6) !important; z-index: 99999 !important; }',
    ];
    for (const css of variants) {
      if (css) await page.evaluate((c) => (window as unknown as { pickerAttack: { style(c: string): void } }).pickerAttack.style(c), css);
      // The chip is where the attack put it: the click lands on it, not on the page's button.
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-imch'), at)).toBe(PICKER_KIND);
      await page.mouse.click(at.x, at.y);
      // A click opens the picker synchronously (aria-expanded) before any frame loads.
      expect(await expanded(page)).toBe('false');
      expect(pickerFrames(page)).toEqual([]);
    }
    // Without the attack's style (and the field resized, which places the chip again over its
    // end) the same chip opens on a click.
    await page.evaluate(() => {
      (window as unknown as { pickerAttack: { style(c: string): void } }).pickerAttack.style('');
      document.getElementById('uid')!.style.width = '260px';
    });
    await expect.poll(() => chipOverFieldEnd(page)).toBe(true);
    await openWithChip(page);
    expect(await expanded(page)).toBe('true');
  });

  test('attack 5: a field value swapped after the picker opened is refused, and nothing is saved', async ({ page, openOptions }) => {
    await hostile(page, 'picker-swap', openOptions, false);
    const field = page.locator('#uid');
    await field.fill('alice_ops');
    await field.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => isPickerOpen(page)).toBe(true);
    await clickById(page, 'save-label');
    await page.keyboard.type('ops');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toMatch(/输入框的内容已变化|已保存/);
    expect(await statusText(page)).toContain('输入框的内容已变化');
    // The save form showed the value it would save: the one in the field when the picker opened.
    await expect((await pickerFrame(page))!.locator('[data-picker-save-button]')).toHaveText('保存“alice_ops”');
    // The attack did run: the field holds the page's value.
    const attack = await page.evaluate(() => (window as unknown as { pickerAttack: { evil: string; swaps: number } }).pickerAttack);
    expect(attack.swaps).toBeGreaterThan(0);
    await expect(field).toHaveValue(attack.evil);
    // Nothing saved: the options page lists no UserID.
    const opts = await openOptions({ lang: 'en' });
    await expect(opts.locator('[data-add-form]')).toBeVisible();
    await expect(opts.getByText('No saved UserIDs', { exact: false })).toBeVisible();
    await expect(opts.locator('li[data-userid]')).toHaveCount(0);
  });

  test('attack 6: capture listeners on window and document hear no key typed in the picker filter', async ({ page, openOptions }) => {
    await hostile(page, 'picker-keys', openOptions);
    await openWithChip(page);
    await expect.poll(async () => (await pickerOptions(page)).length).toBe(1);
    await page.evaluate(() => (window as unknown as { pickerAttack: { clear(): void } }).pickerAttack.clear());
    await page.keyboard.type('zz');
    // Typed into the filter (the list is empty now), and the page heard none of it.
    await expect.poll(async () => (await pickerOptions(page)).length).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pickerAttack: { heard: string[] } }).pickerAttack.heard)).toEqual([]);
    await expect((await pickerFrame(page))!.locator('[data-picker-filter]')).toHaveValue('zz');
  });
});

import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { test, expect } from './fixtures.ts';
import { axeReport } from './helpers/axe.ts';
import { calibrate } from '../shared/calibration.ts';
import { clickInPicker, pickerFrame, pickerOptions, pickerStatus, PICKER_KIND, saveFromPicker } from './helpers/picker.ts';
import { USERIDS_WRITE } from '../../lib/storage/userid-message.ts';
import { SETTINGS_UPDATE } from '../../lib/storage/settings-message.ts';

/**
 * Saved UserIDs: the picker beside every UserID field on the console replicas (both languages)
 * and the options page. Our console UI is in closed shadow roots: it is read through CDP
 * (helpers/shadow.ts) and clicked with real, trusted mouse clicks at the element's box.
 */

const SITES = [
  { lang: 'zh', origin: 'https://console.cloud.tencent.com', generate: '生成签名（UserSig）', required: '请输入 UserID', saved: '已保存', fillLabel: '已填入' },
  { lang: 'en', origin: 'https://console.tencentcloud.com', generate: 'Generate UserSig', required: 'Enter a UserID', saved: 'Saved', fillLabel: 'Filled' },
] as const;

const KIND = PICKER_KIND;
const triggers = (page: Page) => page.locator(`[data-imch=${KIND}]`);
const options = pickerOptions;
const openPicker = pickerFrame;

/** Opens the picker of the n-th UserID field with a real click on its button. */
async function clickTrigger(page: Page, n: number): Promise<void> {
  await expect(triggers(page).nth(n)).toBeVisible();
  await triggers(page).nth(n).click();
  await expect.poll(async () => !!(await openPicker(page))).toBe(true);
}

function fieldOf(page: Page, heading: RegExp): ReturnType<Page['locator']> {
  return page.locator('.tea-card').filter({ has: page.getByRole('heading', { name: heading }) }).locator('input.tea-input').first();
}

/** The UserIDs of one list on the options page, in order. */
const rowsOf = (opts: Page, scope: string) => opts.locator(`[data-scope="${scope}"] li[data-userid]`).evaluateAll((items) => items.map((li) => li.getAttribute('data-userid')));

const HEADINGS = {
  finder: /离线推送定位工具|Offline push issue finder/,
  status: /用户状态检查工具|用户客户端状态检查工具|User client status|User status/,
  generator: /签名（UserSig）生成工具|UserSig generat/,
  verifier: /签名（UserSig）校验工具|UserSig verif/,
};

for (const site of SITES) {
  test.describe(`saved UserIDs on the console (${site.lang})`, () => {
    test.beforeEach(async ({ serveConsole }) => {
      await serveConsole();
    });

    test('save from a field, then pick it in another tool: the console sees the value', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-push-check`);
      const finder = fieldOf(page, HEADINGS.finder);
      await finder.waitFor();
      await expect(triggers(page)).toHaveCount(2);
      await finder.fill('alice');
      await clickTrigger(page, 0);
      await saveFromPicker(page, site.lang === 'zh' ? '测试账号' : 'QA account');
      await expect.poll(() => pickerStatus(page)).toContain(`${site.saved} alice`);
      await expect.poll(async () => (await options(page)).map((o) => o.userId)).toEqual(['alice']);
      expect((await options(page))[0]!.group).toBe('app');
      await page.keyboard.press('Escape');
      await expect.poll(async () => !!(await openPicker(page))).toBe(false);
      await expect(finder).toBeFocused();

      // Another tool, another route: the generator's picker offers alice and fills the field.
      await page.goto(`${site.origin}/im/tool-usersig`);
      const generator = fieldOf(page, HEADINGS.generator);
      await generator.waitFor();
      await expect(triggers(page)).toHaveCount(2);
      await clickTrigger(page, 0);
      await expect.poll(async () => (await options(page)).map((o) => o.userId)).toEqual(['alice']);
      expect((await options(page))[0]!.text).toContain(site.lang === 'zh' ? '测试账号' : 'QA account');
      await clickInPicker(page, '[data-userid=alice]');
      await expect(generator).toHaveValue('alice');
      await expect(generator).toBeFocused();
      // The replica's state took it: generating works instead of asking for a UserID.
      await page.getByRole('button', { name: site.generate }).click();
      await expect(page.locator('textarea[readonly]').first()).toHaveValue(/^eJ/, { timeout: 45_000 });
      await expect(page.getByText(site.required)).toHaveCount(0);
      // The re-render replaced the input: the picker followed it.
      await expect.poll(async () => page.evaluate(() => document.querySelector('[data-imch=userid-picker]')?.previousElementSibling?.tagName)).toBe('INPUT');
      await expect(fieldOf(page, HEADINGS.generator)).toHaveValue('alice');
      // Used: it is marked, and shows as recently used.
      await clickTrigger(page, 1);
      await expect.poll(async () => (await options(page))[0]?.text ?? '').toContain(site.lang === 'zh' ? '最近使用' : 'recently used');
    });

    test('keyboard only: Alt+↓ opens, typing filters, arrows choose, Enter fills, Escape closes', async ({ page, openOptions }) => {
      const opts = await openOptions({ lang: 'en' });
      await importText(opts, ['sdkAppId,userId,label,note', '1400000001,alice,Alice,', '1400000001,bob,Bob,', 'any,carol,Carol,', 'any,dave,Dave,', '1400000002,erin,Other app,'].join('\n'));
      await page.bringToFront();
      await page.goto(`${site.origin}/im/tool-push-check`);
      const status = fieldOf(page, HEADINGS.status);
      await status.waitFor();
      await expect(triggers(page)).toHaveCount(2);
      await status.focus();
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(async () => (await options(page)).map((o) => `${o.group}:${o.userId}`)).toEqual(['app:alice', 'app:bob', 'any:carol', 'any:dave']);
      // Filter as you type (label or UserID), then the arrows and Enter.
      await page.keyboard.type('a');
      await expect.poll(async () => (await options(page)).map((o) => o.userId)).toEqual(['alice', 'carol', 'dave']);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect((await options(page)).find((o) => o.selected)?.userId).toBe('dave');
      await page.keyboard.press('ArrowDown'); // wraps
      expect((await options(page)).find((o) => o.selected)?.userId).toBe('alice');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await expect(status).toHaveValue('dave');
      await expect(status).toBeFocused();
      // The replica's state took it: "Get status" answers for dave (push online, Android).
      await page.getByRole('button', { name: site.lang === 'zh' ? '获取状态' : 'Get status' }).click();
      await expect(page.locator('.tea-card').filter({ has: page.getByRole('heading', { name: HEADINGS.status }) })).toContainText('Android');
      // The tool re-rendered its input: the picker follows the new one (once its button sits beside it).
      await expect.poll(() => status.evaluate((el) => el.nextElementSibling?.getAttribute('data-imch'))).toBe('userid-picker');
      await status.focus();
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(async () => (await options(page)).length).toBe(4);
      await page.keyboard.type('zzz');
      await expect.poll(async () => (await options(page)).length).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(async () => !!(await openPicker(page))).toBe(false);
      await expect(status).toBeFocused();
      await expect(status).toHaveValue('dave');
      // Tab reaches the button after the field; Enter opens it; screen-reader names are there.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await options(page)).length).toBe(4);
      const frame = (await openPicker(page))!;
      await expect(frame.getByRole('listbox')).toHaveCount(1);
      const filter = frame.getByRole('combobox', { name: site.lang === 'zh' ? '筛选已保存的 UserID' : 'Filter saved UserIDs' });
      await expect(filter).toHaveCount(1);
      await expect(filter).toHaveAttribute('aria-activedescendant', 'opt-0');
      await expect(frame.getByRole('dialog')).toHaveAttribute('aria-label', site.lang === 'zh' ? '已保存的 UserID' : 'Saved UserIDs');
      // The filter has the focus inside the frame: keys typed there never reach the console page.
      await expect(filter).toBeFocused();
      // Another app: its own list first, the other app's entries never.
      await page.goto(`${site.origin}/im/tool-push-check?sdkappid=1400000002`);
      await fieldOf(page, HEADINGS.status).waitFor();
      await clickTrigger(page, 1);
      await expect.poll(async () => (await options(page)).map((o) => `${o.group}:${o.userId}`)).toEqual(['app:erin', 'any:dave', 'any:carol']);
    });

    test('the log tool: a picker for the UserID filter, none for the receiver/group field', async ({ page }) => {
      await page.goto(`${site.origin}/im/tool-log`);
      await page.locator('input.tea-input').first().waitFor();
      // One scan places the triggers of every field of a tool, so the count is final once it shows.
      await expect(triggers(page)).toHaveCount(1);
      const before = await page.evaluate(() => {
        const host = document.querySelector('[data-imch=userid-picker]')!;
        const input = host.previousElementSibling as HTMLInputElement;
        const label = document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
        return { label, inputs: [...document.querySelectorAll('input.tea-input')].map((i) => i.id) };
      });
      expect(before.label).toMatch(/UserID|用户ID/);
      expect(before.label).not.toMatch(/接收|群|Receiver|Group/i);
    });
  });
}

test.describe('saved UserIDs on the console: look-alikes', () => {
  test('the picker shows a look-alike UserID escaped with a mark, and warns when one is saved', async ({ page, serveConsole, openOptions }) => {
    await serveConsole();
    const opts = await openOptions({ lang: 'en' });
    await importText(opts, ['sdkAppId,userId,label,note', 'any,admin,,', 'any,adm\u200Bin,,'].join('\n'));
    await page.bringToFront();
    await page.goto('https://console.tencentcloud.com/im/tool-push-check');
    const finder = fieldOf(page, HEADINGS.finder);
    await finder.waitFor();
    await finder.fill('support\u202Etset');
    await clickTrigger(page, 0);
    await expect.poll(async () => (await options(page)).map((o) => o.text)).toEqual(['admin', '⚠ adm\\u200Bin']);
    const frame = (await openPicker(page))!;
    await expect(frame.locator('[data-userid="adm\u200Bin"] [data-lookalike]')).toHaveAttribute('data-lookalike', 'invisible');
    await expect(frame.locator('[data-picker-save-button]')).toHaveText('Save “support\\u202Etset”');
    await saveFromPicker(page);
    await expect.poll(() => pickerStatus(page)).toContain('Careful: support\\u202Etset contains invisible or look-alike characters');
  });
});

/** Imports through the options page: pasted text, or (large) a file, which previews at once. */
async function importText(opts: Page, text: string): Promise<void> {
  if (text.length > 20_000) {
    await opts.locator('[data-import-file]').setInputFiles({ name: 'ids.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  } else {
    await opts.locator('[data-import-text]').fill(text);
    await opts.locator('[data-import-preview]').click();
  }
  await expect(opts.locator('[data-preview]')).toBeVisible();
  await opts.locator('[data-import-apply]').click();
  await expect(opts.locator('[data-notice]')).toContainText(/Imported|已导入/, { timeout: 30_000 });
}

test.describe('saved UserIDs across tabs', () => {
  test.beforeEach(async ({ serveConsole }) => {
    await serveConsole();
  });

  test('a second tab sees a save made in the first at once', async ({ context, page }) => {
    await page.goto('https://console.tencentcloud.com/im/tool-usersig');
    const other = await context.newPage();
    await other.goto('https://console.tencentcloud.com/im/tool-push-check');
    await fieldOf(other, HEADINGS.finder).waitFor();
    await clickTrigger(other, 0);
    await expect.poll(async () => (await options(other)).length).toBe(0);

    await page.bringToFront();
    const verifierField = fieldOf(page, HEADINGS.verifier);
    await verifierField.fill('frank');
    await clickTrigger(page, 1);
    await saveFromPicker(page);
    await expect.poll(() => pickerStatus(page)).toContain('Saved frank');
    // The other tab's picker is still open: it shows frank without being reopened.
    await expect.poll(async () => (await options(other)).map((o) => o.userId), { timeout: 3000 }).toEqual(['frank']);
  });

  test('two tabs saving at the same moment both keep their entries', async ({ context, page, openOptions }) => {
    const second = await context.newPage();
    await page.goto('https://console.cloud.tencent.com/im/tool-usersig');
    await second.goto('https://console.cloud.tencent.com/im/tool-push-check');
    await fieldOf(page, HEADINGS.generator).fill('tab_one');
    await fieldOf(second, HEADINGS.finder).fill('tab_two');
    await clickTrigger(page, 0);
    await clickTrigger(second, 0);
    // Both forms ready; press Enter in both without waiting in between.
    for (const p of [page, second]) {
      await p.bringToFront();
      await clickInPicker(p, '#save-label');
    }
    await Promise.all([page.keyboard.press('Enter'), second.keyboard.press('Enter')]);
    await expect.poll(() => pickerStatus(page)).toContain('已保存 tab_one');
    await expect.poll(() => pickerStatus(second)).toContain('已保存 tab_two');
    const opts = await openOptions({ lang: 'en' });
    await expect(opts.locator('[data-scope="1400000001"] li[data-userid]')).toHaveCount(2);
    await expect.poll(async () => (await options(page)).map((o) => o.userId).sort()).toEqual(['tab_one', 'tab_two']);
    await expect.poll(async () => (await options(second)).map((o) => o.userId).sort()).toEqual(['tab_one', 'tab_two']);
  });

  test('two console tabs and the options page changing lists and settings at once lose nothing', async ({ context, page, openOptions }) => {
    const second = await context.newPage();
    await page.goto('https://console.cloud.tencent.com/im/tool-usersig');
    await second.goto('https://console.cloud.tencent.com/im/tool-push-check');
    await fieldOf(page, HEADINGS.generator).fill('tab_one');
    await fieldOf(second, HEADINGS.finder).fill('tab_two');
    await clickTrigger(page, 0);
    await clickTrigger(second, 0);
    for (const p of [page, second]) {
      await p.bringToFront();
      await clickInPicker(p, '#save-label');
    }
    const opts = await openOptions({ lang: 'en' });
    const form = opts.locator('[data-add-form]');
    await form.locator('[name=userId]').fill('from_options');
    await expect(opts.locator('[data-feature-switch=diagnostics]')).toBeChecked();
    // All at once: both tabs save, the options page adds an entry, changes the theme and a switch,
    // and sends a burst of saves and settings changes of its own straight to the background.
    await Promise.all([
      page.keyboard.press('Enter'),
      second.keyboard.press('Enter'),
      form.locator('[name=note]').press('Enter'),
      opts.locator('[data-setting=theme]').selectOption('dark'),
      opts.locator('[data-feature-switch=diagnostics]').uncheck(),
      opts.evaluate(async ([lists, settings]) => {
        const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok?: boolean } | undefined> } } }).chrome;
        const send = (message: unknown) => runtime.sendMessage(message);
        const answers = await Promise.all([
          ...Array.from({ length: 10 }, (_, i) => send({ type: lists, op: { kind: 'save', input: { sdkAppId: 'any', userId: `burst_${i}` } } })),
          send({ type: settings, patch: { maskDiagnostics: false } }),
          send({ type: settings, patch: { features: { 'code-explanations': false } } }),
        ]);
        if (!answers.every((a) => a?.ok)) throw new Error(`refused: ${JSON.stringify(answers)}`);
      }, [USERIDS_WRITE, SETTINGS_UPDATE] as const),
    ]);
    await expect.poll(() => pickerStatus(page)).toContain('已保存 tab_one');
    await expect.poll(() => pickerStatus(second)).toContain('已保存 tab_two');
    const bursts = Array.from({ length: 10 }, (_, i) => `burst_${i}`);
    await expect.poll(async () => (await rowsOf(opts, '1400000001')).sort()).toEqual(['tab_one', 'tab_two']);
    await expect.poll(async () => (await rowsOf(opts, 'any')).sort()).toEqual(['from_options', ...bursts].sort());
    for (const p of [page, second]) {
      await expect.poll(async () => (await options(p)).map((o) => o.userId).sort()).toEqual(['from_options', 'tab_one', 'tab_two', ...bursts].sort());
    }
    // Every setting changed kept, read back from storage by a fresh options page.
    await opts.reload();
    await expect(opts.locator('[data-setting=theme]')).toHaveValue('dark');
    await expect(opts.locator('[data-setting=mask]')).not.toBeChecked();
    await expect(opts.locator('[data-feature-switch=diagnostics]')).not.toBeChecked();
    await expect(opts.locator('[data-feature-switch=code-explanations]')).not.toBeChecked();
    await expect(opts.locator('[data-feature-switch=userid-picker]')).toBeChecked();
  });

  test('picker open and filter times with 10,000 saved UserIDs', async ({ page, openOptions, measure }) => {
    test.setTimeout(90_000);
    const lines = ['sdkAppId,userId,label,note'];
    for (let i = 0; i < 10_000; i++) lines.push(`${i % 2 ? 'any' : '1400000001'},user_${i},${i % 3 ? '' : `测试 ${i}`},${i % 7 ? '' : 'QA shared'}`);
    const opts = await openOptions({ lang: 'en' });
    await measure.time('options: import 10,000 UserIDs, file → preview shown', async () => {
      await opts.locator('[data-import-file]').setInputFiles({ name: 'ids.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
      await expect(opts.locator('[data-preview] [data-count=add]')).toHaveText('10000 to add', { timeout: 30_000 });
    });
    await measure.time('options: import 10,000 UserIDs, apply → lists shown', async () => {
      await opts.locator('[data-import-apply]').click();
      await expect(opts.locator('[data-notice]')).toContainText('Imported: 10000 added', { timeout: 30_000 });
      await expect(opts.locator('li[data-userid]')).toHaveCount(1000, { timeout: 30_000 });
    });
    // 500 per list at first, then more on request; search reaches the rest.
    await expect(opts.locator('[data-more]')).toHaveCount(2);
    await opts.locator('[data-scope=any] [data-more]').click();
    await expect(opts.locator('[data-scope=any] li[data-userid]')).toHaveCount(1000);
    await opts.getByRole('searchbox', { name: 'Search' }).fill('user_9999');
    await expect(opts.locator('li[data-userid]')).toHaveCount(1);
    await page.bringToFront();
    await page.goto('https://console.cloud.tencent.com/im/tool-usersig');
    await fieldOf(page, HEADINGS.generator).waitFor();
    // The first opening also loads the console UI bundle and reads the 10,000: a figure of its own.
    const first = calibrate();
    let t0 = performance.now();
    await clickTrigger(page, 0);
    await expect.poll(async () => (await options(page)).length, { intervals: [5], timeout: 60_000 }).toBe(50);
    await measure('UserID picker, 10,000 saved: first open (loads the UI), click → 50 options (outside)', Math.round(performance.now() - t0), 'ms', first);
    await page.keyboard.press('Escape');
    for (let round = 0; round < 3; round++) {
      const calibration = calibrate();
      t0 = performance.now();
      await clickTrigger(page, 0);
      await expect.poll(async () => (await options(page)).length, { intervals: [5] }).toBe(50);
      await measure('UserID picker open, 10,000 saved: click → 50 options (outside)', Math.round(performance.now() - t0), 'ms', calibration);
      await page.keyboard.type('user_99');
      const typed = calibrate();
      t0 = performance.now();
      await page.keyboard.type('9');
      // "user_99" shows 50 (the cap); "user_999" narrows to 11.
      await expect.poll(async () => (await options(page)).length, { intervals: [5] }).toBe(11);
      await measure('UserID picker filter, 10,000 saved: keystroke → list (outside)', Math.round(performance.now() - t0), 'ms', typed);
      expect((await options(page)).map((o) => o.userId)).toContain('user_9999');
      await page.keyboard.press('Escape');
    }
  });
});

test.describe('options page', () => {
  async function rows(opts: Page, scope: string) {
    return opts.locator(`[data-scope="${scope}"] li[data-userid]`).evaluateAll((items) => items.map((li) => li.getAttribute('data-userid')));
  }

  async function add(opts: Page, fields: { sdkAppId?: string; userId: string; label?: string; note?: string }) {
    const form = opts.locator('[data-add-form]');
    await form.locator('[name=sdkAppId]').fill(fields.sdkAppId ?? '');
    await form.locator('[name=userId]').fill(fields.userId);
    await form.locator('[name=label]').fill(fields.label ?? '');
    await form.locator('[name=note]').fill(fields.note ?? '');
    await form.locator('[name=note]').press('Enter');
  }

  test('what is typed while a save is on its way is kept: the form clears only the entry it saved', async ({ openOptions }) => {
    const opts = await openOptions({ lang: 'en' });
    const form = opts.locator('[data-add-form]');
    await form.locator('[name=sdkAppId]').fill('1400000001');
    await form.locator('[name=userId]').fill('bob');
    // Submit, then start the next entry in the same task: the background answers later.
    await form.evaluate((f: HTMLFormElement) => {
      f.requestSubmit();
      (f.elements.namedItem('userId') as HTMLInputElement).value = 'carol';
    });
    await expect(opts.locator('[data-notice]')).toContainText('Saved bob');
    await expect(form.locator('[name=userId]')).toHaveValue('carol');
    await form.locator('[name=userId]').press('Enter');
    await expect(opts.locator('[data-notice]')).toContainText('Saved carol');
    await expect(form.locator('[name=userId]')).toHaveValue('');
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['bob', 'carol']);
  });

  test('add, edit, delete with undo, reorder by keyboard, search (en)', async ({ openOptions }) => {
    const opts = await openOptions({ lang: 'en' });
    await expect(opts.getByRole('heading', { level: 1 })).toHaveText('Saved UserIDs');
    await add(opts, { sdkAppId: '1400000001', userId: 'alice', label: 'Alice', note: 'iPhone' });
    await expect(opts.locator('[data-notice]')).toContainText('Saved alice');
    await add(opts, { sdkAppId: '1400000001', userId: 'bob' });
    await add(opts, { sdkAppId: '1400000001', userId: 'carol' });
    await add(opts, { userId: 'admin', label: 'Administrator' });
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['alice', 'bob', 'carol']);
    await expect.poll(() => rows(opts, 'any')).toEqual(['admin']);
    // Saving an existing UserID updates it.
    await add(opts, { sdkAppId: '1400000001', userId: 'bob', label: 'Bob' });
    await expect(opts.locator('[data-notice]')).toContainText('Updated bob');
    await expect(opts.locator('li[data-userid=bob]')).toContainText('Bob');
    // A bad SDKAppID is refused with its reason.
    await add(opts, { sdkAppId: 'abc', userId: 'x' });
    await expect(opts.locator('[data-notice]')).toContainText('Invalid SDKAppID');

    // Reorder with the keyboard: focus carol's "up" and press Enter twice.
    await opts.getByRole('button', { name: 'Move carol up' }).focus();
    await opts.keyboard.press('Enter');
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['alice', 'carol', 'bob']);
    await expect(opts.getByRole('button', { name: 'Move carol up' })).toBeFocused();
    await opts.keyboard.press('Enter');
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['carol', 'alice', 'bob']);
    await opts.getByRole('button', { name: 'Move alice down' }).click();
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['carol', 'bob', 'alice']);
    await expect(opts.getByRole('button', { name: 'Move carol up' })).toBeDisabled();

    // Edit: label, note, and the move to "any app".
    await opts.getByRole('button', { name: 'Edit alice' }).click();
    const editForm = opts.getByRole('form', { name: 'Edit alice' });
    await editForm.locator('[name=label]').fill('Alice (iOS)');
    await editForm.locator('[name=note]').fill('');
    await editForm.locator('[name=sdkAppId]').fill('');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await expect(opts.locator('[data-notice]')).toContainText('Saved changes to alice');
    await expect.poll(() => rows(opts, 'any')).toEqual(['admin', 'alice']);
    // A move writes the target list first, then the source: for a moment alice is in both.
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['carol', 'bob']);
    await expect(opts.locator('li[data-userid=alice]')).toContainText('Alice (iOS)');
    await expect(opts.locator('li[data-userid=alice]')).not.toContainText('iPhone');

    // Delete, then undo.
    await opts.getByRole('button', { name: 'Delete bob' }).click();
    await expect(opts.locator('[data-notice]')).toContainText('Deleted bob.');
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['carol']);
    await expect(opts.locator('[data-undo]')).toBeFocused();
    await opts.keyboard.press('Enter');
    await expect(opts.locator('[data-notice]')).toContainText('Restored bob');
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['carol', 'bob']);
    await expect(opts.locator('li[data-userid=bob]')).toContainText('Bob');

    // Search: UserID, label, across lists.
    await opts.getByRole('searchbox', { name: 'Search' }).fill('ali');
    await expect.poll(async () => opts.locator('li[data-userid]').evaluateAll((l) => l.map((x) => x.getAttribute('data-userid')))).toEqual(['alice']);
    await opts.getByRole('searchbox', { name: 'Search' }).fill('administrator');
    await expect.poll(async () => opts.locator('li[data-userid]').evaluateAll((l) => l.map((x) => x.getAttribute('data-userid')))).toEqual(['admin']);
    await opts.getByRole('searchbox', { name: 'Search' }).fill('nobody-has-this');
    await expect(opts.getByText('Nothing matches the search.')).toBeVisible();
  });

  test('look-alike UserIDs are shown escaped with a warning mark, and warned about on save and in an import preview (en)', async ({ openOptions }) => {
    const opts = await openOptions({ lang: 'en' });
    await add(opts, { userId: 'admin' });
    await expect(opts.locator('[data-notice]')).toContainText('Saved admin');
    await add(opts, { userId: 'adm\u200Bin' });
    await expect(opts.locator('[data-notice]')).toContainText('Careful: adm\\u200Bin contains invisible or look-alike characters');
    await add(opts, { userId: 'support\u202Etset' });
    await expect(opts.locator('[data-notice]')).toContainText('support\\u202Etset');
    await expect.poll(() => rows(opts, 'any')).toEqual(['admin', 'adm\u200Bin', 'support\u202Etset']);
    // Two rows that used to read the same: only the look-alike carries the mark and the escape.
    await expect(opts.locator('li[data-userid="admin"] .uid')).toHaveText('admin');
    await expect(opts.locator('li[data-userid="admin"] [data-lookalike]')).toHaveCount(0);
    await expect(opts.locator('li[data-userid="adm\u200Bin"] [data-lookalike]')).toHaveText('⚠ adm\\u200Bin');
    await expect(opts.locator('li[data-userid="support\u202Etset"] [data-lookalike]')).toHaveText('⚠ support\\u202Etset');
    await expect(opts.getByRole('button', { name: 'Delete adm\\u200Bin' })).toBeVisible();

    await opts.locator('[data-import-text]').fill('sdkAppId,userId,label,note\r\nany,\u0430dmin,,\r\nany,bob,,\r\n');
    await opts.locator('[data-import-preview]').click();
    await expect(opts.locator('[data-lookalike-summary]')).toHaveText('1 UserID in this import contain invisible or look-alike characters (marked ⚠, shown escaped).');
    await expect(opts.locator('[data-preview] [data-lookalike]')).toHaveText('⚠ \\u0430dmin');
  });

  test('import JSON and CSV with a preview; a bad file is rejected whole; export round-trips (zh)', async ({ openOptions }) => {
    const opts = await openOptions({ lang: 'zh' });
    await expect(opts.getByRole('heading', { level: 1 })).toHaveText('已保存的 UserID');
    await add(opts, { sdkAppId: '1400000001', userId: 'alice', label: '旧名' });
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['alice']);

    // CSV through the file input: one added, one updated, one unchanged, one duplicate.
    const csv = ['sdkAppId,userId,label,note', '1400000001,alice,新名,', '1400000001,bob,,', 'any,"carol, c",卡罗尔,"说明 ""引号"""', '1400000001,bob,重复,'].join('\r\n');
    await opts.locator('[data-import-file]').setInputFiles({ name: 'ids.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = opts.locator('[data-preview]');
    await expect(preview).toContainText('预览（CSV）');
    await expect(preview.locator('[data-count=add]')).toHaveText('新增 2 个');
    await expect(preview.locator('[data-count=update]')).toHaveText('更新 1 个');
    await expect(preview.locator('[data-count=skip]')).toHaveText('跳过 1 个');
    await expect(preview.locator('tr[data-kind=skip]')).toContainText('文件中重复（首次出现在 第 3 行）');
    await expect(preview.locator('tr[data-kind=update]')).toContainText('旧名 → 新名');
    // Nothing is written before applying.
    expect(await rows(opts, '1400000001')).toEqual(['alice']);
    await opts.locator('[data-import-apply]').click();
    await expect(opts.locator('[data-notice]')).toContainText('已导入：新增 2 个，更新 1 个，跳过 1 个');
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['alice', 'bob']);
    expect(await rows(opts, 'any')).toEqual(['carol, c']);

    // A malformed CSV (stray quote on line 3) and a malformed JSON: rejected with reason and line.
    const before = await opts.locator('li[data-userid]').count();
    await opts.locator('[data-import-text]').fill('sdkAppId,userId,label,note\n1400000001,dan,,\n1400000001,er"in,,\n');
    await opts.locator('[data-import-preview]').click();
    await expect(opts.locator('[data-import-error]')).toContainText('导入被拒绝，未做任何修改');
    await expect(opts.locator('[data-import-error]')).toContainText('第 3 行');
    await expect(opts.locator('[data-preview]')).toHaveCount(0);
    await opts.locator('[data-import-text]').fill('{"format": "im-console-helper/userids", "version": 1,\n "entries": [\n');
    await opts.locator('[data-import-preview]').click();
    await expect(opts.locator('[data-import-error]')).toContainText('JSON 格式错误');
    await expect(opts.locator('li[data-userid]')).toHaveCount(before);
    expect(await rows(opts, '1400000001')).toEqual(['alice', 'bob']);

    // Export JSON and CSV through a download; both read back into an empty profile unchanged.
    const [jsonDownload] = await Promise.all([opts.waitForEvent('download'), opts.locator('[data-export=json]').click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^im-userids-\d{8}-\d{4}\.json$/);
    expect(jsonDownload.url()).toMatch(/^blob:chrome-extension:/);
    const json = fs.readFileSync((await jsonDownload.path())!, 'utf8');
    const parsed = JSON.parse(json);
    expect(parsed.format).toBe('im-console-helper/userids');
    expect(parsed.entries.map((e: { userId: string }) => e.userId)).toEqual(['carol, c', 'alice', 'bob']);
    const [csvDownload] = await Promise.all([opts.waitForEvent('download'), opts.locator('[data-export=csv]').click()]);
    const csvOut = fs.readFileSync((await csvDownload.path())!, 'utf8');
    expect(csvOut.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('sdkAppId,userId,label,note');
    expect(csvOut).toContain('"说明 ""引号"""');

    // Round trip: re-importing either export changes nothing (all skipped as unchanged).
    for (const text of [json, csvOut]) {
      await opts.locator('[data-import-text]').fill(text);
      await opts.locator('[data-import-preview]').click();
      await expect(opts.locator('[data-preview] [data-count=add]')).toHaveText('新增 0 个');
      await expect(opts.locator('[data-preview] [data-count=update]')).toHaveText('更新 0 个');
      await expect(opts.locator('[data-preview] [data-count=skip]')).toHaveText('跳过 3 个');
    }
    // Delete everything, import the JSON export: the same lists come back, with their labels.
    for (const id of ['carol, c', 'alice', 'bob']) {
      await opts.getByRole('button', { name: `删除 ${id}` }).click();
      await expect(opts.locator(`li[data-userid="${id}"]`)).toHaveCount(0);
    }
    await opts.locator('[data-import-text]').fill(json);
    await opts.locator('[data-import-preview]').click();
    await expect(opts.locator('[data-preview] [data-count=add]')).toHaveText('新增 3 个');
    await opts.locator('[data-import-apply]').click();
    await expect.poll(() => rows(opts, '1400000001')).toEqual(['alice', 'bob']);
    expect(await rows(opts, 'any')).toEqual(['carol, c']);
    await expect(opts.locator('li[data-userid=alice]')).toContainText('新名');
    const [again] = await Promise.all([opts.waitForEvent('download'), opts.locator('[data-export=json]').click()]);
    const reexported = JSON.parse(fs.readFileSync((await again.path())!, 'utf8'));
    const strip = (e: Record<string, unknown>) => ({ ...e, id: undefined });
    expect(reexported.entries.map(strip)).toEqual(parsed.entries.map(strip));
  });

  test('settings: language, theme, sync with the quota message, masking', async ({ openOptions }) => {
    const opts = await openOptions();
    await opts.locator('[data-setting=language]').selectOption('zh');
    await expect(opts.getByRole('heading', { level: 1 })).toHaveText('已保存的 UserID');
    await opts.locator('[data-setting=language]').selectOption('en');
    await expect(opts.getByRole('heading', { level: 1 })).toHaveText('Saved UserIDs');
    await opts.locator('[data-setting=theme]').selectOption('dark');
    await expect(opts.locator('.imch.options')).toHaveAttribute('data-theme', 'dark');
    await opts.locator('[data-setting=mask]').uncheck();
    await opts.reload();
    await expect(opts.locator('[data-setting=mask]')).not.toBeChecked();
    await expect(opts.locator('.imch.options')).toHaveAttribute('data-theme', 'dark');
    // A list too big for storage.sync's 8 KB item limit stays on this device, with the reason.
    const lines = ['sdkAppId,userId,label,note'];
    for (let i = 0; i < 200; i++) lines.push(`1400000001,sync_user_${i},label ${i},a note long enough to make the list big ${i}`);
    await importText(opts, lines.join('\n'));
    await opts.locator('[data-setting=sync]').check();
    await expect(opts.locator('[data-sync-note]')).toContainText('too large to sync');
    await expect(opts.locator('[data-setting=sync]')).toBeChecked();
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`options page: no serious accessibility problem (axe, ${theme}, with a preview and an edit open)`, async ({ openOptions }) => {
    const opts = await openOptions({ lang: 'zh', theme });
    await importText(opts, ['sdkAppId,userId,label,note', '1400000001,alice,爱丽丝,', 'any,bob,,note'].join('\n'));
    await opts.locator('[data-import-text]').fill('sdkAppId,userId,label,note\n1400000001,alice,新,\n1400000001,carol,,');
    await opts.locator('[data-import-preview]').click();
    await expect(opts.locator('[data-preview]')).toBeVisible();
    await opts.getByRole('button', { name: '编辑 bob' }).click();
    expect((await axeReport(opts)).serious).toEqual([]);
  });
}

test('screenshots: picker on a replica and options page, both languages', async ({ page, openOptions, serveConsole }) => {
  await serveConsole();
  const dir = '/tmp/imch-userids-shots';
  fs.mkdirSync(dir, { recursive: true });
  const opts = await openOptions({ lang: 'en' });
  await importText(opts, ['sdkAppId,userId,label,note', '1400000001,alice,Alice,iPhone 15 · APNs', '1400000001,bob,Bob,Xiaomi', 'any,administrator,管理员,App admin', 'any,qa_shared_01,QA,shared test account'].join('\n'));
  await opts.setViewportSize({ width: 1000, height: 900 });
  await opts.screenshot({ path: `${dir}/options-en-light.png`, fullPage: true });
  await opts.goto(opts.url().replace('lang=en', 'lang=zh&theme=dark'));
  await opts.locator('li[data-userid]').first().waitFor();
  await opts.screenshot({ path: `${dir}/options-zh-dark.png`, fullPage: true });
  await opts.locator('[data-import-text]').fill('sdkAppId,userId,label,note\n1400000001,alice,爱丽丝,\n1400000001,carol,,新账号\n1400000001,alice,重复,');
  await opts.locator('[data-import-preview]').click();
  await opts.locator('[data-preview]').scrollIntoViewIfNeeded();
  await opts.locator('[data-import]').screenshot({ path: `${dir}/options-zh-dark-import-preview.png` });
  await opts.locator('[data-import-text]').fill('sdkAppId,userId,label,note\n1400000001,dan,,\n1400000001,er"in,,');
  await opts.locator('[data-import-preview]').click();
  await opts.locator('[data-import]').screenshot({ path: `${dir}/options-zh-dark-import-rejected.png` });
  for (const site of SITES) {
    await page.bringToFront();
    await page.goto(`${site.origin}/im/tool-push-check`);
    await fieldOf(page, HEADINGS.finder).waitFor();
    await fieldOf(page, HEADINGS.finder).fill('carol');
    await clickTrigger(page, 0);
    await expect.poll(async () => (await options(page)).length).toBe(4);
    await page.screenshot({ path: `${dir}/picker-${site.lang}.png` });
  }
});

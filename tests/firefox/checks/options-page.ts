import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { axeReport } from '../popup-helpers.ts';
import type { Check, CheckContext } from '../harness.ts';
import {
  addEntry,
  allRows,
  assertEqual,
  byLabel,
  chooseFile,
  click,
  clickButton,
  clickTrigger,
  count,
  el,
  fieldOf,
  fill,
  freshStorage,
  gotoConsole,
  importText,
  isFocused,
  openOptions,
  pickerOptions,
  poll,
  pollEqual,
  rows,
  screenshotFull,
  textOf,
  waitForText,
  withDownloads,
} from '../ui-helpers.ts';

/**
 * The options page in Firefox ESR (moz-extension://…/options.html): the paths of the "options
 * page" tests of tests/e2e/userids.spec.ts — add, edit, delete with undo, reorder, search; import
 * with a preview, rejection, export through a real download and the round trip; settings; axe;
 * screenshots — with the same inputs and expectations. Files are chosen with BiDi input.setFiles
 * (puppeteer's ElementHandle.uploadFile); downloads land in a folder set with BiDi
 * browser.setDownloadBehavior and are read from there.
 */

const SEARCH = 'input[type=search][aria-label="Search"]';

/** The page's h1, once the settings have been read (the language may follow them). */
const heading = (opts: Page) => textOf(opts, 'h1');

/** Elements whose text contains `text` and that are rendered (getByText(...).toBeVisible()). */
function visibleText(opts: Page, text: string): Promise<boolean> {
  return opts.evaluate((t: string) => [...document.querySelectorAll('body *')].some((e) => e.childElementCount === 0 && (e.textContent ?? '').includes(t) && e.checkVisibility()), text);
}

// ------------------------------------------------------------------ add, edit, delete, reorder, search

async function editing(ctx: CheckContext) {
  const opts = await openOptions(ctx, 'lang=en');
  await poll('the heading', () => heading(opts), (h) => h === 'Saved UserIDs');
  // Each add waits for its notice: the form clears itself once the save is done.
  await addEntry(opts, { sdkAppId: '1400000001', userId: 'alice', label: 'Alice', note: 'iPhone' });
  await waitForText(opts, '[data-notice]', 'Saved alice');
  await addEntry(opts, { sdkAppId: '1400000001', userId: 'bob' });
  await waitForText(opts, '[data-notice]', 'Saved bob');
  await addEntry(opts, { sdkAppId: '1400000001', userId: 'carol' });
  await waitForText(opts, '[data-notice]', 'Saved carol');
  await addEntry(opts, { userId: 'admin', label: 'Administrator' });
  await waitForText(opts, '[data-notice]', 'Saved admin');
  await pollEqual('this app', () => rows(opts, '1400000001'), ['alice', 'bob', 'carol']);
  await pollEqual('any app', () => rows(opts, 'any'), ['admin']);
  // Saving an existing UserID updates it.
  await addEntry(opts, { sdkAppId: '1400000001', userId: 'bob', label: 'Bob' });
  await waitForText(opts, '[data-notice]', 'Updated bob');
  await waitForText(opts, 'li[data-userid=bob]', 'Bob');
  // A bad SDKAppID is refused with its reason.
  await addEntry(opts, { sdkAppId: 'abc', userId: 'x' });
  await waitForText(opts, '[data-notice]', 'Invalid SDKAppID');

  // Reorder with the keyboard: focus carol's "up" and press Enter twice.
  await (await byLabel(opts, 'Move carol up')).focus();
  await opts.keyboard.press('Enter');
  await pollEqual('carol moved up', () => rows(opts, '1400000001'), ['alice', 'carol', 'bob']);
  await poll('focus stays on "Move carol up"', async () => isFocused(await byLabel(opts, 'Move carol up')), (f) => f);
  await opts.keyboard.press('Enter');
  await pollEqual('carol moved up again', () => rows(opts, '1400000001'), ['carol', 'alice', 'bob']);
  await click(await byLabel(opts, 'Move alice down'));
  await pollEqual('alice moved down', () => rows(opts, '1400000001'), ['carol', 'bob', 'alice']);
  await poll('"Move carol up" disabled', async () => (await byLabel(opts, 'Move carol up')).evaluate((b) => (b as HTMLButtonElement).disabled), (d) => d);

  // Edit: label, note, and the move to "any app".
  await click(await byLabel(opts, 'Edit alice'));
  const form = 'form[aria-label="Edit alice"]';
  await fill(opts, await el(opts, `${form} [name=label]`), 'Alice (iOS)');
  await fill(opts, await el(opts, `${form} [name=note]`), '');
  await fill(opts, await el(opts, `${form} [name=sdkAppId]`), '');
  await clickButton(opts, 'Save', await el(opts, form));
  await waitForText(opts, '[data-notice]', 'Saved changes to alice');
  await pollEqual('alice in "any app"', () => rows(opts, 'any'), ['admin', 'alice']);
  // A move writes the target list first, then the source: for a moment alice is in both.
  await pollEqual('alice out of her app\'s list', () => rows(opts, '1400000001'), ['carol', 'bob']);
  const aliceText = await waitForText(opts, 'li[data-userid=alice]', 'Alice (iOS)');
  assert.ok(!aliceText.includes('iPhone'), 'the note is gone');

  // Delete, then undo.
  await click(await byLabel(opts, 'Delete bob'));
  await waitForText(opts, '[data-notice]', 'Deleted bob.');
  await pollEqual('bob deleted', () => rows(opts, '1400000001'), ['carol']);
  await poll('focus on Undo', () => opts.evaluate(() => document.activeElement?.hasAttribute('data-undo') ?? false), (f) => f);
  await opts.keyboard.press('Enter');
  await waitForText(opts, '[data-notice]', 'Restored bob');
  await pollEqual('bob restored', () => rows(opts, '1400000001'), ['carol', 'bob']);
  await waitForText(opts, 'li[data-userid=bob]', 'Bob');

  // Search: UserID, label, across lists.
  await fill(opts, await el(opts, SEARCH), 'ali');
  await pollEqual('search "ali"', () => allRows(opts), ['alice']);
  await fill(opts, await el(opts, SEARCH), 'administrator');
  await pollEqual('search "administrator"', () => allRows(opts), ['admin']);
  await fill(opts, await el(opts, SEARCH), 'nobody-has-this');
  await poll('"Nothing matches the search." shown', () => visibleText(opts, 'Nothing matches the search.'), (v) => v);
}

// ------------------------------------------------------------------ import, export, round trip

async function importExport(ctx: CheckContext) {
  await withDownloads(ctx, async (expectDownload) => {
    const opts = await openOptions(ctx, 'lang=zh');
    await poll('the heading', () => heading(opts), (h) => h === '已保存的 UserID');
    await addEntry(opts, { sdkAppId: '1400000001', userId: 'alice', label: '旧名' });
    await pollEqual('alice saved', () => rows(opts, '1400000001'), ['alice']);

    // CSV through the file input: one added, one updated, one unchanged, one duplicate.
    const csv = ['sdkAppId,userId,label,note', '1400000001,alice,新名,', '1400000001,bob,,', 'any,"carol, c",卡罗尔,"说明 ""引号"""', '1400000001,bob,重复,'].join('\r\n');
    await chooseFile(await el(opts, '[data-import-file]'), 'ids.csv', csv);
    await waitForText(opts, '[data-preview]', '预览（CSV）');
    assert.equal(await textOf(opts, '[data-preview] [data-count=add]'), '新增 2 个');
    assert.equal(await textOf(opts, '[data-preview] [data-count=update]'), '更新 1 个');
    assert.equal(await textOf(opts, '[data-preview] [data-count=skip]'), '跳过 1 个');
    assert.ok((await textOf(opts, '[data-preview] tr[data-kind=skip]')).includes('文件中重复（首次出现在 第 3 行）'));
    assert.ok((await textOf(opts, '[data-preview] tr[data-kind=update]')).includes('旧名 → 新名'));
    // Nothing is written before applying.
    assertEqual(await rows(opts, '1400000001'), ['alice']);
    await click(await el(opts, '[data-import-apply]'));
    await waitForText(opts, '[data-notice]', '已导入：新增 2 个，更新 1 个，跳过 1 个');
    await pollEqual('after the import', () => rows(opts, '1400000001'), ['alice', 'bob']);
    assertEqual(await rows(opts, 'any'), ['carol, c']);

    // A malformed CSV (stray quote on line 3) and a malformed JSON: rejected with reason and line.
    const before = await count(opts, 'li[data-userid]');
    await fill(opts, await el(opts, '[data-import-text]'), 'sdkAppId,userId,label,note\n1400000001,dan,,\n1400000001,er"in,,\n');
    await click(await el(opts, '[data-import-preview]'));
    await waitForText(opts, '[data-import-error]', '导入被拒绝，未做任何修改');
    assert.ok((await textOf(opts, '[data-import-error]')).includes('第 3 行'), 'the line is named');
    assert.equal(await count(opts, '[data-preview]'), 0, 'no preview');
    await fill(opts, await el(opts, '[data-import-text]'), '{"format": "im-console-helper/userids", "version": 1,\n "entries": [\n');
    await click(await el(opts, '[data-import-preview]'));
    await waitForText(opts, '[data-import-error]', 'JSON 格式错误');
    assert.equal(await count(opts, 'li[data-userid]'), before, 'nothing changed');
    assertEqual(await rows(opts, '1400000001'), ['alice', 'bob']);

    // Export JSON and CSV through a download; both read back into an empty profile unchanged.
    const jsonDownload = await expectDownload(async () => click(await el(opts, '[data-export=json]')));
    assert.match(jsonDownload.suggestedFilename, /^im-userids-\d{8}-\d{4}\.json$/);
    assert.match(jsonDownload.url, /^blob:moz-extension:/);
    const json = jsonDownload.text;
    const parsed = JSON.parse(json);
    assert.equal(parsed.format, 'im-console-helper/userids');
    assertEqual(parsed.entries.map((e: { userId: string }) => e.userId), ['carol, c', 'alice', 'bob']);
    const csvDownload = await expectDownload(async () => click(await el(opts, '[data-export=csv]')));
    const csvOut = csvDownload.text;
    assert.equal(csvOut.replace(/^\uFEFF/, '').split(/\r?\n/)[0], 'sdkAppId,userId,label,note');
    assert.ok(csvOut.includes('"说明 ""引号"""'), 'quotes doubled');

    // Round trip: re-importing either export changes nothing (all skipped as unchanged).
    for (const text of [json, csvOut]) {
      await fill(opts, await el(opts, '[data-import-text]'), text);
      await click(await el(opts, '[data-import-preview]'));
      await waitForText(opts, '[data-preview] [data-count=add]', '新增 0 个');
      assert.equal(await textOf(opts, '[data-preview] [data-count=add]'), '新增 0 个');
      assert.equal(await textOf(opts, '[data-preview] [data-count=update]'), '更新 0 个');
      assert.equal(await textOf(opts, '[data-preview] [data-count=skip]'), '跳过 3 个');
    }
    // Delete everything, import the JSON export: the same lists come back, with their labels.
    for (const id of ['carol, c', 'alice', 'bob']) {
      await click(await byLabel(opts, `删除 ${id}`));
      await poll(`${id} deleted`, () => count(opts, `li[data-userid=${JSON.stringify(id)}]`), (n) => n === 0);
    }
    await fill(opts, await el(opts, '[data-import-text]'), json);
    await click(await el(opts, '[data-import-preview]'));
    await waitForText(opts, '[data-preview] [data-count=add]', '新增 3 个');
    assert.equal(await textOf(opts, '[data-preview] [data-count=add]'), '新增 3 个');
    await click(await el(opts, '[data-import-apply]'));
    await pollEqual('restored from the export', () => rows(opts, '1400000001'), ['alice', 'bob']);
    assertEqual(await rows(opts, 'any'), ['carol, c']);
    await waitForText(opts, 'li[data-userid=alice]', '新名');
    const again = await expectDownload(async () => click(await el(opts, '[data-export=json]')));
    const reexported = JSON.parse(again.text);
    const strip = (e: Record<string, unknown>) => ({ ...e, id: undefined });
    assertEqual(reexported.entries.map(strip), parsed.entries.map(strip));
  });
}

// ------------------------------------------------------------------ settings

/** Reloads the page (location.reload: goto/reload promises may not settle on moz-extension://). */
async function reload(opts: Page) {
  await opts.evaluate(() => ((window as unknown as { imchBeforeReload: boolean }).imchBeforeReload = true));
  await opts.evaluate(() => location.reload());
  await poll(
    'the page reloaded',
    () => opts.evaluate(() => !(window as unknown as { imchBeforeReload?: boolean }).imchBeforeReload && !!document.querySelector('[data-setting=mask]')),
    (v) => v,
    15_000,
  );
}

async function settings(ctx: CheckContext) {
  const opts = await openOptions(ctx);
  await opts.waitForSelector('[data-setting=language]', { timeout: 5000 });
  await opts.select('[data-setting=language]', 'zh');
  await poll('the heading in Chinese', () => heading(opts), (h) => h === '已保存的 UserID');
  await opts.select('[data-setting=language]', 'en');
  await poll('the heading in English', () => heading(opts), (h) => h === 'Saved UserIDs');
  await opts.select('[data-setting=theme]', 'dark');
  await poll('dark theme', () => opts.$eval('.imch.options', (e) => e.getAttribute('data-theme')), (t) => t === 'dark');
  const mask = await el(opts, '[data-setting=mask]');
  if (await mask.evaluate((c) => (c as HTMLInputElement).checked)) await click(mask);
  await poll('masking off', () => opts.$eval('[data-setting=mask]', (c) => (c as HTMLInputElement).checked), (c) => !c);
  await reload(opts);
  await poll('masking still off after a reload', () => opts.$eval('[data-setting=mask]', (c) => (c as HTMLInputElement).checked), (c) => !c);
  await poll('still dark after a reload', () => opts.$eval('.imch.options', (e) => e.getAttribute('data-theme')), (t) => t === 'dark');
  // A list too big for storage.sync's 8 KB item limit stays on this device, with the reason.
  const lines = ['sdkAppId,userId,label,note'];
  for (let i = 0; i < 200; i++) lines.push(`1400000001,sync_user_${i},label ${i},a note long enough to make the list big ${i}`);
  await importText(opts, lines.join('\n'));
  const sync = await el(opts, '[data-setting=sync]');
  if (!(await sync.evaluate((c) => (c as HTMLInputElement).checked))) await click(sync);
  await waitForText(opts, '[data-sync-note]', 'too large to sync');
  await poll('sync on', () => opts.$eval('[data-setting=sync]', (c) => (c as HTMLInputElement).checked), (c) => c);
}

// ------------------------------------------------------------------ accessibility (axe)


async function axe(ctx: CheckContext, theme: 'light' | 'dark') {
  const opts = await openOptions(ctx, `lang=zh&theme=${theme}`);
  await importText(opts, ['sdkAppId,userId,label,note', '1400000001,alice,爱丽丝,', 'any,bob,,note'].join('\n'));
  await fill(opts, await el(opts, '[data-import-text]'), 'sdkAppId,userId,label,note\n1400000001,alice,新,\n1400000001,carol,,');
  await click(await el(opts, '[data-import-preview]'));
  await opts.waitForSelector('[data-preview]', { visible: true, timeout: 5000 });
  await click(await byLabel(opts, '编辑 bob'));
  await opts.waitForSelector('form[aria-label="编辑 bob"]', { timeout: 5000 });
  assert.equal(await opts.$eval('.imch.options', (e) => e.getAttribute('data-theme')), theme);
  const report = await axeReport(opts);
  assertEqual(report.serious, [], `serious or critical axe violations (${theme})`);
  ctx.log(`axe (${theme}): ${report.passes} rules passed; minor or moderate: ${report.violations.filter((v) => !report.serious.includes(v)).join('; ') || 'none'}`);
}

// ------------------------------------------------------------------ screenshots

async function screenshots(ctx: CheckContext) {
  if (!ctx.consoleRoutes) ctx.pending('no console replica routes');
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const opts = await openOptions(ctx, 'lang=en');
  await importText(opts, ['sdkAppId,userId,label,note', '1400000001,alice,Alice,iPhone 15 · APNs', '1400000001,bob,Bob,Xiaomi', 'any,administrator,管理员,App admin', 'any,qa_shared_01,QA,shared test account'].join('\n'));
  await opts.setViewport({ width: 1000, height: 900 });
  await poll('four entries', () => count(opts, 'li[data-userid]'), (n) => n === 4);
  ctx.log(`screenshot: ${await screenshotFull(opts, 'options-en-light')}`);
  await openOptions(ctx, 'lang=zh&theme=dark', opts);
  await opts.waitForSelector('li[data-userid]', { timeout: 5000 });
  await poll('Chinese, dark', () => opts.evaluate(() => [document.querySelector('h1')?.textContent, document.querySelector('.imch.options')?.getAttribute('data-theme')]), (v) => v[0] === '已保存的 UserID' && v[1] === 'dark');
  ctx.log(`screenshot: ${await screenshotFull(opts, 'options-zh-dark')}`);
  await fill(opts, await el(opts, '[data-import-text]'), 'sdkAppId,userId,label,note\n1400000001,alice,爱丽丝,\n1400000001,carol,,新账号\n1400000001,alice,重复,');
  await click(await el(opts, '[data-import-preview]'));
  const preview = await opts.waitForSelector('[data-preview]', { visible: true, timeout: 5000 });
  await preview!.scrollIntoView();
  ctx.log(`screenshot: ${await screenshotFull(await el(opts, '[data-import]'), 'options-zh-dark-import-preview')}`);
  await fill(opts, await el(opts, '[data-import-text]'), 'sdkAppId,userId,label,note\n1400000001,dan,,\n1400000001,er"in,,');
  await click(await el(opts, '[data-import-preview]'));
  await opts.waitForSelector('[data-import-error]', { visible: true, timeout: 5000 });
  ctx.log(`screenshot: ${await screenshotFull(await el(opts, '[data-import]'), 'options-zh-dark-import-rejected')}`);
  for (const site of [
    { lang: 'zh', origin: 'https://console.cloud.tencent.com' },
    { lang: 'en', origin: 'https://console.tencentcloud.com' },
  ]) {
    await page.bringToFront();
    await gotoConsole(page, `${site.origin}/im/tool-push-check`);
    const finder = await fieldOf(page, /离线推送定位工具|Offline push issue finder/);
    await fill(page, finder, 'carol');
    await clickTrigger(page, 0);
    await poll('four saved UserIDs', async () => (await pickerOptions(page)).length, (n) => n === 4);
    ctx.log(`screenshot: ${await ctx.screenshot(page, `picker-${site.lang}`)}`);
  }
}

// ------------------------------------------------------------------ look-alike UserIDs

async function lookalikes(ctx: CheckContext) {
  const opts = await openOptions(ctx, 'lang=en');
  await poll('the heading', () => heading(opts), (h) => h === 'Saved UserIDs');
  await addEntry(opts, { userId: 'admin' });
  await waitForText(opts, '[data-notice]', 'Saved admin');
  await addEntry(opts, { userId: 'adm\u200Bin' });
  await waitForText(opts, '[data-notice]', 'Careful: adm\\u200Bin contains invisible or look-alike characters');
  await addEntry(opts, { userId: 'support\u202Etset' });
  await waitForText(opts, '[data-notice]', 'support\\u202Etset');
  await pollEqual('any app', () => rows(opts, 'any'), ['admin', 'adm\u200Bin', 'support\u202Etset']);
  const shown = () =>
    opts.evaluate(() =>
      [...document.querySelectorAll('li[data-userid]')].map((li) => [li.getAttribute('data-userid'), li.querySelector('.uid')?.textContent, li.querySelector('[data-lookalike]') !== null]),
    );
  assert.deepEqual(await shown(), [
    ['admin', 'admin', false],
    ['adm\u200Bin', '⚠ adm\\u200Bin', true],
    ['support\u202Etset', '⚠ support\\u202Etset', true],
  ]);
  await byLabel(opts, 'Delete adm\\u200Bin');

  await fill(opts, await el(opts, '[data-import-text]'), 'sdkAppId,userId,label,note\r\nany,\u0430dmin,,\r\nany,bob,,\r\n');
  await click(await el(opts, '[data-import-preview]'));
  await waitForText(opts, '[data-lookalike-summary]', '1 UserID in this import contain invisible or look-alike characters (marked ⚠, shown escaped).');
  await waitForText(opts, '[data-preview] [data-lookalike]', '⚠ \\u0430dmin');
}

async function typingDuringSave(ctx: CheckContext) {
  const opts = await openOptions(ctx, 'lang=en');
  await poll('the heading', () => heading(opts), (h) => h === 'Saved UserIDs');
  await fill(opts, await el(opts, '[data-add-form] [name=sdkAppId]'), '1400000001');
  await fill(opts, await el(opts, '[data-add-form] [name=userId]'), 'bob');
  // Submit, then start the next entry in the same task: the background answers later.
  await opts.evaluate(() => {
    const form = document.querySelector('[data-add-form]') as HTMLFormElement;
    form.requestSubmit();
    (form.elements.namedItem('userId') as HTMLInputElement).value = 'carol';
  });
  await waitForText(opts, '[data-notice]', 'Saved bob');
  const userId = () => opts.evaluate(() => (document.querySelector('[data-add-form] [name=userId]') as HTMLInputElement).value);
  assert.equal(await userId(), 'carol', 'the next entry, typed while the first was saving, is kept');
  await (await el(opts, '[data-add-form] [name=userId]')).press('Enter');
  await waitForText(opts, '[data-notice]', 'Saved carol');
  await poll('the form cleared after its own entry', userId, (v) => v === '');
  await pollEqual('this app', () => rows(opts, '1400000001'), ['bob', 'carol']);
}

const withFreshStorage = (fn: (ctx: CheckContext) => Promise<void>) => (ctx: CheckContext) => freshStorage(ctx, () => fn(ctx));

const checks: Check[] = [
  {
    name: 'options page: add, edit, delete with undo, reorder by keyboard, search (en)',
    mirrors: ['options page › add, edit, delete with undo, reorder by keyboard, search (en)'],
    timeoutMs: 45_000,
    run: withFreshStorage(editing),
  },
  {
    name: 'options page: what is typed while a save is on its way is kept: the form clears only the entry it saved',
    mirrors: ['options page › what is typed while a save is on its way is kept: the form clears only the entry it saved'],
    timeoutMs: 30_000,
    run: withFreshStorage(typingDuringSave),
  },
  {
    name: 'options page: look-alike UserIDs shown escaped with a warning mark, warned about on save and in an import preview (en)',
    mirrors: ['options page › look-alike UserIDs are shown escaped with a warning mark, and warned about on save and in an import preview (en)'],
    timeoutMs: 40_000,
    run: withFreshStorage(lookalikes),
  },
  {
    name: 'options page: import JSON and CSV with a preview, a bad file rejected whole, export round-trips (zh)',
    mirrors: ['options page › import JSON and CSV with a preview; a bad file is rejected whole; export round-trips (zh)'],
    timeoutMs: 45_000,
    run: withFreshStorage(importExport),
  },
  {
    name: 'options page: settings, language, theme, sync with the quota message, masking',
    mirrors: ['options page › settings: language, theme, sync with the quota message, masking'],
    timeoutMs: 40_000,
    run: withFreshStorage(settings),
  },
  ...(['light', 'dark'] as const).map(
    (theme): Check => ({
      name: `options page: no serious accessibility problem (axe, ${theme}, with a preview and an edit open)`,
      mirrors: [`options page: no serious accessibility problem (axe, ${theme}, with a preview and an edit open)`],
      timeoutMs: 40_000,
      run: withFreshStorage((ctx) => axe(ctx, theme)),
    }),
  ),
  {
    name: 'options page and saved UserIDs picker: screenshots, both languages',
    mirrors: ['screenshots: picker on a replica and options page, both languages'],
    timeoutMs: 45_000,
    run: withFreshStorage(screenshots),
  },
];

export default checks;

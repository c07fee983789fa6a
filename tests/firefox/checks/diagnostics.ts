import assert from 'node:assert/strict';
import fs, { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { ARTIFACTS_DIR } from '../harness.ts';
import type { Check, CheckContext } from '../harness.ts';
import { maskSecret } from '../../../lib/diagnostics/mask.ts';
import { parseDiagnostics } from '../../../lib/diagnostics/schema.ts';
import type { Diagnostics, DiagnosticsOf } from '../../../lib/diagnostics/schema.ts';
import {
  assertEqual,
  assertMatch,
  cardWithText,
  clickButton,
  clickInPanel,
  closePanel,
  copyReport,
  fill,
  gotoConsole,
  openPanel,
  panelOf,
  PasteClipboard,
  poll,
  pressButton,
  screenshotFull,
  valueOf,
  watchErrors,
} from '../ui-helpers.ts';
import type { CopyOptions, Tool } from '../ui-helpers.ts';
import { DIAGNOSTICS_SITES as SITES } from '../../fixtures/console/diagnostics-sites.ts';

/**
 * "Copy diagnostics" on every console tool replica in Firefox ESR, both languages: the paths of
 * tests/e2e/diagnostics.spec.ts with the same inputs and the same expectations. The panel is in
 * a closed shadow root: it is read and clicked through BiDi (tests/firefox/shadow.ts); the
 * report is read back from Firefox's clipboard with a real Ctrl+V (ui-helpers.ts PasteClipboard).
 */

const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const tokens = fixtures.tokens as Record<string, { token: string; time: number; expire: number; userId: string; sdkAppId: number }>;
const VERSION = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version as string;

type Site = (typeof SITES)[number];

async function copyJson<K extends Tool>(page: Page, tool: K, full = false): Promise<DiagnosticsOf<K>> {
  const opts: CopyOptions = { format: 'json', full };
  const { text } = await copyReport(page, tool, opts);
  const parsed = parseDiagnostics(JSON.parse(text));
  if (!parsed.ok) throw new Error(`the JSON report does not fit the schema: ${parsed.error}`);
  assert.equal(parsed.record.tool, tool);
  return parsed.record as DiagnosticsOf<K>;
}

function expectCommon(r: Diagnostics, site: Site, path: string, tokensMode: 'masked' | 'full') {
  assertEqual(r.console, { host: site.host, path, lang: site.lang }, 'console');
  assert.equal(r.sdkAppId, 1400000001);
  assert.equal(r.extension.version, VERSION);
  assert.equal(r.tokens, tokensMode);
  assert.ok(Math.abs(Date.parse(r.capturedAt.utc) - Date.now()) < 120_000, `capturedAt.utc ${r.capturedAt.utc} is now`);
  assert.match(r.capturedAt.local, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/);
}

/** No 64-hex key-like string and no whole token in a masked report. */
function expectMasked(text: string, secrets: string[]) {
  for (const s of secrets) assert.ok(!text.includes(s), `a masked report holds ${s.slice(0, 12)}… in full`);
  assert.doesNotMatch(text, /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i);
}

/** A console tab as in the e2e beforeEach: replica served (by the harness), errors recorded. */
async function consoleTab(ctx: CheckContext): Promise<{ page: Page; errors: string[] }> {
  if (!ctx.consoleRoutes) ctx.pending('no console replica routes');
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return { page, errors: watchErrors(page) };
}

const rowsOf = (card: Awaited<ReturnType<typeof cardWithText>>) =>
  card.$$eval('.tea-table__body tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

// ------------------------------------------------------------------ offline push finder + user status checker

async function pushAndStatus(ctx: CheckContext, site: Site) {
  const { page, errors } = await consoleTab(ctx);
  await gotoConsole(page, `${site.origin}/im/tool-push-check`);
  const pushCard = await cardWithText(page, site.pushTool);
  const statusCard = await cardWithText(page, site.statusTool);
  await fill(page, (await pushCard.$('input'))!, 'dave');
  await clickButton(page, site.getDevices, pushCard);
  await poll('two devices', async () => (await rowsOf(pushCard)).length, (n) => n === 2);
  await clickButton(page, site.startTest, pushCard);
  await pushCard.waitForSelector('.tea-alert--error', { visible: true, timeout: 45_000 });

  // What the page shows.
  const shownRows = await rowsOf(pushCard);
  const chosen = await pushCard.$eval('select', (s) => (s as HTMLSelectElement).value);
  const [reason, fix] = await pushCard.$eval('.tea-alert--error', (alert) => {
    const ps = alert.querySelectorAll('p');
    return [1, 2].map((i) => ps[i]?.querySelectorAll('span')[1]?.textContent?.trim());
  });
  assert.ok(reason && fix, 'the console shows a reason and a fix');

  for (const full of [false, true]) {
    const r = await copyJson(page, 'offline-push', full);
    expectCommon(r, site, '/im/tool-push-check', full ? 'full' : 'masked');
    assertEqual(r.missing, []);
    assert.equal(r.data.userId, 'dave');
    assert.equal(r.data.selectedCertificate, chosen);
    assertEqual(
      r.data.devices?.map((d) => [d.certificateId, d.vendorLabel, d.token, d.reportedAt]),
      shownRows.map((row) => [row[0], row[1], full ? row[2] : maskSecret(row[2]!), row[3]]),
      `devices (${full ? 'full' : 'masked'})`,
    );
    assertEqual(r.data.devices?.map((d) => d.platform), ['ios', 'android']);
    assertMatch(r.data.testResult, { ok: false, reason, fix }, 'testResult');
  }

  const md = (await copyReport(page, 'offline-push')).text;
  expectMasked(md, shownRows.map((row) => row[2]!));
  assert.ok(md.includes(`## ${site.lang === 'zh' ? 'IM Console Helper 诊断信息：离线推送定位工具' : 'IM Console Helper diagnostics: Offline push issue finder'}`), 'heading');
  for (const row of shownRows) {
    const line = `| \`${row[0]}\` | ${row[1]} | ${row[0] === '15001' ? 'iOS' : 'Android'} | \`${maskSecret(row[2]!)}\` | ${row[3]} |`;
    assert.ok(md.includes(line), `Markdown row ${line}`);
  }
  for (const s of [reason, fix, site.host, '`1400000001`', VERSION]) assert.ok(md.includes(s), `Markdown has ${s}`);
  assert.match(md, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  assert.match(md, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);

  const { text: plain, panel } = await copyReport(page, 'offline-push', { format: 'text', full: true });
  assert.ok(panel.statusText.includes(site.copied), `status says ${site.copied}: ${panel.statusText}`);
  for (const row of shownRows) {
    const line = `${row[0]} | ${row[1]} | ${row[0] === '15001' ? 'iOS' : 'Android'} | ${row[2]} | ${row[3]}`;
    assert.ok(plain.includes(line), `text row ${line}`);
  }
  assert.ok(!plain.includes('**'), 'no Markdown in the text format');

  // The user status checker, before and after "Get status".
  const before = await copyJson(page, 'user-status');
  assertEqual(before.missing, [
    { part: 'userId', why: 'not-shown' },
    { part: 'status', why: 'not-shown' },
  ]);
  await fill(page, (await statusCard.$('input'))!, 'alice');
  await clickButton(page, site.getStatus, statusCard);
  await statusCard.waitForSelector('.tea-status', { visible: true, timeout: 45_000 });
  const values = await statusCard.$$eval('.tea-form__controls', (els) => els.map((e) => e.textContent?.trim() ?? ''));
  const s = await copyJson(page, 'user-status');
  expectCommon(s, site, '/im/tool-push-check', 'masked');
  assertEqual(s.missing, []);
  assertEqual(s.data, {
    userId: 'alice',
    status: 'push-online',
    statusLabel: values[1],
    clientType: values[2],
    sdkVersion: values[3],
    lastLoginTime: values[4],
    conclusion: values[5],
    canReceivePush: true,
  });
  const smd = (await copyReport(page, 'user-status')).text;
  for (const v of values.slice(1)) assert.ok(smd.includes(v), `status Markdown has ${v}`);
  assert.ok(smd.includes(site.lang === 'zh' ? '可接收离线推送**: 是' : 'Can receive offline pushes**: yes'));
  assertEqual(errors, [], 'page errors');
}

// ------------------------------------------------------------------ UserSig generator + verifier

async function usersigTools(ctx: CheckContext, site: Site) {
  const { page, errors } = await consoleTab(ctx);
  await gotoConsole(page, `${site.origin}/im/tool-usersig`);
  const cards = await page.$$('section.tea-card');
  const [genCard, verCard] = cards;
  assert.ok(genCard && verCard, 'two tool cards');
  await fill(page, (await genCard.$('input'))!, 'alice');
  await clickButton(page, site.generate, genCard);
  await poll('the generated UserSig', async () => valueOf((await genCard.$('textarea'))!), (v) => v === tokens.valid!.token);

  const g = await copyJson(page, 'usersig-generator');
  expectCommon(g, site, '/im/tool-usersig', 'masked');
  assert.equal(g.data.userId, 'alice');
  assert.equal(g.data.userSig, maskSecret(tokens.valid!.token));
  assertMatch(g.data.decoded, { ok: true, sdkAppId: 1400000001, userId: 'alice', issuedAt: tokens.valid!.time, validitySeconds: tokens.valid!.expire, valid: true, problems: [] }, 'decoded');
  const gFull = await copyJson(page, 'usersig-generator', true);
  assert.equal(gFull.data.userSig, tokens.valid!.token);
  const gmd = (await copyReport(page, 'usersig-generator')).text;
  expectMasked(gmd, [tokens.valid!.token]);
  assert.ok(gmd.includes('2025-01-01 00:00:00 UTC'));

  // Verifier: an expired UserSig for alice → 70001 from the console and from our decode.
  await fill(page, (await verCard.$('input'))!, 'alice');
  await fill(page, (await verCard.$('textarea'))!, tokens.expired!.token);
  // The pre-check and decode control appear under the field and move Verify down (a layout shift
  // #15 asks to remove): press it from the keyboard, which no move can miss.
  await poll('the pre-check under the UserSig field', () => page.evaluate(() => document.querySelectorAll('[data-imch=precheck]').length), (n) => n === 1);
  await pressButton(page, site.verify, verCard);
  await verCard.waitForSelector('.tea-alert--error', { visible: true, timeout: 45_000 });
  const shown = await verCard.$$eval('.tea-alert--error dd', (dds) => dds.map((d) => d.textContent ?? ''));
  const v = await copyJson(page, 'usersig-verifier');
  expectCommon(v, site, '/im/tool-usersig', 'masked');
  assertEqual(v.missing, []);
  assertEqual(v.data.verdict, { ok: false, errorCode: Number(shown[0]), reason: shown[1], fix: shown[2] }, 'verdict');
  assert.equal(v.data.userSig, maskSecret(tokens.expired!.token));
  assertMatch(v.data.decoded, { ok: true, valid: false, issuedAt: tokens.expired!.time, problems: [{ code: 'expired', serverCode: 70001 }] }, 'decoded');
  assertMatch(v.errorCodes[0], { code: 70001, constant: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED', consoleText: shown[1] }, 'errorCodes[0]');
  const vmd = (await copyReport(page, 'usersig-verifier')).text;
  expectMasked(vmd, [tokens.expired!.token]);
  for (const s of ['`70001 (ERR_SVR_ACCOUNT_USERSIG_EXPIRED)`', shown[1]!, '2020-01-01 00:00:00 UTC']) assert.ok(vmd.includes(s), `verifier Markdown has ${s}`);
  const vtext = (await copyReport(page, 'usersig-verifier', { format: 'text', full: true })).text;
  assert.ok(vtext.includes(tokens.expired!.token), 'the full text report has the UserSig');
  assert.ok(vtext.includes('70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED'));

  // A successful verification: the console's fields as shown.
  await fill(page, (await verCard.$('textarea'))!, tokens.valid!.token);
  await clickButton(page, site.verify, verCard);
  await verCard.waitForSelector('.tea-alert--success', { visible: true, timeout: 45_000 });
  const ok = await verCard.$$eval('.tea-alert--success dd', (dds) => dds.map((d) => d.textContent ?? ''));
  const v2 = await copyJson(page, 'usersig-verifier');
  assertMatch(v2.data.verdict, { ok: true, sdkAppId: Number(ok[0]), userId: ok[1], generatedAt: ok[2], validity: ok[3], expiresAt: ok[4] }, 'verdict');
  assertMatch(v2.data.decoded, { ok: true, valid: true }, 'decoded');
  assertEqual(errors, [], 'page errors');
}

// ------------------------------------------------------------------ troubleshooting logs

async function queryLogs(page: Page, site: Site, count: number, timeoutMs = 5000) {
  await clickButton(page, site.query);
  await poll(
    `${count} log rows`,
    () => page.$$eval('.tea-table__body[aria-busy=false] tr', (trs) => trs.length),
    (n) => n === count,
    timeoutMs,
  );
}

async function logs(ctx: CheckContext, site: Site) {
  const { page, errors } = await consoleTab(ctx);
  await gotoConsole(page, `${site.origin}/im/tool-log`);
  await queryLogs(page, site, 20);
  const shown = await page.$$eval('.tea-table__body tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  const range = await page.$eval('input[readonly]', (i) => (i as HTMLInputElement).value);

  const r = await copyJson(page, 'troubleshooting-log', true);
  expectCommon(r, site, '/im/tool-log', 'full');
  assertEqual(r.missing, []);
  assertMatch(r.data.filters, { event: 'all', timeRange: range }, 'filters');
  assert.equal(r.data.rows?.length, 20);
  assertEqual(
    r.data.rows!.map((row) => [row.time, row.eventLabel, row.userId ?? '-', row.peerId ?? '-', String(row.errorCode), row.errorInfo, row.detail]),
    shown,
    'rows as shown',
  );
  assertEqual(r.errorCodes.map((e) => e.code), [10007, 10010, 20003, 70001, 70009, 70013, 90001]);
  assert.equal(r.errorCodes.find((e) => e.code === 70009)?.constant, 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY');

  const masked = await copyJson(page, 'troubleshooting-log');
  const withSig = masked.data.rows!.filter((row) => row.detail?.includes('…'));
  assert.equal(withSig.length, shown.filter((row) => /eJ/.test(row[6]!)).length, 'every UserSig in a detail is masked');
  expectMasked(JSON.stringify(masked), [tokens.expired!.token, tokens.wrongKey!.token, tokens.valid!.token]);

  const { text: csv, panel } = await copyReport(page, 'troubleshooting-log', { format: 'csv' });
  assertEqual(panel.formats, ['markdown', 'text', 'json', 'csv']);
  assert.ok(panel.statusText.includes('20'), `status counts 20 rows: ${panel.statusText}`);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 21, 'CSV: header + 20 rows, CRLF line ends');
  assert.equal(lines[0], 'time,event,eventLabel,userId,peerId,errorCode,errorMeaning,errorInfo,detail');
  // Details are JSON: quoted, with doubled quotes.
  assert.ok(lines[1]!.includes('"{""Platform""'), String(lines[1]));
  assert.ok(lines[1]!.startsWith(`${shown[0]![0]},login,`), String(lines[1]));
  // Group IDs keep their @TGS# (no formula guard on them).
  assert.ok(csv.includes(',@TGS#2C5SZEAEF,'));

  const md = (await copyReport(page, 'troubleshooting-log')).text;
  const tableRows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
  assert.equal(tableRows.length, 21);
  for (const [i, row] of shown.entries()) assert.ok(tableRows[i + 1]!.includes(`| ${row[0]} | ${row[1]} |`), `Markdown row ${i + 1}`);
  assert.ok(md.includes('`70001` `ERR_SVR_ACCOUNT_USERSIG_EXPIRED`'));
  assertEqual(errors, [], 'page errors');
}

// ------------------------------------------------------------------ partial pages

async function partial(ctx: CheckContext, site: Site) {
  const { page, errors } = await consoleTab(ctx);
  // Before any action: nothing but the empty forms.
  await gotoConsole(page, `${site.origin}/im/tool-push-check`);
  const push = await copyJson(page, 'offline-push');
  assertEqual(push.missing, [
    { part: 'userId', why: 'not-shown' },
    { part: 'devices', why: 'not-shown' },
  ]);
  const md = await copyReport(page, 'offline-push');
  assert.ok(md.text.includes(site.partial), 'the report says partial');
  assert.ok(md.panel.text.includes(site.partial), 'the panel says partial');

  // The broken variants: whatever the page model still finds gets a partial report.
  for (const path of ['/im/tool-push-check?broken=1', '/im/tool-usersig?broken=1', '/im/tool-log?broken=1']) {
    await page.goto(`${site.origin}${path}`, { waitUntil: 'load', timeout: 45_000 });
    await page.waitForSelector('[data-imch=diagnostics]', { timeout: 45_000 });
    const tools = await page.$$eval('[data-imch=diagnostics]', (els) => els.map((e) => e.getAttribute('data-tool') as Tool));
    assert.ok(tools.length > 0, `${path}: a diagnostics control`);
    for (const tool of tools) {
      const r = await copyJson(page, tool);
      assert.ok(r.missing.length > 0, `${path} ${tool}: something is missing`);
      const text = (await copyReport(page, tool, { format: 'text' })).text;
      assert.ok(text.includes(site.partial), `${path} ${tool}: the text report says partial`);
    }
  }
  assertEqual(errors, [], 'page errors');
}

// ------------------------------------------------------------------ screenshots

async function screenshots(ctx: CheckContext, site: Site) {
  const { page, errors } = await consoleTab(ctx);
  await gotoConsole(page, `${site.origin}/im/tool-push-check`);
  const pushCard = await cardWithText(page, site.pushTool);
  await fill(page, (await pushCard.$('input'))!, 'dave');
  await clickButton(page, site.getDevices, pushCard);
  await poll('two devices', async () => (await rowsOf(pushCard)).length, (n) => n === 2);
  await clickButton(page, site.startTest, pushCard);
  await pushCard.waitForSelector('.tea-alert--error', { visible: true, timeout: 45_000 });
  // '-' on the clipboard first (Ctrl+C moves focus, so before the panel opens with Copy focused).
  const clipboard = new PasteClipboard(page);
  await clipboard.write('-');
  await openPanel(page, 'offline-push');
  ctx.log(`screenshot: ${await ctx.screenshot(page, `diagnostics-panel-${site.lang}`)}`);
  // The example report of the README: what Enter copies here.
  await page.keyboard.press('Enter');
  await poll('copied', async () => (await panelOf(page, 'offline-push'))?.status, (s) => s === 'copied');
  const example = await clipboard.read();
  assert.match(example, new RegExp(`^## ${site.lang === 'zh' ? 'IM Console Helper 诊断信息：离线推送定位工具' : 'IM Console Helper diagnostics: Offline push issue finder'}\\n`));
  assert.ok(example.includes(`\`${maskSecret('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90')}\``), 'dave\'s APNs token, masked');
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS_DIR, `diagnostics-example-${site.lang}.md`), example);
  ctx.log(`example report: ${example.split('\n').length} lines`);
  ctx.log(`screenshot: ${await ctx.screenshot(page, `diagnostics-panel-copied-${site.lang}`)}`);
  await closePanel(page, 'offline-push');

  await gotoConsole(page, `${site.origin}/im/tool-log`);
  await queryLogs(page, site, 20);
  await openPanel(page, 'troubleshooting-log');
  await clickInPanel(page, 'troubleshooting-log', 'data-format', 'csv');
  await poll('CSV chosen', async () => (await panelOf(page, 'troubleshooting-log'))?.format, (f) => f === 'csv');
  await page.evaluate(() => window.scrollTo(0, 0));
  ctx.log(`screenshot: ${await screenshotFull(page, `diagnostics-panel-log-${site.lang}`, false)}`);
  assertEqual(errors, [], 'page errors');
}

const checks: Check[] = SITES.flatMap((site) => [
  {
    name: `diagnostics (${site.lang}): offline push finder and user status checker`,
    mirrors: [`diagnostics (${site.lang}) › offline push finder and user status checker`],
    timeoutMs: 60_000,
    run: (ctx: CheckContext) => pushAndStatus(ctx, site),
  },
  {
    name: `diagnostics (${site.lang}): UserSig generator and verifier, with our own decode`,
    mirrors: [`diagnostics (${site.lang}) › UserSig generator and verifier, with our own decode`],
    timeoutMs: 60_000,
    run: (ctx: CheckContext) => usersigTools(ctx, site),
  },
  {
    name: `diagnostics (${site.lang}): troubleshooting logs, query and rows in every format`,
    mirrors: [`diagnostics (${site.lang}) › troubleshooting logs: query and rows in every format`],
    timeoutMs: 45_000,
    run: (ctx: CheckContext) => logs(ctx, site),
  },
  {
    name: `diagnostics (${site.lang}): partial pages give partial reports, never errors`,
    mirrors: [`diagnostics (${site.lang}) › partial pages give partial reports, never errors`],
    timeoutMs: 60_000,
    run: (ctx: CheckContext) => partial(ctx, site),
  },
  {
    name: `diagnostics (${site.lang}): screenshots of the panel`,
    mirrors: [`diagnostics (${site.lang}) › screenshots of the panel (${site.lang})`],
    timeoutMs: 40_000,
    run: (ctx: CheckContext) => screenshots(ctx, site),
  },
]);

export default checks;

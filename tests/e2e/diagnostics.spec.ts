// "Copy diagnostics" on every console tool replica, in both languages: the report that lands on
// the clipboard says what the page shows, field by field, in each format, masked and in full;
// partial pages give partial reports, never errors; a 5,000-row log copies fast.
import type { CDPSession, Locator, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { Clipboard, Measure } from './fixtures.ts';
import { attr, clickInPanel, findAll, readPrecheck, textOf, withDiagnosticsHost } from './helpers/shadow.ts';
import { maskSecret } from '../../lib/diagnostics/mask.ts';
import { parseDiagnostics, type Diagnostics, type DiagnosticsOf } from '../../lib/diagnostics/schema.ts';
import { DIAGNOSTICS_SITES as SITES } from '../fixtures/console/diagnostics-sites.ts';
import { CLIPBOARD_MARKER, copyTiming, watchCopyAfterNextKey } from '../shared/diagnostics-timing.ts';
import { calibrate } from '../shared/calibration.ts';
import { waitForCountInPage } from './helpers/settled.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const tokens = fixtures.tokens as Record<string, { token: string; time: number; expire: number; userId: string; sdkAppId: number }>;
const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

type Tool = Diagnostics['tool'];

// ------------------------------------------------------------------ our closed shadow roots, via CDP


/** The panel of a tool's diagnostics control: its state, attributes and texts. */
async function panelOf(page: Page, tool: Tool) {
  return withDiagnosticsHost(page, tool, async (_cdp, host) => {
    const shadow = host?.shadowRoots?.[0];
    const panel = shadow ? findAll(shadow, (n) => attr(n, 'role') === 'dialog')[0] : undefined;
    if (!panel) return undefined;
    const one = (name: string) => findAll(panel, (n) => attr(n, name) !== undefined)[0];
    return {
      state: attr(panel, 'data-state'),
      format: attr(panel, 'data-format'),
      tokens: attr(panel, 'data-tokens'),
      text: textOf(panel),
      preview: one('data-preview') ? textOf(one('data-preview')!) : '',
      status: one('data-status') ? attr(one('data-status')!, 'data-status') : undefined,
      statusText: one('data-status') ? textOf(one('data-status')!) : '',
      formats: findAll(panel, (n) => attr(n, 'data-format') !== undefined && n.nodeName === 'BUTTON').map((n) => attr(n, 'data-format')),
    };
  });
}

const hostLocator = (page: Page, tool: Tool) => page.locator(`[data-imch=diagnostics][data-tool=${tool}]`);

async function openPanel(page: Page, tool: Tool) {
  await expect(hostLocator(page, tool)).toHaveCount(1, { timeout: 45_000 });
  await hostLocator(page, tool).click();
  await expect.poll(async () => (await panelOf(page, tool))?.state, { timeout: 30_000 }).toBe('ready');
}

async function closePanel(page: Page, tool: Tool) {
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await panelOf(page, tool))?.state).toBeUndefined();
}

/**
 * Opens the tool's panel, picks the format and the token switch with real clicks, copies and
 * returns the clipboard. With the defaults (Markdown, masked) the copy is the keyboard path: the
 * Copy button has focus when the panel opens, Enter copies.
 */
async function copyReport(page: Page, clipboard: Clipboard, tool: Tool, opts: { format?: 'markdown' | 'text' | 'json' | 'csv'; full?: boolean } = {}) {
  await clipboard.write('-', page);
  await openPanel(page, tool);
  if (opts.format && opts.format !== 'markdown') {
    await clickInPanel(page, tool, 'data-format', opts.format);
    await expect.poll(async () => (await panelOf(page, tool))?.format).toBe(opts.format);
  }
  if (opts.full) {
    await clickInPanel(page, tool, 'data-action', 'full');
    await expect.poll(async () => (await panelOf(page, tool))?.tokens).toBe('full');
    await clickInPanel(page, tool, 'data-action', 'copy');
  } else if (opts.format && opts.format !== 'markdown') {
    await clickInPanel(page, tool, 'data-action', 'copy');
  } else {
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await panelOf(page, tool))?.status).toBe('copied');
  const panel = (await panelOf(page, tool))!;
  const text = await clipboard.read(page);
  await closePanel(page, tool);
  return { text, panel };
}

async function copyJson<K extends Tool>(page: Page, clipboard: Clipboard, tool: K, full = false): Promise<DiagnosticsOf<K>> {
  const { text } = await copyReport(page, clipboard, tool, { format: 'json', full });
  const parsed = parseDiagnostics(JSON.parse(text));
  if (!parsed.ok) throw new Error(`the JSON report does not fit the schema: ${parsed.error}`);
  expect(parsed.record.tool).toBe(tool);
  return parsed.record as DiagnosticsOf<K>;
}

function expectCommon(r: Diagnostics, site: (typeof SITES)[number], path: string, tokensMode: 'masked' | 'full') {
  expect(r.console).toEqual({ host: site.host, path, lang: site.lang });
  expect(r.sdkAppId).toBe(1400000001);
  expect(r.extension.version).toBe(VERSION);
  expect(r.tokens).toBe(tokensMode);
  expect(Math.abs(Date.parse(r.capturedAt.utc) - Date.now())).toBeLessThan(120_000);
  expect(r.capturedAt.local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/);
}

/** No 64-hex key-like string and no whole UserSig in a masked report. */
function expectMasked(text: string, secrets: string[]) {
  for (const s of secrets) expect(text).not.toContain(s);
  expect(text).not.toMatch(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i);
}

/**
 * Waits for what our features put under the verifier's UserSig field (the pre-check with its
 * verdict, the decode control), as a user sees them before verifying. They move Verify down as
 * they appear (and again as the pre-check's code details load), so Verify is pressed from the
 * keyboard, as the Firefox check does: no move can make a key press miss.
 */
async function precheckSettled(page: Page, card: Locator, expired: boolean) {
  await expect(card.locator('[data-imch=precheck]')).toHaveCount(1);
  await expect.poll(async () => (await readPrecheck(page)).verdict).toBe(expired ? 'problem' : 'pass');
  await expect(card.locator('[data-imch=decode]')).toHaveCount(1);
}

async function type(page: Page, selector: string, value: string) {
  const input = page.locator(selector);
  await input.waitFor();
  await input.fill(value);
}

// ------------------------------------------------------------------ the tools

for (const site of SITES) {
  test.describe(`diagnostics (${site.lang})`, () => {
    test.use({ failOnPageErrors: true });
    test.beforeEach(async ({ serveConsole }) => {
      await serveConsole();
    });

    test('offline push finder and user status checker', async ({ page, clipboard }) => {
      await page.goto(`${site.origin}/im/tool-push-check`);
      const pushCard = page.locator('section.tea-card').filter({ hasText: site.pushTool });
      const statusCard = page.locator('section.tea-card').filter({ hasText: site.statusTool });
      await pushCard.locator('input').fill('dave');
      await pushCard.getByRole('button', { name: site.getDevices }).click();
      await expect(pushCard.locator('.tea-table__body tr')).toHaveCount(2);
      await pushCard.getByRole('button', { name: site.startTest }).click();
      await expect(pushCard.locator('.tea-alert--error')).toBeVisible();

      // What the page shows.
      const shownRows = await pushCard.locator('.tea-table__body tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
      const chosen = await pushCard.locator('select').inputValue();
      const reason = (await pushCard.locator('.tea-alert--error p').nth(1).locator('span').nth(1).textContent())?.trim();
      const fix = (await pushCard.locator('.tea-alert--error p').nth(2).locator('span').nth(1).textContent())?.trim();

      for (const full of [false, true]) {
        const r = await copyJson(page, clipboard, 'offline-push', full);
        expectCommon(r, site, '/im/tool-push-check', full ? 'full' : 'masked');
        expect(r.missing).toEqual([]);
        expect(r.data.userId).toBe('dave');
        expect(r.data.selectedCertificate).toBe(chosen);
        expect(r.data.devices?.map((d) => [d.certificateId, d.vendorLabel, full ? d.token : d.token, d.reportedAt])).toEqual(
          shownRows.map((row) => [row[0], row[1], full ? row[2] : maskSecret(row[2]!), row[3]]),
        );
        expect(r.data.devices?.map((d) => d.platform)).toEqual(['ios', 'android']);
        expect(r.data.testResult).toMatchObject({ ok: false, reason, fix });
      }

      const md = (await copyReport(page, clipboard, 'offline-push')).text;
      expectMasked(md, shownRows.map((row) => row[2]!));
      expect(md).toContain(`## ${site.lang === 'zh' ? 'IM Console Helper 诊断信息：离线推送定位工具' : 'IM Console Helper diagnostics: Offline push issue finder'}`);
      for (const row of shownRows) expect(md).toContain(`| \`${row[0]}\` | ${row[1]!.replace(/[()]/g, (c) => c)} | ${row[0] === '15001' ? 'iOS' : 'Android'} | \`${maskSecret(row[2]!)}\` | ${row[3]} |`);
      expect(md).toContain(reason!);
      expect(md).toContain(fix!);
      expect(md).toContain(site.host);
      expect(md).toContain(`\`1400000001\``);
      expect(md).toContain(VERSION);
      expect(md).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
      expect(md).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);

      const { text: plain, panel } = await copyReport(page, clipboard, 'offline-push', { format: 'text', full: true });
      expect(panel.statusText).toContain(site.copied);
      for (const row of shownRows) expect(plain).toContain(`${row[0]} | ${row[1]} | ${row[0] === '15001' ? 'iOS' : 'Android'} | ${row[2]} | ${row[3]}`);
      expect(plain).not.toContain('**');

      // The user status checker, before and after "Get status".
      const before = await copyJson(page, clipboard, 'user-status');
      expect(before.missing).toEqual([{ part: 'userId', why: 'not-shown' }, { part: 'status', why: 'not-shown' }]);
      await statusCard.locator('input').fill('alice');
      await statusCard.getByRole('button', { name: site.getStatus }).click();
      await expect(statusCard.locator('.tea-status')).toBeVisible();
      const values = await statusCard.locator('.tea-form__controls').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));
      const s = await copyJson(page, clipboard, 'user-status');
      expectCommon(s, site, '/im/tool-push-check', 'masked');
      expect(s.missing).toEqual([]);
      expect(s.data).toEqual({
        userId: 'alice',
        status: 'push-online',
        statusLabel: values[1],
        clientType: values[2],
        sdkVersion: values[3],
        lastLoginTime: values[4],
        conclusion: values[5],
        canReceivePush: true,
      });
      const smd = (await copyReport(page, clipboard, 'user-status')).text;
      for (const v of values.slice(1)) expect(smd).toContain(v!);
      expect(smd).toContain(site.lang === 'zh' ? '可接收离线推送**: 是' : 'Can receive offline pushes**: yes');
    });

    test('UserSig generator and verifier, with our own decode', async ({ page, clipboard }) => {
      await page.goto(`${site.origin}/im/tool-usersig`);
      const genCard = page.locator('section.tea-card').first();
      const verCard = page.locator('section.tea-card').nth(1);
      await genCard.locator('input').fill('alice');
      await genCard.getByRole('button', { name: site.generate }).click();
      await expect(genCard.locator('textarea')).toHaveValue(tokens.valid!.token);

      const g = await copyJson(page, clipboard, 'usersig-generator');
      expectCommon(g, site, '/im/tool-usersig', 'masked');
      expect(g.data.userId).toBe('alice');
      expect(g.data.userSig).toBe(maskSecret(tokens.valid!.token));
      expect(g.data.decoded).toMatchObject({ ok: true, sdkAppId: 1400000001, userId: 'alice', issuedAt: tokens.valid!.time, validitySeconds: tokens.valid!.expire, valid: true, problems: [] });
      const gFull = await copyJson(page, clipboard, 'usersig-generator', true);
      expect(gFull.data.userSig).toBe(tokens.valid!.token);
      const gmd = (await copyReport(page, clipboard, 'usersig-generator')).text;
      expectMasked(gmd, [tokens.valid!.token]);
      expect(gmd).toContain('2025-01-01 00:00:00 UTC');

      // Verifier: an expired UserSig for alice → 70001 from the console and from our decode.
      await verCard.locator('input').fill('alice');
      await verCard.locator('textarea').fill(tokens.expired!.token);
      await precheckSettled(page, verCard, true);
      await verCard.getByRole('button', { name: site.verify }).press('Enter');
      await expect(verCard.locator('.tea-alert--error')).toBeVisible();
      const shown = await verCard.locator('.tea-alert--error dd').allTextContents();
      const v = await copyJson(page, clipboard, 'usersig-verifier');
      expectCommon(v, site, '/im/tool-usersig', 'masked');
      expect(v.missing).toEqual([]);
      expect(v.data.verdict).toEqual({ ok: false, errorCode: Number(shown[0]), reason: shown[1], fix: shown[2] });
      expect(v.data.userSig).toBe(maskSecret(tokens.expired!.token));
      expect(v.data.decoded).toMatchObject({ ok: true, valid: false, issuedAt: tokens.expired!.time, problems: [{ code: 'expired', serverCode: 70001 }] });
      expect(v.errorCodes[0]).toMatchObject({ code: 70001, constant: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED', consoleText: shown[1] });
      const vmd = (await copyReport(page, clipboard, 'usersig-verifier')).text;
      expectMasked(vmd, [tokens.expired!.token]);
      expect(vmd).toContain('`70001 (ERR_SVR_ACCOUNT_USERSIG_EXPIRED)`');
      expect(vmd).toContain(shown[1]!);
      expect(vmd).toContain('2020-01-01 00:00:00 UTC');
      const vtext = (await copyReport(page, clipboard, 'usersig-verifier', { format: 'text', full: true })).text;
      expect(vtext).toContain(tokens.expired!.token);
      expect(vtext).toContain('70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED');

      // A successful verification: the console's fields as shown.
      await verCard.locator('textarea').fill(tokens.valid!.token);
      await precheckSettled(page, verCard, false);
      await verCard.getByRole('button', { name: site.verify }).press('Enter');
      await expect(verCard.locator('.tea-alert--success')).toBeVisible();
      const ok = await verCard.locator('.tea-alert--success dd').allTextContents();
      const v2 = await copyJson(page, clipboard, 'usersig-verifier');
      expect(v2.data.verdict).toMatchObject({ ok: true, sdkAppId: Number(ok[0]), userId: ok[1], generatedAt: ok[2], validity: ok[3], expiresAt: ok[4] });
      expect(v2.data.decoded).toMatchObject({ ok: true, valid: true });
    });

    test('troubleshooting logs: query and rows in every format', async ({ page, clipboard }) => {
      await page.goto(`${site.origin}/im/tool-log`);
      await page.getByRole('button', { name: site.query, exact: true }).click();
      await expect(page.locator('.tea-table__body[aria-busy=false] tr')).toHaveCount(20, { timeout: 45_000 });
      const shown = await page.locator('.tea-table__body tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
      const range = await page.locator('input[readonly]').inputValue();

      const r = await copyJson(page, clipboard, 'troubleshooting-log', true);
      expectCommon(r, site, '/im/tool-log', 'full');
      expect(r.missing).toEqual([]);
      expect(r.data.filters).toMatchObject({ event: 'all', timeRange: range });
      expect(r.data.rows).toHaveLength(20);
      expect(r.data.rows!.map((row) => [row.time, row.eventLabel, row.userId ?? '-', row.peerId ?? '-', String(row.errorCode), row.errorInfo, row.detail])).toEqual(shown);
      expect(r.errorCodes.map((e) => e.code)).toEqual([10007, 10010, 20003, 70001, 70009, 70013, 90001]);
      expect(r.errorCodes.find((e) => e.code === 70009)?.constant).toBe('ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY');

      const masked = await copyJson(page, clipboard, 'troubleshooting-log');
      const withSig = masked.data.rows!.filter((row) => row.detail?.includes('…'));
      expect(withSig.length).toBe(shown.filter((row) => /eJ/.test(row[6]!)).length);
      expectMasked(JSON.stringify(masked), [tokens.expired!.token, tokens.wrongKey!.token, tokens.valid!.token]);

      const { text: csv, panel } = await copyReport(page, clipboard, 'troubleshooting-log', { format: 'csv' });
      expect(panel.formats).toEqual(['markdown', 'text', 'json', 'csv']);
      expect(panel.statusText).toContain('20');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines).toHaveLength(21);
      expect(lines[0]).toBe('time,event,eventLabel,userId,peerId,errorCode,errorMeaning,errorInfo,detail');
      // Details are JSON: quoted, with doubled quotes.
      expect(lines[1]).toContain('"{""Platform""');
      expect(lines[1]!.startsWith(`${shown[0]![0]},login,`)).toBe(true);
      // Group IDs keep their @TGS# (no formula guard on them).
      expect(csv).toContain(',@TGS#2C5SZEAEF,');

      const md = (await copyReport(page, clipboard, 'troubleshooting-log')).text;
      const tableRows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
      expect(tableRows).toHaveLength(21);
      for (const [i, row] of shown.entries()) expect(tableRows[i + 1]).toContain(`| ${row[0]} | ${row[1]} |`);
      expect(md).toContain('`70001` `ERR_SVR_ACCOUNT_USERSIG_EXPIRED`');
    });

    test('partial pages give partial reports, never errors', async ({ page, clipboard }) => {
      // Before any action: nothing but the empty forms.
      await page.goto(`${site.origin}/im/tool-push-check`);
      const push = await copyJson(page, clipboard, 'offline-push');
      expect(push.missing).toEqual([{ part: 'userId', why: 'not-shown' }, { part: 'devices', why: 'not-shown' }]);
      const md = await copyReport(page, clipboard, 'offline-push');
      expect(md.text).toContain(site.partial);
      expect(md.panel.text).toContain(site.partial);

      // The broken variants: whatever the page model still finds gets a partial report.
      for (const path of ['/im/tool-push-check?broken=1', '/im/tool-usersig?broken=1', '/im/tool-log?broken=1']) {
        await page.goto(`${site.origin}${path}`);
        const hosts = page.locator('[data-imch=diagnostics]');
        await expect(hosts.first()).toBeAttached({ timeout: 45_000 });
        const tools = await hosts.evaluateAll((els) => els.map((e) => e.getAttribute('data-tool') as Tool));
        expect(tools.length).toBeGreaterThan(0);
        for (const tool of tools) {
          const r = await copyJson(page, clipboard, tool);
          expect(r.missing.length, `${path} ${tool}`).toBeGreaterThan(0);
          const text = (await copyReport(page, clipboard, tool, { format: 'text' })).text;
          expect(text).toContain(site.partial);
        }
      }
    });

    test(`screenshots of the panel (${site.lang})`, async ({ page, clipboard }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${site.origin}/im/tool-push-check`);
      const pushCard = page.locator('section.tea-card').filter({ hasText: site.pushTool });
      await pushCard.locator('input').fill('dave');
      await pushCard.getByRole('button', { name: site.getDevices }).click();
      await pushCard.getByRole('button', { name: site.startTest }).click();
      await expect(pushCard.locator('.tea-alert--error')).toBeVisible();
      await openPanel(page, 'offline-push');
      await page.screenshot({ path: `/tmp/diagnostics-panel-${site.lang}.png` });
      // The example report of the README: what Enter copies here.
      await clipboard.write('-', page);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await panelOf(page, 'offline-push'))?.status).toBe('copied');
      writeFileSync(`/tmp/diagnostics-example-${site.lang}.md`, await clipboard.read(page));
      await page.screenshot({ path: `/tmp/diagnostics-panel-copied-${site.lang}.png` });
      await closePanel(page, 'offline-push');

      await page.goto(`${site.origin}/im/tool-log`);
      await page.getByRole('button', { name: site.query, exact: true }).click();
      await expect(page.locator('.tea-table__body[aria-busy=false] tr')).toHaveCount(20, { timeout: 45_000 });
      await openPanel(page, 'troubleshooting-log');
      await clickInPanel(page, 'troubleshooting-log', 'data-format', 'csv');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/diagnostics-panel-log-${site.lang}.png` });
    });
  });
}

async function copyTime(page: Page, clipboard: Clipboard, measure: Measure, label: string, format: 'markdown' | 'csv') {
  await clipboard.write('-', page);
  await hostLocator(page, 'troubleshooting-log').click();
  await expect.poll(async () => (await panelOf(page, 'troubleshooting-log'))?.state, { timeout: 30_000 }).toBe('ready');
  if (format !== 'markdown') {
    await clickInPanel(page, 'troubleshooting-log', 'data-format', format);
    await expect.poll(async () => (await panelOf(page, 'troubleshooting-log'))?.format).toBe(format);
    // Focus back on Copy, as on open: the keyboard path.
    await clickInPanel(page, 'troubleshooting-log', 'data-preview');
    await page.keyboard.press('Tab');
  }
  await clipboard.write(CLIPBOARD_MARKER, page);
  await page.evaluate(watchCopyAfterNextKey, CLIPBOARD_MARKER);
  const calibration = calibrate();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await panelOf(page, 'troubleshooting-log'))?.status, { timeout: 30_000 }).toBe('copied');
  await expect.poll(() => page.evaluate(copyTiming)).not.toBeNaN();
  const text = await clipboard.read(page);
  const wall = await page.evaluate(copyTiming);
  await measure(`diagnostics ${label}: Enter key → on the clipboard`, Math.round(wall * 10) / 10, 'ms', calibration);
  await closePanel(page, 'troubleshooting-log');
  return { text, wall };
}

test('a 5,000-row log copies every row, in Markdown and CSV', async ({ page, serveConsole, clipboard, measure }) => {
  test.setTimeout(300_000);
  await serveConsole();
  await page.goto('https://console.cloud.tencent.com/im/tool-log?rows=5000');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  // A ceiling for a machine under heavy load (the replica renders 5,000 rows in batches), not a budget.
  await waitForCountInPage(page, '.tea-table__body[aria-busy=false]', 1, 180_000);
  await waitForCountInPage(page, '.tea-table__body tr', 5000, 10_000);
  expect(await page.evaluate(() => document.querySelectorAll('.tea-table__body tr').length)).toBe(5000);
  // Three copies: the figures table shows their spread; scripts/budgets.ts judges the median.
  for (let i = 0; i < 3; i++) {
    const { text } = await copyTime(page, clipboard, measure, '5,000 rows Markdown', 'markdown');
    expect(text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))).toHaveLength(5001);
  }
  const { text: csv } = await copyTime(page, clipboard, measure, '5,000 rows CSV', 'csv');
  expect(csv.trimEnd().split('\r\n')).toHaveLength(5001);
});

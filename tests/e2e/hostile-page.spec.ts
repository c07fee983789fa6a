// The hostile page suite (issue #12): each attack the review ran against the built extension, on a
// page served at the console origins (tests/fixtures/hostile/), must fail. Titles come from
// tests/scenarios/hostile-page.ts, which the Firefox check mirrors (attacks 8 and 9 are the popup's and
// the options page's: COVERED_ELSEWHERE there names their tests; 1, 5 and 6 are the picker suite's).
// A freeze or a long task is judged against the same page served at a non-console origin, where no
// content script runs, in the same run: figures go to the report, scripts/budgets.ts judges them.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { Clipboard, Measure } from './fixtures.ts';
import { attr, findAll, query, shadowRootsOf, withDiagnosticsHost, type CdpNode } from './helpers/shadow.ts';
import { calibrate } from '../shared/calibration.ts';
import { waitForCountInPage } from './helpers/settled.ts';
import { traceTasks, type ThreadTasks } from './helpers/thread-time.ts';
import { BOUNDED_ROWS, readBoundedRows } from '../shared/bounded-log-page.ts';
import { EAGER_CONTROLS, MAX_CONTROLS } from '../../entrypoints/console.content/features/decode-buttons/anchors.ts';
import { ATTACKS, freezeAllowed, extraLongTasksAllowed, HOSTILE_DESCRIBE } from '../scenarios/hostile-page.ts';
import {
  CONSOLE_ORIGIN,
  HOSTILE_PATHS,
  HOSTILE_TOKENS,
  PLAIN_ORIGIN,
  QUADRATIC_CELL_CHARS,
  holdsTokenRun,
  hostileFulfil,
  probeTicks,
  quadratic,
  readProbe,
  readTraces,
  repaintFrames,
} from '../fixtures/hostile/pages.ts';

const T = HOSTILE_TOKENS;
const controls = (page: Page) => page.locator('[data-imch=decode]');

/** The diagnostics panel's state and format, read through CDP (closed shadow root). */
async function diagnosticsPanel(page: Page, tool: string) {
  return withDiagnosticsHost(page, tool, async (_cdp, host) => {
    const panel = host?.shadowRoots?.[0] ? findAll(host.shadowRoots[0], (n) => attr(n, 'role') === 'dialog')[0] : undefined;
    const status = panel ? findAll(panel, (n) => attr(n, 'data-status') !== undefined)[0] : undefined;
    return panel ? { state: attr(panel, 'data-state'), format: attr(panel, 'data-format'), status: status && attr(status, 'data-status') } : undefined;
  });
}

/** A trusted click on `[name=value]` inside the tool's diagnostics panel. */
async function clickInDiagnostics(page: Page, tool: string, name: string, value: string) {
  const point = await withDiagnosticsHost(page, tool, async (cdp, host) => {
    const node = findAll(host!.shadowRoots![0]!, (n) => attr(n, name) === value)[0] as CdpNode | undefined;
    if (!node) throw new Error(`no [${name}=${value}] in the ${tool} panel`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
    const q = model.content;
    return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
  });
  await page.mouse.click(point.x, point.y);
}

/** Opens the tool's Copy diagnostics panel (ready), copies in `format` (masked) and closes it. */
async function copyDiagnostics(page: Page, clipboard: Clipboard, tool: string, format: 'markdown' | 'csv' = 'markdown'): Promise<string> {
  await clipboard.write('-', page);
  const host = page.locator(`[data-imch=diagnostics][data-tool=${tool}]`);
  await expect(host).toHaveCount(1, { timeout: 45_000 });
  await host.click();
  await expect.poll(async () => (await diagnosticsPanel(page, tool))?.state, { timeout: 30_000 }).toBe('ready');
  if (format === 'markdown') {
    await page.keyboard.press('Enter');
  } else {
    await clickInDiagnostics(page, tool, 'data-format', format);
    await expect.poll(async () => (await diagnosticsPanel(page, tool))?.format).toBe(format);
    await clickInDiagnostics(page, tool, 'data-action', 'copy');
  }
  await expect.poll(async () => (await diagnosticsPanel(page, tool))?.status).toBe('copied');
  const text = await clipboard.read(page);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await diagnosticsPanel(page, tool))?.state).toBeUndefined();
  return text;
}

/** Clicks the first decode control and waits for its panel (a dialog in its closed root). */
async function openDecodePanel(page: Page) {
  await controls(page).first().click();
  await expect.poll(async () => query((await shadowRootsOf(page, 'decode'))[0]!, 'role', 'dialog').length).toBe(1);
}

/** The same hostile page without the extension: served at a non-console origin, where no content script runs. */
async function controlRun(page: Page, path: string, ready: (p: Page) => Promise<void>, from: 'insertedAt' | 'settledAt' = 'insertedAt') {
  await page.goto(PLAIN_ORIGIN + path);
  await ready(page);
  const since = Number(await page.evaluate((key) => document.body.dataset[key], from));
  await page.evaluate(probeTicks, 100);
  expect(await page.locator('[data-imch]').count(), 'no content script on the control origin').toBe(0);
  return page.evaluate(readProbe, since);
}

async function recordLongTasks(measure: Measure, label: string, without: Awaited<ReturnType<typeof controlRun>>, withExt: Awaited<ReturnType<typeof controlRun>>, calibration: number) {
  await measure(`${label}: longest task without the extension`, without.longest, 'ms', calibration);
  await measure(`${label}: longest task with the extension`, withExt.longest, 'ms', calibration);
  await measure(`${label}: extra blocking time from the extension`, Math.max(0, withExt.blocking - without.blocking), 'ms', calibration);
  await measure(`${label}: extra long tasks from the extension`, Math.max(0, withExt.over50 - without.over50), 'tasks');
  await measure(`${label}: longest wait of the page's clock without the extension`, without.held, 'ms', calibration);
  await measure(`${label}: longest wait of the page's clock with the extension`, withExt.held, 'ms', calibration);
}

/** Thread time, raw: a busy machine deschedules a task without adding to it (helpers/thread-time.ts). */
async function recordThreadTime(measure: Measure, label: string, without: ThreadTasks, withExt: ThreadTasks) {
  await measure(`${label}: longest task's thread time without the extension`, without.longest);
  await measure(`${label}: longest task's thread time with the extension`, withExt.longest);
  await measure(`${label}: longest run of the extension's own code, thread time`, withExt.ownScript);
  test.info().annotations.push({
    type: 'thread time',
    description: `${label}: longest task ${withExt.longest.toFixed(1)} ms of CPU (${withExt.longestWall.toFixed(1)} ms wall) in ${withExt.tasks} tasks with us, ${without.longest.toFixed(1)} ms (${without.longestWall.toFixed(1)} ms wall) in ${without.tasks} without; our own code's longest run ${withExt.ownScript.toFixed(1)} ms`,
  });
}

test.describe(HOSTILE_DESCRIBE, () => {
  test.use({ failOnPageErrors: true });
  test.beforeEach(async ({ serve, serveConsole }) => {
    // The console replicas first: a route added later is asked first, so the hostile pages win.
    await serveConsole();
    for (const origin of [CONSOLE_ORIGIN, PLAIN_ORIGIN]) await serve(`${origin}/**`, hostileFulfil);
  });

  test(ATTACKS.mask, async ({ page, clipboard }) => {
    await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.mask);
    await page.getByRole('button', { name: 'Query', exact: true }).click();
    await expect(page.locator('body[data-hostile=ready]')).toBeAttached({ timeout: 45_000 });
    // The page shows the whole UserSig in each of the three rows (else the test proves nothing).
    const details = await page.locator('.tea-table__body tr td:last-child').evaluateAll((tds) => tds.slice(0, 3).map((td) => td.textContent ?? ''));
    for (const d of details) expect(holdsTokenRun(d, T.valid.token)).toBe(true);
    for (const format of ['markdown', 'csv'] as const) {
      const text = await copyDiagnostics(page, clipboard, 'troubleshooting-log', format);
      expect(text).toContain('sig=');
      expect(holdsTokenRun(text, T.valid.token), `${format} holds a 40-character run of the UserSig`).toBe(false);
    }
  });

  test(ATTACKS.quadratic, async ({ page, context, openPopup, measure }) => {
    test.setTimeout(120_000);
    const ready = async (p: Page) => {
      await waitForCountInPage(p, 'body[data-inserted-at]', 1, 30_000);
    };
    const calibration = calibrate();
    const without = await controlRun(await context.newPage(), HOSTILE_PATHS.quadratic, ready);
    await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.quadratic);
    await ready(page);
    // The UserSigs after the runs get their controls: the search went through 60 kB of `_eJ`.
    await expect(page.locator('#cell [data-imch=decode]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.locator('#sig + [data-imch=decode]')).toHaveCount(1, { timeout: 30_000 });
    await page.evaluate(probeTicks, 100);
    const withExt = await page.evaluate(readProbe, Number(await page.evaluate(() => document.body.dataset.insertedAt)));
    await recordLongTasks(measure, 'hostile 60 kB _eJ run', without, withExt, calibration);
    expect(withExt.longest, `longest task with us ${withExt.longest} ms, without ${without.longest} ms`).toBeLessThanOrEqual(freezeAllowed(without.longest, calibration));

    // A 100 kB selection handed to the popup: it still answers, with the UserSig after the run.
    const popup = await openPopup({ lang: 'en' });
    await popup.locator('#paste').fill(`${quadratic(100_000)} ${T.valid.token}`);
    await expect(popup.locator('[data-field=identifier]').first()).toContainText(T.valid.userId, { timeout: 30_000 });
    expect(QUADRATIC_CELL_CHARS).toBe(60_000);
  });

  test(ATTACKS.manyRows, async ({ page, context, measure }) => {
    test.setTimeout(300_000);
    const ready = async (p: Page) => {
      await waitForCountInPage(p, 'body[data-settled-at]', 1, 120_000);
    };
    const calibration = calibrate();
    const controlPage = await context.newPage();
    const withoutTrace = await traceTasks(controlPage);
    const without = await controlRun(controlPage, HOSTILE_PATHS.manyRows, ready, 'settledAt');
    // Left alone, the page draws nothing once settled; our controls are drawn, and on 50,000 rows
    // any frame is a long task. The baseline holds the page's own frames for a small change.
    await controlPage.evaluate(repaintFrames, 5);
    const withoutThread = await withoutTrace.stop();
    const withTrace = await traceTasks(page);
    await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.manyRows);
    await ready(page);
    await expect.poll(async () => {
      const { onScreen } = await page.evaluate(readBoundedRows);
      return onScreen.length > 0 && onScreen.every((r) => r.control);
    }, { timeout: 120_000 }).toBe(true);
    // The page's own work goes on while we place controls: its clock keeps ticking.
    await page.evaluate(probeTicks, 100);
    const withExt = await page.evaluate(readProbe, Number(await page.evaluate(() => document.body.dataset.settledAt)));
    const withThread = await withTrace.stop();
    expect(withThread.ownScript, 'our code ran on the page’s thread after it settled (else the trace proves nothing)').toBeGreaterThan(0);
    expect((await page.evaluate(readBoundedRows)).controls).toBeLessThanOrEqual(MAX_CONTROLS);
    await recordLongTasks(measure, '50,000 rows', without, withExt, calibration);
    await recordThreadTime(measure, '50,000 rows', withoutThread, withThread);
    expect(withExt.over50 - without.over50, `long tasks with us ${withExt.over50}, without ${without.over50} (speed index ${calibration})`).toBeLessThanOrEqual(extraLongTasksAllowed(calibration));
    expect(withExt.held, `the page's clock waited ${withExt.held} ms with us, ${without.held} ms without (speed index ${calibration})`).toBeLessThanOrEqual(freezeAllowed(without.held, calibration));

    // Far below the screen, nothing: the first few rows may have controls, the rest wait.
    const top = await page.evaluate(readBoundedRows);
    expect(Math.max(...top.withControl)).toBeLessThan(EAGER_CONTROLS + top.onScreen.length + 50);
    // Where the user scrolls (the middle, the end), the rows get controls, and the page still holds no more than the cap.
    for (const target of [25_000, BOUNDED_ROWS - 10]) {
      await page.evaluate((row) => document.querySelector(`[data-row="${row}"]`)!.scrollIntoView({ block: 'center' }), target);
      await expect.poll(async () => {
        const { onScreen } = await page.evaluate(readBoundedRows);
        return onScreen.length > 0 && onScreen.some((r) => r.row === target) && onScreen.every((r) => r.control);
      }, { timeout: 120_000 }).toBe(true);
      const state = await page.evaluate(readBoundedRows);
      expect(state.controls).toBeLessThanOrEqual(MAX_CONTROLS);
      expect(state.withControl.filter((r) => r > 5_000 && r < 20_000), 'rows never on screen have no control').toEqual([]);
    }
  });

  test(ATTACKS.manyPre, async ({ page, context, measure }) => {
    test.setTimeout(180_000);
    const ready = async (p: Page) => {
      await waitForCountInPage(p, 'body[data-settled-at]', 1, 60_000);
    };
    const calibration = calibrate();
    const without = await controlRun(await context.newPage(), HOSTILE_PATHS.manyPre, ready, 'settledAt');
    await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.manyPre);
    await ready(page);
    await expect(page.locator('#log [data-imch=decode]').first()).toBeAttached({ timeout: 60_000 });
    await page.evaluate(probeTicks, 100);
    const withExt = await page.evaluate(readProbe, Number(await page.evaluate(() => document.body.dataset.settledAt)));
    await recordLongTasks(measure, '10,000 UserSigs in one <pre>', without, withExt, calibration);
    expect(withExt.over50 - without.over50, `long tasks with us ${withExt.over50}, without ${without.over50} (speed index ${calibration})`).toBeLessThanOrEqual(extraLongTasksAllowed(calibration));
    expect(withExt.held, `the page's clock waited ${withExt.held} ms with us, ${without.held} ms without (speed index ${calibration})`).toBeLessThanOrEqual(freezeAllowed(without.held, calibration));
  });

  test(ATTACKS.clobber, async ({ page }) => {
    await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.clobber);
    expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__imchConsoleUi)).toBe('object');
    await generate(page);
    await openDecodePanel(page);
    await page.keyboard.press('Escape');
    // Diagnostics completes (it stayed "capturing" when the global was clobbered).
    await page.locator('[data-imch=diagnostics]').first().click();
    await expect.poll(async () => (await diagnosticsPanel(page, 'usersig-generator'))?.state ?? (await diagnosticsPanel(page, 'usersig-verifier'))?.state, { timeout: 30_000 }).toBe('ready');
    await page.keyboard.press('Escape');
    // The picker opens beside a UserID field.
    const trigger = page.locator('[data-imch=userid-picker]').first();
    await expect(trigger).toBeAttached({ timeout: 30_000 });
    await trigger.click();
    await expect.poll(async () => (await pickerShown(page)), { timeout: 30_000 }).toBe(true);
  });

  test(ATTACKS.traces, async ({ page, clipboard }) => {
    await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.traces);
    await generate(page);
    await openDecodePanel(page);
    await page.keyboard.press('Escape');
    await copyDiagnostics(page, clipboard, 'usersig-generator');
    const trigger = page.locator('[data-imch=userid-picker]').first();
    await trigger.click();
    await expect.poll(async () => pickerShown(page), { timeout: 30_000 }).toBe(true);
    await page.keyboard.type('al');
    await page.keyboard.press('Escape');
    const traces = await page.evaluate(readTraces);
    expect(traces.entries, 'performance entries naming us').toEqual([]);
    expect(traces.observed, 'entries a buffered PerformanceObserver saw').toEqual([]);
    expect(traces.newGlobals, 'window properties added after load').toEqual([]);
  });
});

/** Generates a UserSig for alice in the replica's generator, and waits for its decode control. */
async function generate(page: Page) {
  const userId = page.locator('input').first();
  await userId.waitFor();
  await userId.fill('alice');
  await page.getByRole('button', { name: 'Generate UserSig' }).click();
  await expect(controls(page).first()).toBeAttached({ timeout: 45_000 });
}

/** The saved-UserID picker shows: its frame of ours in the page, or a listbox in its closed root. */
async function pickerShown(page: Page): Promise<boolean> {
  if (page.frames().some((f) => /^chrome-extension:\/\//.test(f.url()) && f.url() !== 'about:blank')) return true;
  const roots = await shadowRootsOf(page, 'userid-picker');
  return roots.some((r) => query(r, 'role', 'listbox').length > 0 || query(r, 'role', 'dialog').length > 0);
}

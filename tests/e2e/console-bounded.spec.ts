// Bounded work on a page full of tokens (issue #12, item 4): 50,000 log rows, each holding a
// UserSig. Decode controls appear for the rows on screen, more appear where the user scrolls,
// and rows far off screen get none beyond the first few: the number on the page stays under the
// cap. The long-task figures are the benchmark's (console.spec.ts and the lead's), not asserted here.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { EAGER_CONTROLS, MAX_CONTROLS } from '../../entrypoints/console.content/features/decode-buttons/anchors.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const TOKEN: string = fixtures.tokens.valid.token;
const ROWS = 50_000;
const URL_ = 'https://console.cloud.tencent.com/im/tool-log-bounded';

/**
 * A plain console-origin page whose script builds the log, rows in one go. Block rows of a fixed
 * height: with an auto-layout <table> of 50,000 rows, the browser's own layout takes seconds
 * for any change in a cell, ours or the page's, and the test would measure that.
 */
function logPage(): string {
  const build = `
    const body = document.querySelector('[role=rowgroup]');
    const frag = document.createDocumentFragment();
    for (let i = 0; i < ${ROWS}; i++) {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.dataset.row = String(i);
      const at = document.createElement('span');
      at.textContent = 'row ' + i + ' ';
      const cell = document.createElement('span');
      cell.textContent = '{"UserSig":"' + ${JSON.stringify(TOKEN)} + '"}';
      row.append(at, cell);
      frag.append(row);
    }
    body.append(frag);
    document.body.dataset.built = 'true';
  `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Logs</title>
<style>body{margin:0;font:13px sans-serif} [role=row]{height:24px;line-height:24px;white-space:nowrap;overflow:hidden;border-top:1px solid #ddd}</style></head>
<body><h2>Self-service troubleshooting logs</h2><div role="table"><div role="rowgroup"></div></div>
<script>${build}</script></body></html>`;
}

/** Rows on screen now, and whether each has a decode control; plus every row with one. */
async function rowsState(page: Page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-row]')];
    const withControl = rows.filter((r) => r.querySelector('[data-imch=decode]')).map((r) => Number(r.dataset.row));
    // Only rows around the scroll position: a layout read per row for 50,000 rows is the test's own cost.
    const first = Math.max(0, Math.floor(window.scrollY / (rows[1]!.getBoundingClientRect().top - rows[0]!.getBoundingClientRect().top)) - 5);
    const onScreen: { row: number; control: boolean }[] = [];
    for (let i = first; i < Math.min(rows.length, first + 200); i++) {
      const box = rows[i]!.getBoundingClientRect();
      if (box.bottom > 0 && box.top < window.innerHeight) onScreen.push({ row: i, control: !!rows[i]!.querySelector('[data-imch=decode]') });
    }
    return { onScreen, withControl, controls: document.querySelectorAll('[data-imch=decode]').length };
  });
}

test('50,000 log rows with a UserSig each: controls for the rows on screen, more after scrolling, none far off screen beyond the cap', async ({ page, serveConsole }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await serveConsole((url) => (url.startsWith(URL_) ? { status: 200, contentType: 'text/html; charset=utf-8', body: logPage() } : undefined));
  await page.goto(URL_);
  await expect(page.locator('body[data-built=true]')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('[data-row]')).toHaveCount(ROWS);

  // The rows on screen get their controls.
  await expect.poll(async () => {
    const { onScreen } = await rowsState(page);
    return onScreen.length > 0 && onScreen.every((r) => r.control);
  }, { timeout: 120_000 }).toBe(true);
  const top = await rowsState(page);
  expect(top.controls).toBeLessThanOrEqual(MAX_CONTROLS);
  // Far below the screen, nothing: the first few rows may have controls, the rest wait.
  expect(Math.max(...top.withControl)).toBeLessThan(EAGER_CONTROLS + top.onScreen.length + 50);

  // Scrolling to the middle: the rows there get controls too, and the page still holds no more than the cap.
  for (const target of [25_000, 49_990]) {
    await page.evaluate((row) => document.querySelector(`[data-row="${row}"]`)!.scrollIntoView({ block: 'center' }), target);
    await expect.poll(async () => {
      const { onScreen } = await rowsState(page);
      return onScreen.length > 0 && onScreen.some((r) => r.row === target) && onScreen.every((r) => r.control);
    }, { timeout: 120_000 }).toBe(true);
    const state = await rowsState(page);
    expect(state.controls).toBeLessThanOrEqual(MAX_CONTROLS);
    // Rows between the places looked at got none.
    expect(state.withControl.filter((r) => r > 5_000 && r < 20_000)).toEqual([]);
  }
  expect(errors).toEqual([]);
});

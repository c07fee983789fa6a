// The console features on the replica built with the console's own component library (TEA, React
// 17): tests/fixtures/console/tea, served at the documented routes and at routes the extension has
// never seen. What to do and what must show comes from tests/scenarios/console-tea.ts, which the
// Firefox run (tests/firefox/checks/console-tea.ts) reads too. Issue #11's "Done when".
import type { CDPSession, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { Clipboard } from './fixtures.ts';
import { clickInPanel, panelState, readPrecheck } from './helpers/shadow.ts';
import { maskSecret } from '../../lib/diagnostics/mask.ts';
import {
  FIRST_APP,
  LOG_FIRST_PAGE_USERSIGS,
  PRECHECKS,
  SDKAPPID_SOURCE,
  SECOND_APP,
  TEA_SITES,
  codeMatches,
  makeToken,
  reportSdkAppIdSource,
  selectorText,
  shownValues,
  teaDescribe,
  teaPages,
  toolScenarios,
  toolTitle,
  userSigsIn,
  type Field,
  type TeaSite,
  type ToolScenario,
} from '../scenarios/console-tea.ts';
import { TEA_TEXTS } from '../fixtures/console/tea/texts.ts';
import type { ToolId } from '../../lib/console/tools.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A tool's TEA card: the card whose heading starts with the tool's name (the description follows inside it). */
const cardOf = (page: Page, title: string) =>
  page.locator('.tea-card').filter({ has: page.getByRole('heading', { name: new RegExp(`^${escape(title)}`) }) });

/** The input (or textarea) of the Form.Item labelled `label` inside a card. */
const fieldIn = (card: Locator, label: string) =>
  card.locator('.tea-form__item').filter({ has: card.page().locator('.tea-form__label label', { hasText: new RegExp(`^${escape(label)}$`) }) }).locator('input, textarea').first();

const decodeControls = (scope: Page | Locator) => scope.locator('[data-imch=decode]');
const diagnosticsHost = (scope: Page | Locator, tool: ToolId) => scope.locator(`[data-imch=diagnostics][data-tool=${tool}]`);

async function fillFields(card: Locator, fields: Field[]): Promise<string[]> {
  const typed: string[] = [];
  for (const f of fields) {
    const value = typeof f.value === 'string' ? f.value : await makeToken(f.value);
    await fieldIn(card, f.label).fill(value);
    typed.push(value);
  }
  return typed;
}

/**
 * Focus and Enter, not a mouse click: a decode control or pre-check placed lazily once a field
 * scrolls into view can move the buttons below it between mouse down and up (seen in Firefox).
 */
async function pressButton(page: Page, title: string, name: string): Promise<void> {
  await cardOf(page, title).getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/** Runs a tool scenario's steps: each button, then the text of its answer (the card remounts meanwhile). */
async function runSteps(page: Page, s: ToolScenario): Promise<void> {
  for (const step of s.steps) {
    await pressButton(page, s.title, step.button);
    await expect(cardOf(page, s.title).getByText(step.after, { exact: true }).first()).toBeVisible({ timeout: 10_000 });
  }
}


// ------------------------------------------------------------------ Copy diagnostics, read through CDP




/** Copies the tool's report (Markdown by Enter, the default; or JSON), masked, and returns the clipboard. */
async function copyReport(page: Page, clipboard: Clipboard, tool: ToolId, format: 'markdown' | 'json'): Promise<string> {
  await clipboard.write('-', page);
  await expect(diagnosticsHost(page, tool)).toHaveCount(1, { timeout: 10_000 });
  await diagnosticsHost(page, tool).click();
  await expect.poll(async () => (await panelState(page, tool))?.state, { timeout: 10_000 }).toBe('ready');
  if (format === 'json') {
    await clickInPanel(page, tool, 'data-format', 'json');
    await expect.poll(async () => (await panelState(page, tool))?.format).toBe('json');
    await clickInPanel(page, tool, 'data-action', 'copy');
  } else {
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await panelState(page, tool))?.status).toBe('copied');
  const text = await clipboard.read(page);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await panelState(page, tool))?.state).toBeUndefined();
  return text;
}

async function switchApp(page: Page, site: TeaSite, to: typeof SECOND_APP) {
  await page.locator('.im-app-selector .tea-dropdown').click();
  await page.getByText(selectorText(site, to), { exact: true }).click();
  await expect(page.locator('.im-app-selector')).toContainText(selectorText(site, to));
}

// ------------------------------------------------------------------ the tests

for (const site of TEA_SITES) {
  const t = TEA_TEXTS[site.lang];

  test.describe(teaDescribe(site), () => {
    test.use({ failOnPageErrors: true });
    test.beforeEach(async ({ serveConsole }) => {
      await serveConsole();
    });

    for (const scenario of teaPages(site)) {
      test(`${scenario.page} page: every tool card shows Copy diagnostics and every UserID input gets the picker, on the documented and an unseen route`, async ({ page }) => {
        for (const { url } of scenario.urls) {
          await page.goto(url);
          for (const { tool, title } of scenario.tools) {
            await expect(cardOf(page, title)).toHaveCount(1);
            await expect(diagnosticsHost(cardOf(page, title), tool), `${url}: Copy diagnostics on ${title}`).toHaveCount(1, { timeout: 10_000 });
          }
          await expect(page.locator('[data-imch=userid-picker]'), `${url}: pickers`).toHaveCount(scenario.userIdInputs, { timeout: 10_000 });
        }
      });
    }

    for (const s of toolScenarios(site)) {
      test(`${s.tool}: the copied report holds every value the tool shows`, async ({ page, clipboard }) => {
        await page.goto(s.url);
        const card = cardOf(page, s.title);
        await expect(card).toHaveCount(1);
        const typed = await fillFields(card, s.fields);
        await runSteps(page, s);

        const shownSigs =
          s.report.shownUserSigs === 'typed'
            ? typed.filter((v) => userSigsIn(v).length > 0)
            : s.report.shownUserSigs
              ? userSigsIn(await cardOf(page, s.title).innerText())
              : [];
        if (s.report.shownUserSigs) expect(shownSigs.length, 'the page shows a UserSig').toBeGreaterThan(0);
        const shown = s.report.shown ? await cardOf(page, s.title).evaluate(shownValues, s.report.shown) : [];
        if (s.report.shown) expect(shown.length, 'the page shows the values to compare').toBeGreaterThan(0);

        const md = await copyReport(page, clipboard, s.tool, 'markdown');
        for (const value of [...s.report.contains, ...shown]) expect(md, `report holds ${value}`).toContain(value);
        for (const secret of [...s.report.masked, ...shownSigs]) {
          expect(md, 'masked report holds the masked form').toContain(maskSecret(secret));
          expect(md, 'masked report never holds the whole secret').not.toContain(secret);
        }

        const record = JSON.parse(await copyReport(page, clipboard, s.tool, 'json')) as { sdkAppId?: number; data?: Record<string, unknown> };
        expect(record.sdkAppId).toBe(FIRST_APP.sdkAppId);
        expect(reportSdkAppIdSource(record), 'the report says where the SDKAppID came from').toBe(SDKAPPID_SOURCE);
        if (s.report.data) expect(record.data).toMatchObject(s.report.data);
      });
    }

    test('decode controls beside the generated UserSig, the verifier field and the log rows, also after the table remounts', async ({ page }) => {
      const generator = toolScenarios(site).find((s) => s.tool === 'usersig-generator');
      const log = toolScenarios(site).find((s) => s.tool === 'troubleshooting-log');
      await page.goto(generator!.url);
      const genCard = cardOf(page, generator!.title);
      await fillFields(genCard, generator!.fields);
      await runSteps(page, generator!);
      await expect(decodeControls(cardOf(page, generator!.title)), 'beside the generated UserSig').toHaveCount(1, { timeout: 10_000 });

      const verCard = cardOf(page, toolTitle(site.lang, 'usersig-verifier'));
      await fieldIn(verCard, t.verifier.userSig).fill(await makeToken({ of: 'alice', app: FIRST_APP }));
      await expect(decodeControls(verCard), 'beside the verifier field').toHaveCount(1, { timeout: 10_000 });

      await page.goto(log!.url);
      await runSteps(page, log!);
      const logCard = cardOf(page, log!.title);
      await expect(decodeControls(logCard), 'one per log row with a UserSig').toHaveCount(LOG_FIRST_PAGE_USERSIGS, { timeout: 10_000 });
      // Query again: the console renders a new table; the old rows' controls go, the new rows get theirs.
      const before = await logCard.locator('tbody tr').first().elementHandle();
      await runSteps(page, log!);
      await expect.poll(() => before!.evaluate((tr) => tr.isConnected)).toBe(false);
      await expect(decodeControls(cardOf(page, log!.title)), 'after the table remounts').toHaveCount(LOG_FIRST_PAGE_USERSIGS, { timeout: 10_000 });
    });

    for (const c of PRECHECKS) {
      test(`the verifier pre-check names ${c.code} for ${c.name}, also after the card remounts and after the app is switched`, async ({ page }) => {
        const verifier = toolScenarios(site).find((s) => s.tool === 'usersig-verifier')!;
        await page.goto(verifier.url);
        const expectCode = async (when: string) => {
          await expect.poll(async () => (await readPrecheck(page)).verdict, { message: `${when}: verdict`, timeout: 10_000 }).toBe('problem');
          const { codes } = await readPrecheck(page);
          expect(codeMatches(c.code, codes[0]), `${when}: first code ${codes[0]} is ${c.code}`).toBe(true);
          await expect(cardOf(page, verifier.title).locator('[data-imch=precheck]'), `${when}: one pre-check, in the verifier card`).toHaveCount(1);
        };
        const type = async (app: typeof FIRST_APP) => {
          const card = cardOf(page, verifier.title);
          await fieldIn(card, t.userId).fill(c.userId);
          await fieldIn(card, t.verifier.userSig).fill(await makeToken({ ...c.token, app }));
        };

        await type(FIRST_APP);
        await expectCode('typed');
        // Verify: the console answers and re-renders the whole card (new inputs, new textarea).
        const textarea = await cardOf(page, verifier.title).locator('textarea').elementHandle();
        await pressButton(page, verifier.title, t.verifier.verify);
        await expect.poll(() => textarea!.evaluate((el) => el.isConnected)).toBe(false);
        await expectCode('after the card remounts');

        await switchApp(page, site, SECOND_APP);
        await type(SECOND_APP);
        await expectCode('after the app is switched');
      });
    }
  });
}

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LINT_TOKENS } from '../shared/lint-tokens.ts';

const lint = (popup: Page, code: string) => popup.locator(`[data-part=lints] [data-lint=${code}]`);

for (const lang of ['en', 'zh'] as const) {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);

  test.describe(`popup lint (${lang})`, () => {
    test('risky UserSigs from the official library list their risks with cause and fix', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(LINT_TOKENS.fractional);
      await expect(popup.locator('[data-code=schema-invalid]')).toHaveAttribute('data-server-code', '70005');
      await expect(lint(popup, 'validity-fractional').locator('h4')).toHaveText(t('Fractional validity', '有效期含小数'));
      await expect(lint(popup, 'validity-fractional').locator('[data-part=cause]')).toContainText('86400.5');
      await expect(lint(popup, 'validity-fractional').locator('[data-part=fix]')).toContainText('Math.floor');
      await popup.locator('#paste').fill(LINT_TOKENS.zeroEmail);
      await expect(popup.locator('[data-part=lints] [data-lint]')).toHaveCount(2);
      await expect(lint(popup, 'validity-zero').locator('h4')).toHaveText(t('Validity is 0', '有效期为 0'));
      await expect(lint(popup, 'userid-not-allowed')).toHaveAttribute('data-lint-field', 'TLS.identifier');
      await expect(lint(popup, 'userid-not-allowed').locator('[data-part=cause]')).toContainText('"@."');
      await expect(popup.locator('[data-part=lints] h3')).toHaveText(t('Risks in this token', '此令牌的风险'));
    });

    test('a PrivateMapKey from the official Node library reads back Zürich as Latin-1', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(LINT_TOKENS.zurich);
      await expect(popup.locator('[data-part=lints] [data-lint]')).toHaveCount(4);
      await expect(lint(popup, 'all-privileges')).toBeVisible();
      await expect(lint(popup, 'userid-not-allowed').locator('[data-part=cause]')).toContainText('"ü"');
      const account = popup.locator('[data-part=lints] [data-lint=privatemapkey-latin1][data-lint-field=account]');
      await expect(account.locator('[data-part=cause]')).toContainText(t('"Zürich"', '「Zürich」'));
      await expect(account.locator('[data-part=cause]')).toContainText('5a c3 bc 72 69 63 68');
      await expect(account.locator('[data-part=cause]')).toContainText('tls-sig-api-v2 (Node)');
      const room = popup.locator('[data-part=lints] [data-lint=privatemapkey-latin1][data-lint-field=roomStr]');
      await expect(room.locator('[data-part=cause]')).toContainText(t('"Café"', '「Café」'));
    });

    test('a plain token shows no risks', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      // The lint shows for the risky token first: its chunk has loaded before the plain one is judged.
      await popup.locator('#paste').fill(LINT_TOKENS.zeroEmail);
      await expect(lint(popup, 'validity-zero')).toBeVisible();
      await popup.locator('#paste').fill(LINT_TOKENS.clean);
      await expect(popup.locator('[data-field=identifier]')).toContainText('alice_01');
      await expect(popup.locator('[data-part=lints]')).toHaveCount(0);
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no accessibility violations with risks listed (${theme})`, async ({ openPopup }) => {
    for (const lang of ['en', 'zh'] as const) {
      const popup = await openPopup({ lang, theme });
      await popup.locator('#paste').fill(LINT_TOKENS.zurich);
      await expect(popup.locator('[data-part=lints] [data-lint]')).toHaveCount(4);
      const violations = (await new AxeBuilder({ page: popup }).analyze()).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations).toEqual([]);
      await popup.close();
    }
  });
}

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { axeViolations } from './helpers/axe.ts';
import { FUTURE_TOKEN, LINT_TOKENS } from '../shared/lint-tokens.ts';

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

    test('each fact shows once: a risk the lint explains is not warned about again beside it; other warnings stay', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(LINT_TOKENS.zurich);
      await expect(lint(popup, 'userid-not-allowed')).toBeVisible();
      await expect(popup.locator('[data-warning=identifier-not-sdk-safe]')).toHaveCount(0);
      await popup.locator('#paste').fill(FUTURE_TOKEN);
      await expect(lint(popup, 'issued-in-future').locator('h4')).toHaveText(t('Issued in the future', '签发时间在未来'));
      await expect(popup.locator('[data-warning=time-in-future]')).toHaveCount(0);
      await expect(popup.locator('[data-warning]')).toHaveCount(0);
      // A warning no lint says stays, the keyed one too: a key not in the console's format.
      await popup.locator('#verify-key').fill('not-a-console-key');
      await expect(popup.locator('[data-warning=key-format]')).toHaveText(t('Console keys are 64 lower-case hex characters; this key is not.', '控制台的密钥是 64 位小写十六进制字符，这个密钥不是。'));
      await expect(lint(popup, 'issued-in-future')).toHaveCount(1);
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
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    }
  });
}

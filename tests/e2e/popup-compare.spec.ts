import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';

const tokens = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8')).tokens;
const row = (popup: Page, field: string) => popup.locator(`[data-part=compare] tr[data-compare=${field}]`);

for (const lang of ['en', 'zh'] as const) {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);

  test.describe(`popup compare (${lang})`, () => {
    test('two tokens pasted are compared side by side, the differing fields marked', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(`${tokens.valid.token}\n${tokens.expired.token}`);
      await expect(popup.locator('[data-part=compare] h2')).toHaveText(t('Side by side', '并排对比'));
      for (const field of ['sdkAppId', 'identifier', 'version', 'alphabet']) await expect(row(popup, field)).toHaveAttribute('data-differs', 'false');
      for (const field of ['time', 'expire', 'expiresAt', 'sig']) await expect(row(popup, field)).toHaveAttribute('data-differs', 'true');
      await expect(row(popup, 'expire').locator('th')).toContainText(t('(differs)', '(不同)'));
      await expect(row(popup, 'identifier').locator('td')).toHaveText(['alice', 'alice']);
      await expect(row(popup, 'room')).toHaveCount(0);
      const server = row(popup, 'server').locator('td');
      await expect(server.nth(0)).toHaveAttribute('data-rejected', 'false');
      await expect(server.nth(0)).toHaveText(t('accepts it', '接受'));
      await expect(server.nth(1)).toHaveAttribute('data-rejected', 'true');
      await expect(server.nth(1).locator('[data-problem=expired]')).toHaveText(t('70001 · UserSig has expired', '70001 · UserSig 已过期'));
    });

    test('with the key, the comparison says which token the server rejects and why; a PrivateMapKey shows its room', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(`${tokens.privateMapKey.token}\n${tokens.otherApp.token}`);
      await popup.locator('#verify-key').fill(tokens.valid.key);
      await popup.locator('#verify-app').fill(String(tokens.valid.sdkAppId));
      const server = row(popup, 'server').locator('td');
      await expect(server.nth(1).locator('[data-problem=signature-mismatch]')).toContainText('70009');
      await expect(server.nth(1).locator('[data-problem=sdkappid-mismatch]')).toContainText('70014');
      await expect(server.nth(0)).toHaveAttribute('data-rejected', 'false');
      await expect(row(popup, 'sdkAppId')).toHaveAttribute('data-differs', 'true');
      await expect(row(popup, 'room').locator('td')).toHaveText(['1234', '—']);
      await expect(row(popup, 'privileges').locator('td').first()).toContainText('255');
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no accessibility violations comparing two tokens (${theme})`, async ({ openPopup }) => {
    for (const lang of ['en', 'zh'] as const) {
      const popup = await openPopup({ lang, theme });
      await popup.locator('#paste').fill(`${tokens.privateMapKey.token}\n${tokens.expired.token}`);
      await expect(row(popup, 'server').locator('td').nth(1)).toHaveAttribute('data-rejected', 'true');
      const violations = (await new AxeBuilder({ page: popup }).analyze()).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations).toEqual([]);
      await popup.close();
    }
  });
}

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { axeViolations } from './helpers/axe.ts';

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
      await expect(server.nth(0)).toHaveAttribute('data-server', 'unchecked');
      await expect(server.nth(0).locator('strong')).toHaveText(t('signature not checked', '签名未校验'));
      await expect(server.nth(0).locator('[data-part=keyless-checks]')).toHaveText(
        t('Checked without the key: SDKAppID not checked · UserID not checked · Expiry passed', '无需密钥的检查：SDKAppID 未检查 · UserID 未检查 · 有效期 通过'),
      );
      await expect(server.nth(1)).toHaveAttribute('data-rejected', 'true');
      await expect(server.nth(1).locator('strong')).toHaveText(t('rejects it', '拒绝'));
      await expect(server.nth(1).locator('[data-problem=expired]')).toHaveText(t('70001 · UserSig has expired', '70001 · UserSig 已过期'));
    });

    test('without the key, a token signed with another key is not said to be accepted: the signature is unchecked, the key needed; with it, 70009', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(`${tokens.valid.token}\n${tokens.wrongKey.token}`);
      const server = row(popup, 'server').locator('td');
      for (const i of [0, 1]) {
        await expect(server.nth(i)).toHaveAttribute('data-server', 'unchecked');
        await expect(server.nth(i)).not.toContainText(t('accepts it', '接受'));
        await expect(server.nth(i).locator('[data-part=needs-key]')).toHaveText(
          t('Enter the SecretKey to check the signature. Signed with another key, it is rejected (70009).', '输入 SecretKey 以校验签名。若由其他密钥签名，服务端会拒绝（70009）。'),
        );
      }
      await popup.locator('#verify-key').fill(tokens.valid.key);
      await expect(server.nth(0)).toHaveAttribute('data-server', 'accepts');
      await expect(server.nth(0)).toHaveText(t('accepts it', '接受'));
      await expect(server.nth(1)).toHaveAttribute('data-server', 'rejects');
      await expect(server.nth(1).locator('[data-problem=signature-mismatch]')).toContainText('70009');
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
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    }
  });
}

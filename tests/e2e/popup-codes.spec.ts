import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { axeViolations } from './helpers/axe.ts';

const tokens = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8')).tokens;

const entry = (popup: Page, code: number) => popup.locator(`[data-part=codes] .code-entry[data-code="${code}"]`);

// A Chat web SDK log and a REST API answer around two UserSigs: codes and tokens are found apart.
const CODES_LOG = [
  `[2026-11-21 10:00:01] TIM login user=alice userSig=${tokens.valid.token} ret=0`,
  `[2026-11-21 10:00:02] TIM login failed. code=70001 message=userSig has expired sig=${tokens.expired.token}`,
  '[2026-11-21 10:00:03] sendMessage {"ActionStatus":"FAIL","ErrorCode":20003,"ErrorInfo":"invalid To_Account"} at 1700000000',
  '[2026-11-21 10:00:04] TRTCCloudImpl: trtc_api onEnterRoom -100018, get tinyid error (room 10010)',
].join('\n');

for (const lang of ['en', 'zh'] as const) {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);

  test.describe(`popup codes (${lang})`, () => {
    test('a bare code is explained: meaning, cause, fix, product, constant and the official page', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill('70009');
      const e = entry(popup, 70009);
      await expect(popup.locator('[data-part=codes] h2')).toHaveText(t('1 error code found', '找到 1 个错误码'));
      await expect(e.locator('h3 .constant')).toHaveText('ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY');
      await expect(e.locator('h3 .tag')).toHaveText(t('Chat server', 'Chat 服务端'));
      await expect(e.locator('[data-part=meaning]')).toContainText(t('another SDKAppID', '其他 SDKAppID'));
      await expect(e.locator('[data-part=cause]')).toContainText(t('SecretKey', '密钥'));
      await expect(e.locator('[data-part=fix]')).toContainText(t('SecretKey', '密钥'));
      await expect(e.locator('a')).toHaveAttribute('href', t('https://trtc.io/document/34348', 'https://cloud.tencent.com/document/product/269/1671'));
      await expect(popup.locator('[data-part=usersig-hint]')).toBeVisible();
      await expect(popup.locator('[data-part=nothing-found]')).toHaveCount(0);
    });

    test('a TRTC code and an SDK constant name are explained', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill('-100018');
      await expect(entry(popup, -100018).locator('h3 .constant')).toHaveText('ERR_SERVER_INFO_ECDH_GET_TINYID');
      await expect(entry(popup, -100018).locator('h3 .tag')).toHaveText('TRTC');
      await popup.locator('#paste').fill('ERR_SVR_ACCOUNT_USERSIG_EXPIRED');
      await expect(entry(popup, 70001).locator('[data-part=meaning]')).toContainText(t('expired', '已过期'));
      await expect(entry(popup, -100018)).toHaveCount(0);
      await popup.locator('#paste').fill('KICKED_OUT_USERSIG_EXPIRED');
      await expect(entry(popup, 3004).locator('h3 .tag')).toHaveText('Chat SDK');
    });

    test('a log shows every code found beside the UserSigs found', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(CODES_LOG);
      await expect(popup.locator('[data-part=token-list] > details')).toHaveCount(2);
      await expect(popup.locator('[data-part=codes] .code-entry')).toHaveCount(3);
      const codes = await popup.locator('[data-part=codes] .code-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(codes).toEqual(['70001', '20003', '-100018']);
      await expect(popup.locator('[data-part=codes] h2')).toHaveText(t('3 error codes found', '找到 3 个错误码'));
    });

    test('an unknown code says so plainly, with the official page to check', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill('70777');
      const e = entry(popup, 70777);
      await expect(e).toHaveAttribute('data-known', 'false');
      await expect(e).toContainText(t('not in the dictionary', '词典中没有'));
      await expect(e.locator('a')).toHaveAttribute('href', t('https://trtc.io/document/34348', 'https://cloud.tencent.com/document/product/269/1671'));
      await expect(e.locator('[data-part=meaning]')).toHaveCount(0);
    });

    test('a problem card expands to the full entry of its server code', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await popup.locator('#paste').fill(tokens.expired.token);
      const card = popup.locator('[data-code=expired]');
      await expect(card.locator('[data-part=code-details] > summary')).toHaveText(t('Error code 70001 explained', '错误码 70001 详解'));
      await expect(card.locator('.code-entry')).toHaveCount(0);
      await card.locator('[data-part=code-details] > summary').click();
      const full = card.locator('.code-entry[data-code="70001"]');
      await expect(full.locator('h4 .constant')).toHaveText('ERR_SVR_ACCOUNT_USERSIG_EXPIRED');
      await expect(full.locator('[data-part=fix]')).toContainText('24');
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no accessibility violations with codes explained (${theme})`, async ({ openPopup }) => {
    for (const lang of ['en', 'zh'] as const) {
      const popup = await openPopup({ lang, theme });
      await popup.locator('#paste').fill(`${CODES_LOG}\nerror_code: 70777`);
      await expect(popup.locator('[data-part=codes] .code-entry')).toHaveCount(4);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.locator('#paste').fill(tokens.expired.token);
      await popup.locator('[data-part=code-details] > summary').click();
      await expect(popup.locator('.problem .code-entry')).toHaveCount(1);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    }
  });
}

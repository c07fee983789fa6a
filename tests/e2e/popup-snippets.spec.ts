import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { axeViolations } from './helpers/axe.ts';

const tokens = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8')).tokens;
const APP = String(tokens.valid.sdkAppId);
const KEY: string = tokens.valid.key;

const code = (popup: Page, language: string) => popup.locator(`[data-part=snippets] [data-snippet=${language}] [data-part=code]`);

async function generateUserSig(popup: Page, t: <T>(en: T, zh: T) => T) {
  await popup.getByRole('tab', { name: t('Generate', '生成') }).click();
  await popup.locator('#gen-app').fill(APP);
  await popup.locator('#gen-user').fill('zoe');
  await popup.locator('#gen-key').fill(KEY);
  await popup.getByRole('button', { name: t('Generate', '生成'), exact: true }).click();
  await expect(popup.locator('#gen-output')).toHaveValue(/^eJ/);
}

for (const lang of ['en', 'zh'] as const) {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);

  test.describe(`popup server snippets (${lang})`, () => {
    test('a generated UserSig comes with server code for six official libraries, the key left out', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await generateUserSig(popup, t);
      await expect(popup.locator('[data-part=snippets] [data-snippet]')).toHaveCount(6);
      await expect(popup.locator('[data-part=snippets] h3')).toHaveText(t('The same token on your server', '在服务端生成同样的令牌'));
      await popup.locator('[data-snippet=node] > summary').click();
      await expect(code(popup, 'node')).toContainText(`new TLSSigAPIv2.Api(${APP}, process.env.TLS_SECRET_KEY)`);
      await expect(code(popup, 'node')).toContainText('api.genUserSig("zoe", 15552000)');
      await expect(popup.locator('[data-snippet=node] [data-part=install]')).toHaveText('npm install tls-sig-api-v2');
      await expect(code(popup, 'go')).toContainText(`tencentyun.GenUserSig(${APP}, os.Getenv("TLS_SECRET_KEY"), "zoe", 15552000)`);
      await expect(code(popup, 'csharp')).toContainText('api.genUserSig("zoe", 15552000)');
      expect(await popup.locator('[data-part=snippets]').textContent()).not.toContain(KEY);
    });

    test('each Copy button names the code it copies', async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await generateUserSig(popup, t);
      const names = ['Node.js', 'Go', 'Java', 'Python', 'PHP', 'C#'];
      for (const [i, language] of ['node', 'go', 'java', 'python', 'php', 'csharp'].entries()) {
        await popup.locator(`[data-snippet=${language}] > summary`).click();
        const button = popup.locator(`[data-snippet=${language}]`).getByRole('button', { name: t(`Copy the ${names[i]} code`, `复制 ${names[i]} 代码`), exact: true });
        await expect(button).toBeVisible();
        await expect(button).toHaveText(t('Copy', '复制'));
      }
    });

    test("a PrivateMapKey's server code carries its room and privileges", async ({ openPopup }) => {
      const popup = await openPopup({ lang });
      await generateUserSig(popup, t);
      await popup.getByLabel(t('PrivateMapKey (TRTC room)', 'PrivateMapKey（TRTC 房间）')).check();
      await popup.getByLabel(t('Room string', '房间号（字符串）')).check();
      await popup.locator('#gen-room').fill('room-42');
      await popup.getByRole('button', { name: t('Audience', '观众') }).click();
      await popup.getByRole('button', { name: t('Generate', '生成'), exact: true }).click();
      await expect(code(popup, 'python')).toContainText('api.genPrivateMapKeyWithStringRoomID("zoe", 15552000, "room-42", 42)');
      await expect(code(popup, 'php')).toContainText("$api->genPrivateMapKeyWithStringRoomID('zoe', 15552000, 'room-42', 42);");
      await expect(code(popup, 'java')).toContainText('api.genPrivateMapKeyWithStringRoomID("zoe", 15552000L, "room-42", 42);');
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no accessibility violations with server snippets shown (${theme})`, async ({ openPopup }) => {
    for (const lang of ['en', 'zh'] as const) {
      const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
      const popup = await openPopup({ lang, theme });
      await generateUserSig(popup, t);
      await popup.locator('[data-snippet=go] > summary').click();
      await expect(code(popup, 'go')).toBeVisible();
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    }
  });
}

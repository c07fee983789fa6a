import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check } from '../harness.ts';
import { APP, KEY, byLabel, byRole, check, click, expectCount, expectText, expectValue, fill, openPopup, resetPopupStorage, axeViolations, popupPathChecks, type PopupPath } from '../popup-helpers.ts';

/**
 * tests/e2e/popup-snippets.spec.ts in Firefox ESR: the same tokens generated with real clicks, the
 * same server code asserted on the same elements, in both languages, and the same axe scans light
 * and dark. One check per e2e test.
 */

const code = (language: string) => `[data-part=snippets] [data-snippet=${language}] [data-part=code]`;

async function generateUserSig(popup: Page, t: <T>(en: T, zh: T) => T): Promise<void> {
  await click(await byRole(popup, 'tab', t('Generate', '生成')));
  await fill(popup, '#gen-app', APP);
  await fill(popup, '#gen-user', 'zoe');
  await fill(popup, '#gen-key', KEY);
  await click(await byRole(popup, 'button', t('Generate', '生成'), { exact: true }));
  await expectValue(popup, '#gen-output', /^eJ/);
}

async function open(popup: Page, language: string): Promise<void> {
  await click((await popup.waitForSelector(`[data-snippet=${language}] > summary`))!);
}

type Path = PopupPath;

const PATHS: Path[] = [
  {
    title: 'a generated UserSig comes with server code for six official libraries, the key left out',
    async run(popup, t) {
      await generateUserSig(popup, t);
      await expectCount(popup, '[data-part=snippets] [data-snippet]', 6);
      await expectText(popup, '[data-part=snippets] h3', { equals: t('The same token on your server', '在服务端生成同样的令牌') });
      await open(popup, 'node');
      await expectText(popup, code('node'), { contains: `new TLSSigAPIv2.Api(${APP}, process.env.TLS_SECRET_KEY)` });
      await expectText(popup, code('node'), { contains: 'api.genUserSig("zoe", 15552000)' });
      await expectText(popup, '[data-snippet=node] [data-part=install]', { equals: 'npm install tls-sig-api-v2' });
      await expectText(popup, code('go'), { contains: `tencentyun.GenUserSig(${APP}, os.Getenv("TLS_SECRET_KEY"), "zoe", 15552000)` });
      await expectText(popup, code('csharp'), { contains: 'api.genUserSig("zoe", 15552000)' });
      const all = await popup.$eval('[data-part=snippets]', (e) => e.textContent ?? '');
      assert.ok(!all.includes(KEY), 'the key is not in the snippets');
    },
  },
  {
    title: 'each Copy button names the code it copies',
    async run(popup, t) {
      await generateUserSig(popup, t);
      const names = ['Node.js', 'Go', 'Java', 'Python', 'PHP', 'C#'];
      for (const [i, language] of ['node', 'go', 'java', 'python', 'php', 'csharp'].entries()) {
        await open(popup, language);
        const button = await byRole(popup, 'button', t(`Copy the ${names[i]} code`, `复制 ${names[i]} 代码`), { exact: true });
        assert.ok(await button.evaluate((b, l) => b.closest('[data-snippet]')?.getAttribute('data-snippet') === l, language), `the ${language} button is in its snippet`);
        assert.equal(await button.evaluate((b) => b.textContent?.trim()), t('Copy', '复制'));
      }
    },
  },
  {
    title: "a PrivateMapKey's server code carries its room and privileges",
    async run(popup, t) {
      await generateUserSig(popup, t);
      await check(await byLabel(popup, t('PrivateMapKey (TRTC room)', 'PrivateMapKey（TRTC 房间）')));
      await check(await byLabel(popup, t('Room string', '房间号（字符串）')));
      await fill(popup, '#gen-room', 'room-42');
      await click(await byRole(popup, 'button', t('Audience', '观众')));
      await click(await byRole(popup, 'button', t('Generate', '生成'), { exact: true }));
      await expectText(popup, code('python'), { contains: 'api.genPrivateMapKeyWithStringRoomID("zoe", 15552000, "room-42", 42)' });
      await expectText(popup, code('php'), { contains: "$api->genPrivateMapKeyWithStringRoomID('zoe', 15552000, 'room-42', 42);" });
      await expectText(popup, code('java'), { contains: 'api.genPrivateMapKeyWithStringRoomID("zoe", 15552000L, "room-42", 42);' });
    },
  },
];

const a11y: Check[] = (['light', 'dark'] as const).map((theme) => ({
  name: `popup server snippets: no accessibility violations with server snippets shown (${theme}), axe-core in Firefox`,
  mirrors: [`no accessibility violations with server snippets shown (${theme})`],
  timeoutMs: 60_000,
  async run(ctx) {
    for (const lang of ['en', 'zh'] as const) {
      const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
      const popup = await openPopup(ctx, { lang, theme });
      await resetPopupStorage(ctx, popup);
      await generateUserSig(popup, t);
      await open(popup, 'go');
      await expectText(popup, code('go'), { contains: 'tencentyun.GenUserSig' });
      assert.deepEqual(await axeViolations(popup), []);
      await popup.close();
    }
  },
}));

const checks: Check[] = [...popupPathChecks('popup server snippets', PATHS, 'en', 30_000), ...popupPathChecks('popup server snippets', PATHS, 'zh', 30_000), ...a11y];
export default checks;

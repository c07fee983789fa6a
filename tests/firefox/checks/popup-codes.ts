import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check } from '../harness.ts';
import { click, expectAttribute, expectCount, expectIn, expectText, fill, openPopup, resetPopupStorage, tokens, axeViolations, popupPathChecks, type PopupPath } from '../popup-helpers.ts';

/**
 * tests/e2e/popup-codes.spec.ts in Firefox ESR: the same codes, constant names and log pasted, the
 * same explanations asserted on the same elements, in both languages, and the same axe scans light
 * and dark. One check per e2e test.
 */

// The same log as popup-codes.spec.ts: a Chat web SDK log and a REST API answer around two UserSigs.
const CODES_LOG = [
  `[2026-11-21 10:00:01] TIM login user=alice userSig=${tokens.valid.token} ret=0`,
  `[2026-11-21 10:00:02] TIM login failed. code=70001 message=userSig has expired sig=${tokens.expired.token}`,
  '[2026-11-21 10:00:03] sendMessage {"ActionStatus":"FAIL","ErrorCode":20003,"ErrorInfo":"invalid To_Account"} at 1700000000',
  '[2026-11-21 10:00:04] TRTCCloudImpl: trtc_api onEnterRoom -100018, get tinyid error (room 10010)',
].join('\n');

const entry = (code: number) => `[data-part=codes] .code-entry[data-code="${code}"]`;

async function codesInOrder(popup: Page, expected: string[]): Promise<void> {
  await expectIn(
    popup,
    `codes in order ${expected.join(', ')}`,
    (want: string[]) => {
      const got = [...document.querySelectorAll('[data-part=codes] .code-entry')].map((e) => e.getAttribute('data-code'));
      return { ok: JSON.stringify(got) === JSON.stringify(want), seen: got };
    },
    expected,
  );
}

async function openDetails(popup: Page, selector: string): Promise<void> {
  const summary = await popup.waitForSelector(selector);
  await click(summary!);
}

type Path = PopupPath;

const PATHS: Path[] = [
  {
    title: 'a bare code is explained: meaning, cause, fix, product, constant and the official page',
    async run(popup, t) {
      await fill(popup, '#paste', '70009');
      await expectText(popup, '[data-part=codes] h2', { equals: t('1 error code found', '找到 1 个错误码') });
      await expectText(popup, `${entry(70009)} h3 .constant`, { equals: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY' });
      await expectText(popup, `${entry(70009)} h3 .tag`, { equals: t('Chat server', 'Chat 服务端') });
      await expectText(popup, `${entry(70009)} [data-part=meaning]`, { contains: t('another SDKAppID', '其他 SDKAppID') });
      await expectText(popup, `${entry(70009)} [data-part=cause]`, { contains: t('SecretKey', '密钥') });
      await expectText(popup, `${entry(70009)} [data-part=fix]`, { contains: t('SecretKey', '密钥') });
      await expectAttribute(popup, `${entry(70009)} a`, 'href', t('https://trtc.io/document/34348', 'https://cloud.tencent.com/document/product/269/1671'));
      await expectCount(popup, '[data-part=usersig-hint]', 1);
      await expectCount(popup, '[data-part=nothing-found]', 0);
    },
  },
  {
    title: 'a TRTC code and an SDK constant name are explained',
    async run(popup, t) {
      await fill(popup, '#paste', '-100018');
      await expectText(popup, `${entry(-100018)} h3 .constant`, { equals: 'ERR_SERVER_INFO_ECDH_GET_TINYID' });
      await expectText(popup, `${entry(-100018)} h3 .tag`, { equals: 'TRTC' });
      await fill(popup, '#paste', 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED');
      await expectText(popup, `${entry(70001)} [data-part=meaning]`, { contains: t('expired', '已过期') });
      await expectCount(popup, entry(-100018), 0);
      await fill(popup, '#paste', 'KICKED_OUT_USERSIG_EXPIRED');
      await expectText(popup, `${entry(3004)} h3 .tag`, { equals: 'Chat SDK' });
    },
  },
  {
    title: 'a log shows every code found beside the UserSigs found',
    async run(popup, t) {
      await fill(popup, '#paste', CODES_LOG);
      await expectCount(popup, '[data-part=token-list] > details', 2);
      await codesInOrder(popup, ['70001', '20003', '-100018']);
      await expectText(popup, '[data-part=codes] h2', { equals: t('3 error codes found', '找到 3 个错误码') });
    },
  },
  {
    title: 'an unknown code says so plainly, with the official page to check',
    async run(popup, t) {
      await fill(popup, '#paste', '70777');
      await expectAttribute(popup, entry(70777), 'data-known', 'false');
      await expectText(popup, entry(70777), { contains: t('not in the dictionary', '词典中没有') });
      await expectAttribute(popup, `${entry(70777)} a`, 'href', t('https://trtc.io/document/34348', 'https://cloud.tencent.com/document/product/269/1671'));
      await expectCount(popup, `${entry(70777)} [data-part=meaning]`, 0);
    },
  },
  {
    title: 'a problem card expands to the full entry of its server code',
    async run(popup, t) {
      await fill(popup, '#paste', tokens.expired.token);
      const summary = '[data-code=expired] [data-part=code-details] > summary';
      await expectText(popup, summary, { equals: t('Error code 70001 explained', '错误码 70001 详解') });
      await expectCount(popup, '[data-code=expired] .code-entry', 0);
      await openDetails(popup, summary);
      await expectText(popup, '[data-code=expired] .code-entry[data-code="70001"] h4 .constant', { equals: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED' });
      await expectText(popup, '[data-code=expired] .code-entry[data-code="70001"] [data-part=fix]', { contains: '24' });
    },
  },
];

const a11y: Check[] = (['light', 'dark'] as const).map((theme) => ({
  name: `popup codes: no accessibility violations with codes explained (${theme}), axe-core in Firefox`,
  mirrors: [`no accessibility violations with codes explained (${theme})`],
  timeoutMs: 60_000,
  async run(ctx) {
    for (const lang of ['en', 'zh'] as const) {
      const popup = await openPopup(ctx, { lang, theme });
      await resetPopupStorage(ctx, popup);
      await fill(popup, '#paste', `${CODES_LOG}\nerror_code: 70777`);
      await expectCount(popup, '[data-part=codes] .code-entry', 4);
      assert.deepEqual(await axeViolations(popup), []);
      await fill(popup, '#paste', tokens.expired.token);
      await openDetails(popup, '[data-part=code-details] > summary');
      await expectCount(popup, '.problem .code-entry', 1);
      assert.deepEqual(await axeViolations(popup), []);
      await popup.close();
    }
  },
}));

const checks: Check[] = [...popupPathChecks('popup codes', PATHS, 'en'), ...popupPathChecks('popup codes', PATHS, 'zh'), ...a11y];
export default checks;

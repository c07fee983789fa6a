import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import {
  APP,
  KEY,
  expectAttribute,
  expectCount,
  expectIn,
  expectText,
  expectVerdict,
  fill,
  openPopup,
  resetPopupStorage,
  tokens,
  v1,
  type Lang,
  click,
} from '../popup-helpers.ts';

/**
 * tests/e2e/popup.spec.ts's `popup (en|zh)` describe blocks in Firefox ESR: the same tokens pasted
 * (one edit, as Playwright's fill), the same keys and expectations typed in, the same outcomes
 * asserted on the same elements, in both languages. One check per e2e test.
 */
type Path = { title: string; run: (page: Page, t: <T>(en: T, zh: T) => T) => Promise<void> };

const PATHS: Path[] = [
  {
    title: 'a valid UserSig decodes on paste and verifies with the key',
    async run(popup, t) {
      await fill(popup, '#paste', tokens.valid.token);
      await expectVerdict(popup, 'decoded');
      await expectText(popup, '[data-field=sdkAppId]', { contains: APP });
      await expectText(popup, '[data-field=identifier]', { contains: 'alice' });
      await expectText(popup, '[data-field=expiresAt]', { contains: t('expires in', '后过期') });
      await expectText(popup, '[data-field=expiresAt]', { contains: '2074' });
      await fill(popup, '#verify-key', KEY);
      await expectVerdict(popup, 'verified');
      await expectCount(popup, '[data-check][data-status=passed]', 2);
      await fill(popup, '#verify-app', APP);
      await fill(popup, '#verify-user', 'alice');
      await expectCount(popup, '[data-check][data-status=passed]', 4);
      await expectText(popup, '.banner.ok', { equals: t('Verified: the server will accept it', '校验通过：服务端会接受') });
    },
  },
  {
    title: 'an expired UserSig says 70001 with cause and fix',
    async run(popup, t) {
      await fill(popup, '#paste', tokens.expired.token);
      await expectVerdict(popup, 'expired');
      await expectAttribute(popup, '[data-code=expired]', 'data-server-code', '70001');
      await expectText(popup, '[data-code=expired] h3', { equals: t('70001 · UserSig has expired', '70001 · UserSig 已过期') });
      await expectText(popup, '[data-code=expired]', { contains: t('expired', '已过期') });
      await expectText(popup, '[data-field=expiresAt]', { contains: t('ago', '已过期') });
    },
  },
  {
    title: 'a UserSig signed with another key says 70009',
    async run(popup, t) {
      await fill(popup, '#paste', tokens.wrongKey.token);
      await fill(popup, '#verify-key', KEY);
      await expectAttribute(popup, '[data-code=signature-mismatch]', 'data-server-code', '70009');
      await expectText(popup, '[data-code=signature-mismatch] h3', { equals: t('70009 · Signature does not match', '70009 · 签名不匹配') });
      await expectAttribute(popup, '[data-check=signature]', 'data-status', 'failed');
    },
  },
  {
    title: 'a wrong UserID and a wrong SDKAppID say 70013 and 70014, in the server order',
    async run(popup, t) {
      await fill(popup, '#paste', tokens.valid.token);
      await fill(popup, '#verify-key', KEY);
      await fill(popup, '#verify-app', '1400000002');
      await fill(popup, '#verify-user', 'Alice');
      await expectCount(popup, '.problem', 2);
      await expectAttribute(popup, '.problem', 'data-server-code', '70014', { nth: 0 });
      await expectAttribute(popup, '.problem', 'data-server-code', '70013', { nth: 1 });
      await expectText(popup, '.problem', { contains: t('letter case', '大小写') }, { nth: 1 });
      await expectAttribute(popup, '[data-check=signature]', 'data-status', 'passed');
    },
  },
  {
    title: 'a truncated UserSig says 70003',
    async run(popup) {
      await fill(popup, '#paste', tokens.truncated.token);
      await expectVerdict(popup, 'problem');
      await expectAttribute(popup, '.problem', 'data-server-code', '70003');
    },
  },
  {
    title: 'a legacy v1 token is recognised and verifies with its P-256 public key',
    async run(popup, t) {
      await fill(popup, '#paste', v1.p256.token);
      await expectText(popup, '[data-field=version]', { contains: t('v1 (legacy)', 'v1（旧版）') });
      await expectText(popup, '[data-field=identifier]', { contains: 'admin' });
      await fill(popup, '#verify-key', v1.p256.publicKey);
      await expectAttribute(popup, '[data-check=signature]', 'data-status', 'passed');
      await expectAttribute(popup, '[data-check=expiry]', 'data-status', 'failed');
    },
  },
  {
    title: 'a PrivateMapKey shows its room and each privilege by name',
    async run(popup, t) {
      await fill(popup, '#paste', tokens.privateMapKey.token);
      await expectText(popup, '[data-field=roomId]', { equals: String(tokens.privateMapKey.roomId) });
      const bits: number = tokens.privateMapKey.privilegeMap;
      await expectCount(popup, '[data-privilege][data-granted=true]', bits.toString(2).replace(/0/g, '').length);
      await expectText(popup, '[data-privilege=enterRoom]', { contains: t('Enter room', '进入房间') });
    },
  },
  {
    title: 'a log with three UserSigs lists each one, decoded',
    async run(popup, t) {
      const log = [
        `[2026-11-21 10:00:01] login user=alice sig=${tokens.valid.token} ret=0`,
        `[2026-11-21 10:00:02] login user=alice {"userSig":"${tokens.expired.token}"} ret=70001`,
        `[2026-11-21 10:00:03] login user=bob usersig=${tokens.otherUser.token}&sdkappid=${APP}`,
      ].join('\n');
      await fill(popup, '#paste', log);
      await expectCount(popup, '[data-part=token-list] > details', 3);
      await expectText(popup, '[data-part=token-list] > h2', { equals: t('3 UserSigs found', '找到 3 个 UserSig') });
      const summaries = await popup.$$('[data-part=token-list] > details > summary');
      await click(summaries[1]!); // a real click on the second entry
      await expectIn(popup, 'the second entry opened', () => {
        const open = (document.querySelectorAll('[data-part=token-list] > details')[1] as HTMLDetailsElement | undefined)?.open;
        return { ok: open === true, seen: open };
      });
      await expectAttribute(popup, '[data-part=token-list] > details:nth-of-type(2) [data-verdict]', 'data-verdict', 'expired');
    },
  },
];

function checksFor(lang: Lang): Check[] {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
  return PATHS.map((path) => ({
    name: `popup (${lang}): ${path.title}`,
    mirrors: [`popup (${lang}) › ${path.title}`],
    timeoutMs: 25_000,
    async run(ctx: CheckContext) {
      const popup = await openPopup(ctx, { lang });
      await resetPopupStorage(ctx, popup); // before anything is pasted: no remembered key fills in

      await path.run(popup, t);
    },
  }));
}

const checks: Check[] = [...checksFor('en'), ...checksFor('zh')];
export default checks;

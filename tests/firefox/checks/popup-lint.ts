import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check } from '../harness.ts';
import { expectAttribute, expectCount, expectText, fill, openPopup, resetPopupStorage, axeViolations, popupPathChecks, type PopupPath } from '../popup-helpers.ts';
import { FUTURE_TOKEN, LINT_TOKENS } from '../../shared/lint-tokens.ts';

/**
 * tests/e2e/popup-lint.spec.ts in Firefox ESR: the same tokens from the official Node library
 * pasted, the same risks asserted on the same elements, in both languages, and the same axe scans
 * light and dark. One check per e2e test.
 */

const lint = (code: string) => `[data-part=lints] [data-lint=${code}]`;

type Path = PopupPath;

const PATHS: Path[] = [
  {
    title: 'risky UserSigs from the official library list their risks with cause and fix',
    async run(popup, t) {
      await fill(popup, '#paste', LINT_TOKENS.fractional);
      await expectAttribute(popup, '[data-code=schema-invalid]', 'data-server-code', '70005');
      await expectText(popup, `${lint('validity-fractional')} h4`, { equals: t('Fractional validity', '有效期含小数') });
      await expectText(popup, `${lint('validity-fractional')} [data-part=cause]`, { contains: '86400.5' });
      await expectText(popup, `${lint('validity-fractional')} [data-part=fix]`, { contains: 'Math.floor' });
      await fill(popup, '#paste', LINT_TOKENS.zeroEmail);
      await expectCount(popup, '[data-part=lints] [data-lint]', 2);
      await expectText(popup, `${lint('validity-zero')} h4`, { equals: t('Validity is 0', '有效期为 0') });
      await expectAttribute(popup, lint('userid-not-allowed'), 'data-lint-field', 'TLS.identifier');
      await expectText(popup, `${lint('userid-not-allowed')} [data-part=cause]`, { contains: '"@."' });
      await expectText(popup, '[data-part=lints] h3', { equals: t('Risks in this token', '此令牌的风险') });
    },
  },
  {
    title: 'a PrivateMapKey from the official Node library reads back Zürich as Latin-1',
    async run(popup, t) {
      await fill(popup, '#paste', LINT_TOKENS.zurich);
      await expectCount(popup, '[data-part=lints] [data-lint]', 4);
      await expectCount(popup, lint('all-privileges'), 1);
      await expectText(popup, `${lint('userid-not-allowed')} [data-part=cause]`, { contains: '"ü"' });
      const account = '[data-part=lints] [data-lint=privatemapkey-latin1][data-lint-field=account] [data-part=cause]';
      await expectText(popup, account, { contains: t('"Zürich"', '「Zürich」') });
      await expectText(popup, account, { contains: '5a c3 bc 72 69 63 68' });
      await expectText(popup, account, { contains: 'tls-sig-api-v2 (Node)' });
      const room = '[data-part=lints] [data-lint=privatemapkey-latin1][data-lint-field=roomStr] [data-part=cause]';
      await expectText(popup, room, { contains: t('"Café"', '「Café」') });
    },
  },
  {
    title: 'each fact shows once: a risk the lint explains is not warned about again beside it; other warnings stay',
    async run(popup, t) {
      await fill(popup, '#paste', LINT_TOKENS.zurich);
      await expectCount(popup, lint('userid-not-allowed'), 1);
      await expectCount(popup, '[data-warning=identifier-not-sdk-safe]', 0);
      await fill(popup, '#paste', FUTURE_TOKEN);
      await expectText(popup, `${lint('issued-in-future')} h4`, { equals: t('Issued in the future', '签发时间在未来') });
      await expectCount(popup, '[data-warning=time-in-future]', 0);
      await expectCount(popup, '[data-warning]', 0);
      // A warning no lint says stays, the keyed one too: a key not in the console's format.
      await fill(popup, '#verify-key', 'not-a-console-key');
      await expectText(popup, '[data-warning=key-format]', {
        equals: t('Console keys are 64 lower-case hex characters; this key is not.', '控制台的密钥是 64 位小写十六进制字符，这个密钥不是。'),
      });
      await expectCount(popup, lint('issued-in-future'), 1);
    },
  },
  {
    title: 'a plain token shows no risks',
    async run(popup) {
      // The lint shows for the risky token first: its chunk has loaded before the plain one is judged.
      await fill(popup, '#paste', LINT_TOKENS.zeroEmail);
      await expectCount(popup, lint('validity-zero'), 1);
      await fill(popup, '#paste', LINT_TOKENS.clean);
      await expectText(popup, '[data-field=identifier]', { contains: 'alice_01' });
      await expectCount(popup, '[data-part=lints]', 0);
    },
  },
];

const a11y: Check[] = (['light', 'dark'] as const).map((theme) => ({
  name: `popup lint: no accessibility violations with risks listed (${theme}), axe-core in Firefox`,
  mirrors: [`no accessibility violations with risks listed (${theme})`],
  timeoutMs: 60_000,
  async run(ctx) {
    for (const lang of ['en', 'zh'] as const) {
      const popup = await openPopup(ctx, { lang, theme });
      await resetPopupStorage(ctx, popup);
      await fill(popup, '#paste', LINT_TOKENS.zurich);
      await expectCount(popup, '[data-part=lints] [data-lint]', 4);
      assert.deepEqual(await axeViolations(popup), []);
      await popup.close();
    }
  },
}));

const checks: Check[] = [...popupPathChecks('popup lint', PATHS, 'en'), ...popupPathChecks('popup lint', PATHS, 'zh'), ...a11y];
export default checks;

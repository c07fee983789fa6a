import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check } from '../harness.ts';
import { expectAttribute, expectCount, expectIn, expectText, fill, openPopup, resetPopupStorage, tokens, axeViolations, popupPathChecks, type PopupPath } from '../popup-helpers.ts';

/**
 * tests/e2e/popup-compare.spec.ts in Firefox ESR: the same two tokens pasted, the same key and
 * SDKAppID typed, the same rows and verdicts asserted, in both languages, and the same axe scans
 * light and dark. One check per e2e test.
 */

const row = (field: string) => `[data-part=compare] tr[data-compare=${field}]`;

async function cellsAre(popup: Page, field: string, expected: string[]): Promise<void> {
  await expectIn(
    popup,
    `${field} cells ${expected.join(' | ')}`,
    (selector: string, want: string[]) => {
      const got = [...document.querySelectorAll(`${selector} td`)].map((e) => e.textContent?.trim());
      return { ok: JSON.stringify(got) === JSON.stringify(want), seen: got };
    },
    row(field),
    expected,
  );
}

type Path = PopupPath;

const PATHS: Path[] = [
  {
    title: 'two tokens pasted are compared side by side, the differing fields marked',
    async run(popup, t) {
      await fill(popup, '#paste', `${tokens.valid.token}\n${tokens.expired.token}`);
      await expectText(popup, '[data-part=compare] h2', { equals: t('Side by side', '并排对比') });
      for (const field of ['sdkAppId', 'identifier', 'version', 'alphabet']) await expectAttribute(popup, row(field), 'data-differs', 'false');
      for (const field of ['time', 'expire', 'expiresAt', 'sig']) await expectAttribute(popup, row(field), 'data-differs', 'true');
      await expectText(popup, `${row('expire')} th`, { contains: t('(differs)', '(不同)') });
      await cellsAre(popup, 'identifier', ['alice', 'alice']);
      await expectCount(popup, row('room'), 0);
      await expectAttribute(popup, `${row('server')} td`, 'data-server', 'unchecked', { nth: 0 });
      await expectText(popup, `${row('server')} td strong`, { equals: t('signature not checked', '签名未校验') }, { nth: 0 });
      await expectText(popup, `${row('server')} [data-part=keyless-checks]`, {
        equals: t('Checked without the key: SDKAppID not checked · UserID not checked · Expiry passed', '无需密钥的检查：SDKAppID 未检查 · UserID 未检查 · 有效期 通过'),
      });
      await expectAttribute(popup, `${row('server')} td`, 'data-rejected', 'true', { nth: 1 });
      await expectText(popup, `${row('server')} td strong`, { equals: t('rejects it', '拒绝') }, { nth: 1 });
      await expectText(popup, `${row('server')} [data-problem=expired]`, { equals: t('70001 · UserSig has expired', '70001 · UserSig 已过期') });
    },
  },
  {
    title: 'without the key, a token signed with another key is not said to be accepted: the signature is unchecked, the key needed; with it, 70009',
    async run(popup, t) {
      await fill(popup, '#paste', `${tokens.valid.token}\n${tokens.wrongKey.token}`);
      for (const nth of [0, 1]) {
        await expectAttribute(popup, `${row('server')} td`, 'data-server', 'unchecked', { nth });
        await expectText(
          popup,
          `${row('server')} [data-part=needs-key]`,
          { equals: t('Enter the SecretKey to check the signature. Signed with another key, it is rejected (70009).', '输入 SecretKey 以校验签名。若由其他密钥签名，服务端会拒绝（70009）。') },
          { nth },
        );
      }
      await expectIn(
        popup,
        'no server cell says it accepts',
        (selector: string, word: string) => {
          const got = [...document.querySelectorAll(selector)].map((e) => e.textContent ?? '');
          return { ok: got.length === 2 && got.every((text) => !text.includes(word)), seen: got };
        },
        `${row('server')} td`,
        t('accepts it', '接受'),
      );
      await fill(popup, '#verify-key', tokens.valid.key);
      await expectAttribute(popup, `${row('server')} td`, 'data-server', 'accepts', { nth: 0 });
      await expectText(popup, `${row('server')} td`, { equals: t('accepts it', '接受') }, { nth: 0 });
      await expectAttribute(popup, `${row('server')} td`, 'data-server', 'rejects', { nth: 1 });
      await expectText(popup, `${row('server')} [data-problem=signature-mismatch]`, { contains: '70009' });
    },
  },
  {
    title: 'with the key, the comparison says which token the server rejects and why; a PrivateMapKey shows its room',
    async run(popup) {
      await fill(popup, '#paste', `${tokens.privateMapKey.token}\n${tokens.otherApp.token}`);
      await fill(popup, '#verify-key', tokens.valid.key);
      await fill(popup, '#verify-app', String(tokens.valid.sdkAppId));
      await expectText(popup, `${row('server')} [data-problem=signature-mismatch]`, { contains: '70009' });
      await expectText(popup, `${row('server')} [data-problem=sdkappid-mismatch]`, { contains: '70014' });
      await expectAttribute(popup, `${row('server')} td`, 'data-rejected', 'false', { nth: 0 });
      await expectAttribute(popup, row('sdkAppId'), 'data-differs', 'true');
      await cellsAre(popup, 'room', ['1234', '—']);
      await expectText(popup, `${row('privileges')} td`, { contains: '255' }, { nth: 0 });
    },
  },
];

const a11y: Check[] = (['light', 'dark'] as const).map((theme) => ({
  name: `popup compare: no accessibility violations comparing two tokens (${theme}), axe-core in Firefox`,
  mirrors: [`no accessibility violations comparing two tokens (${theme})`],
  timeoutMs: 60_000,
  async run(ctx) {
    for (const lang of ['en', 'zh'] as const) {
      const popup = await openPopup(ctx, { lang, theme });
      await resetPopupStorage(ctx, popup);
      await fill(popup, '#paste', `${tokens.privateMapKey.token}\n${tokens.expired.token}`);
      await expectAttribute(popup, `${row('server')} td`, 'data-rejected', 'true', { nth: 1 });
      assert.deepEqual(await axeViolations(popup), []);
      await popup.close();
    }
  },
}));

const checks: Check[] = [...popupPathChecks('popup compare', PATHS, 'en'), ...popupPathChecks('popup compare', PATHS, 'zh'), ...a11y];
export default checks;

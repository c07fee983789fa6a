// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { locateUserSigGenerator, readUserSigGenerator } from '../../../lib/console/usersig-generator.ts';
import { locateUserSigVerifier, readUserSigVerifier } from '../../../lib/console/usersig-verifier.ts';
import { readUserSigFixtures, type UserSigFixtureName } from '../../fixtures/console/usersig-fixtures.ts';
import { openReplica, toolRoot, type ReplicaPage } from './replica-harness.ts';

const fixtures = readUserSigFixtures();
const PAGES = {
  zh: 'https://console.cloud.tencent.com/im/tool-usersig',
  en: 'https://console.tencentcloud.com/im/tool-usersig',
} as const;

let page: ReplicaPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function generate(p: ReplicaPage, userId: string) {
  p.type(locateUserSigGenerator(toolRoot(p, 'usersig-generator')).userIdInput, userId);
  p.click(locateUserSigGenerator(toolRoot(p, 'usersig-generator')).generateButton);
  await p.settle();
  return readUserSigGenerator(toolRoot(p, 'usersig-generator'));
}

async function verify(p: ReplicaPage, userId: string, token: string) {
  const at = locateUserSigVerifier(toolRoot(p, 'usersig-verifier'));
  p.type(at.userIdInput, userId);
  p.type(at.userSigInput, token);
  p.click(at.verifyButton);
  await p.settle();
  return readUserSigVerifier(toolRoot(p, 'usersig-verifier'));
}

for (const lang of ['zh', 'en'] as const) {
  describe(`UserSig generator replica (${lang})`, () => {
    it('shows the fixture UserSig of a known UserID, with a copy button', async () => {
      page = await openReplica(PAGES[lang]);
      expect(readUserSigGenerator(toolRoot(page, 'usersig-generator'))).toEqual({ data: {}, missing: [] });
      const reading = await generate(page, 'alice');
      expect(reading).toEqual({ data: { userId: 'alice', userSig: fixtures.tokens.valid.token }, missing: [] });
      expect(locateUserSigGenerator(toolRoot(page, 'usersig-generator')).copyButton).toBeDefined();
      expect((await generate(page, 'administrator')).data.userSig).toBe(fixtures.tokens.administrator.token);
    });

    it('generates for the app in the top bar', async () => {
      page = await openReplica(`${PAGES[lang]}?sdkappid=1400000002`);
      expect((await generate(page, 'alice')).data.userSig).toBe(fixtures.tokens.otherApp.token);
    });

    it('never puts a SecretKey into the page', async () => {
      page = await openReplica(PAGES[lang]);
      await generate(page, 'alice');
      const html = page.document.documentElement.outerHTML;
      for (const key of [...fixtures.apps.map((a) => a.secretKey), fixtures.wrongKey]) expect(html).not.toContain(key);
    });
  });

  describe(`UserSig verifier replica (${lang})`, () => {
    const failures: [UserSigFixtureName, number][] = [
      ['expired', 70001],
      ['truncated', 70003],
      ['wrongKey', 70009],
      ['otherUser', 70013],
      ['otherApp', 70014],
    ];
    for (const [name, code] of failures) {
      it(`reads the failure for ${name} (${code}) with cause and solution`, async () => {
        page = await openReplica(PAGES[lang]);
        const reading = await verify(page, 'alice', fixtures.tokens[name].token);
        expect(reading.missing).toEqual([]);
        expect(reading.data.userSig).toBe(fixtures.tokens[name].token);
        expect(reading.data.verdict).toMatchObject({ ok: false, errorCode: code });
        if (reading.data.verdict?.ok === false) {
          expect(reading.data.verdict.reason?.length).toBeGreaterThan(5);
          expect(reading.data.verdict.fix?.length).toBeGreaterThan(5);
        }
      });
    }

    it('reads a success with SDKAppID, UserID, generation time, validity and expiry', async () => {
      page = await openReplica(PAGES[lang]);
      const { data, missing } = await verify(page, 'alice', `  ${fixtures.tokens.valid.token}\n`);
      expect(missing).toEqual([]);
      expect(data.userId).toBe('alice');
      expect(data.verdict).toMatchObject({ ok: true, sdkAppId: 1400000001, userId: 'alice', validitySeconds: fixtures.tokens.valid.expire });
      if (data.verdict?.ok) {
        expect(data.verdict.generatedAt).toMatch(/^2025-01-01 \d\d:00:00$|^2024-12-31 \d\d:00:00$/);
        expect(data.verdict.expiresAt).toMatch(/^207[45]-/);
      }
    });

    it('accepts a PrivateMapKey of the same user (its signature is valid)', async () => {
      page = await openReplica(PAGES[lang]);
      expect((await verify(page, 'alice', fixtures.tokens.privateMapKey.token)).data.verdict).toMatchObject({ ok: true, userId: 'alice' });
    });

    it('accepts the other app\'s token when that app is selected', async () => {
      page = await openReplica(`${PAGES[lang]}?sdkappid=1400000002`);
      expect((await verify(page, 'alice', fixtures.tokens.otherApp.token)).data.verdict).toMatchObject({ ok: true, sdkAppId: 1400000002 });
    });

    it('rejects garbage as malformed', async () => {
      page = await openReplica(PAGES[lang]);
      expect((await verify(page, 'alice', 'not a usersig')).data.verdict).toMatchObject({ ok: false, errorCode: 70003 });
    });
  });
}

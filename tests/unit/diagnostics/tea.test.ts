// @vitest-environment happy-dom
// From TEA-rendered console markup through lib/console to a report, zh and en: every value the
// tool shows, and where the SDKAppID came from.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../lib/i18n.ts';
import { readSdkAppIdWithSource } from '../../../lib/console/sdkappid.ts';
import { readDetectedTool } from '../../../lib/console/snapshot.ts';
import { detectTools } from '../../../lib/console/tools.ts';
import { buildDiagnostics, parseDiagnostics, toJson, toMarkdown, toText } from '../../../lib/diagnostics/index.ts';
import { parsePage } from '../console/parse-page.ts';
import { TEA_USERSIG, offlinePush, topBarWithAppSelector, troubleshootingLog, userSigGenerator, userSigVerifier, userStatus } from '../console/tea/tools.ts';
import { readUserSigFixtures } from '../../fixtures/console/usersig-fixtures.ts';
import { EXTENSION } from './records.ts';

const URL = { zh: 'https://console.cloud.tencent.com/im/app/tools', en: 'https://console.tencentcloud.com/im/app/tools' };
const NOW = Date.UTC(2026, 10, 22, 0, 30);

async function report(lang: Lang, toolHtml: string, url = URL[lang]) {
  const doc = parsePage(topBarWithAppSelector(lang === 'zh' ? '演示应用（1400000001）' : 'Demo app（1400000001）') + toolHtml, lang === 'zh' ? 'zh-CN' : 'en');
  const [tool] = detectTools(doc, url);
  if (!tool) throw new Error('no tool detected');
  const at = readSdkAppIdWithSource(doc, url);
  return buildDiagnostics({ reading: readDetectedTool(tool), lang, url, sdkAppId: at?.sdkAppId, sdkAppIdSource: at?.source, now: NOW, tzOffsetMinutes: 480, extension: EXTENSION });
}

describe('the Overview says where the SDKAppID came from', () => {
  it('en: from the app selector', async () => {
    const r = await report('en', userStatus('en', true));
    expect(r).toMatchObject({ sdkAppId: 1400000001, sdkAppIdSource: 'app-selector' });
    expect(toText(r)).toContain('SDKAppID: 1400000001 (from the app selector)');
    expect(toMarkdown(r)).toContain('**SDKAppID**: `1400000001` (from the app selector)');
  });

  it('zh: 来自应用选择器, and from the URL when it has one', async () => {
    expect(toText(await report('zh', userStatus('zh', true)))).toContain('SDKAppID: 1400000001（来自应用选择器）');
    const fromUrl = await report('zh', userStatus('zh', true), `${URL.zh}?sdkappid=1400000002`);
    expect(fromUrl).toMatchObject({ sdkAppId: 1400000002, sdkAppIdSource: 'url' });
    expect(toText(fromUrl)).toContain('1400000002（来自 URL）');
  });

  it('survives the JSON format and rejects an unknown source', async () => {
    const r = await report('en', userStatus('en', true));
    const parsed = parseDiagnostics(JSON.parse(toJson(r)));
    expect(parsed.ok && parsed.record.sdkAppIdSource).toBe('app-selector');
    expect(parseDiagnostics({ ...r, sdkAppIdSource: 'guess' }).ok).toBe(false);
  });
});

for (const lang of ['zh', 'en'] as const) {
  describe(`TEA ${lang} reports hold what the tool shows`, () => {
    it('offline push: certificate, masked token, the console cause and solution', async () => {
      const r = await report(lang, offlinePush(lang, 'failed'));
      const text = toText(r);
      expect(r.missing).toEqual([]);
      for (const value of ['alice', '12345', lang === 'zh' ? '证书已过期' : 'The certificate has expired', lang === 'zh' ? '请在控制台重新上传证书' : 'Upload the certificate again']) {
        expect(text).toContain(value);
      }
      expect(text).not.toContain('0123456789abcdef0123456789abcdef');
    });

    it('user status: status, client type and the can-receive-push answer', async () => {
      const r = await report(lang, userStatus(lang, true));
      expect(r.tool === 'user-status' && r.data).toMatchObject({ status: 'push-online', clientType: 'iOS', canReceivePush: true });
    });

    it('generator: the UserSig shown as text, decoded and judged without a key', async () => {
      const r = await report(lang, userSigGenerator(lang, true));
      if (r.tool !== 'usersig-generator') throw new Error(r.tool);
      expect(r.data.userSig).toBe(TEA_USERSIG);
      expect(r.data.decoded).toMatchObject({ ok: true, sdkAppId: 1400000001, userId: 'alice', valid: true, problems: [] });
      expect(r.data.decoded?.ok && r.data.decoded.checks).toEqual([
        { check: 'signature', status: 'skipped' },
        { check: 'sdkappid', status: 'passed' },
        { check: 'identifier', status: 'passed' },
        { check: 'expiry', status: 'passed' },
      ]);
      expect(toText(r)).not.toContain(TEA_USERSIG);
    });

    it('generator: a UserSig of another app than the selector shows is reported with its server code', async () => {
      const other = readUserSigFixtures().tokens.otherApp.token;
      const r = await report(lang, userSigGenerator(lang, true).replace(TEA_USERSIG, other));
      if (r.tool !== 'usersig-generator') throw new Error(r.tool);
      expect(r.data.decoded).toMatchObject({ ok: true, sdkAppId: 1400000002, valid: false });
      expect(r.data.decoded?.ok && r.data.decoded.checks.find((c) => c.check === 'sdkappid')?.status).toBe('failed');
      const codes = r.data.decoded?.problems.map((p) => p.serverCode) ?? [];
      expect(codes.length).toBeGreaterThan(0);
      expect(r.errorCodes.map((c) => c.code)).toEqual(codes.filter((c) => c !== undefined));
    });

    it('logs before the first query: rows not shown yet (not a markup change); after it, the rows and their codes', async () => {
      const before = await report(lang, troubleshootingLog(lang, 0).replace(/<div class="tea-table">[\s\S]*$/, '</div></div></div>'));
      expect(before.missing).toContainEqual({ part: 'rows', why: 'not-shown' });
      const after = await report(lang, troubleshootingLog(lang, 2));
      expect(after.missing).toEqual([]);
      expect(after.tool === 'troubleshooting-log' && after.data.rows).toHaveLength(2);
      expect(after.errorCodes).toEqual([expect.objectContaining({ code: 70001, rows: 2 })]);
    });

    it('verifier: the console verdict and its error code', async () => {
      const r = await report(lang, userSigVerifier(lang, 'failed'));
      if (r.tool !== 'usersig-verifier') throw new Error(r.tool);
      expect(r.data.verdict).toMatchObject({ ok: false, errorCode: 70013 });
      expect(r.errorCodes.map((c) => c.code)).toContain(70013);
    });
  });
}

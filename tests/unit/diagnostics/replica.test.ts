// @vitest-environment happy-dom
// From a console replica page through lib/console's reader to a report, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { locateOfflinePush } from '../../../lib/console/offline-push.ts';
import { readDetectedTool } from '../../../lib/console/snapshot.ts';
import { readSdkAppId } from '../../../lib/console/sdkappid.ts';
import { detectTool, type ToolId } from '../../../lib/console/tools.ts';
import { buildDiagnostics, maskSecret, parseDiagnostics, toJson, toMarkdown } from '../../../lib/diagnostics/index.ts';
import { openReplica, type ReplicaPage } from '../console/replica-harness.ts';
import { EXTENSION } from './records.ts';

const SITES = {
  zh: { url: 'https://console.cloud.tencent.com/im/tool-push-check', host: 'console.cloud.tencent.com' },
  en: { url: 'https://console.tencentcloud.com/im/tool-push-check', host: 'console.tencentcloud.com' },
} as const;

let page: ReplicaPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function tool(p: ReplicaPage, id: ToolId) {
  const found = detectTool(id, p.document, p.url());
  if (!found) throw new Error(`${id} not detected`);
  return found;
}

async function record(p: ReplicaPage, id: ToolId, lang: 'zh' | 'en') {
  return buildDiagnostics({ reading: readDetectedTool(tool(p, id)), lang, url: p.url(), sdkAppId: readSdkAppId(p.document, p.url()), extension: EXTENSION });
}

for (const lang of ['zh', 'en'] as const) {
  describe(`the offline push finder replica (${lang})`, () => {
    it('untouched: a partial report that says what is missing', async () => {
      page = await openReplica(SITES[lang].url);
      const r = await record(page, 'offline-push', lang);
      expect(r.missing).toEqual([{ part: 'userId', why: 'not-shown' }, { part: 'devices', why: 'not-shown' }]);
      expect(toMarkdown(r)).toContain(lang === 'zh' ? '### 部分报告：以下内容未采集到' : '### Partial report: not captured');
    });

    it('bob: device, chosen certificate and the failed test, masked', async () => {
      page = await openReplica(SITES[lang].url);
      const at = () => locateOfflinePush(tool(page!, 'offline-push').root);
      page.type(at().userIdInput, 'bob');
      page.click(at().getDevicesButton);
      await page.settle();
      page.click(at().startTestButton);
      await page.settle();
      const r = await record(page, 'offline-push', lang);
      expect(r.console).toEqual({ host: SITES[lang].host, path: '/im/tool-push-check', lang });
      expect(r.sdkAppId).toBe(1400000001);
      expect(r.missing).toEqual([]);
      const parsed = parseDiagnostics(JSON.parse(toJson(r)));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok || parsed.record.tool !== 'offline-push') return;
      const token = 'c8Kx3PqZ1vLh0T9bWm2RyUe5Nd4Gj7Fs6Ao+AbCdEfGhIjKlMnOpQr=';
      expect(parsed.record.data.devices).toEqual([expect.objectContaining({ certificateId: '13001', vendor: 'xiaomi', platform: 'android', token: maskSecret(token) })]);
      expect(parsed.record.data.selectedCertificate).toBe('13001');
      expect(parsed.record.data.testResult).toMatchObject({ ok: false });
      expect(parsed.record.data.testResult?.reason).toBeTruthy();
      expect(parsed.record.data.testResult?.fix).toBeTruthy();
      expect(toMarkdown(r)).not.toContain(token);
      expect(toMarkdown(r, { includeTokens: true })).toContain(token);
    });
  });
}

// @vitest-environment happy-dom
// The page model on the TEA replica's own markup (tests/fixtures/console/tea/ssr.ts), every tool
// and variant, zh and en, on a route the code has never seen.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../lib/i18n.ts';
import { readSdkAppIdWithSource } from '../../../lib/console/sdkappid.ts';
import { readDetectedTool, type ToolReading } from '../../../lib/console/snapshot.ts';
import { detectTools, type ToolId } from '../../../lib/console/tools.ts';
import { findUserIdInputs } from '../../../lib/console/user-id-inputs.ts';
import { teaPageMarkup, teaToolMarkup, type TeaToolVariant } from '../../fixtures/console/tea/ssr.ts';
import { parsePage } from './parse-page.ts';

const URL: Record<Lang, string> = { zh: 'https://console.cloud.tencent.com/im/app/1400000001/never-seen', en: 'https://console.tencentcloud.com/im/never-seen?tab=x' };

async function readTea<T extends ToolId>(tool: T, lang: Lang, variant: TeaToolVariant<T>): Promise<Extract<ToolReading, { tool: T }>> {
  const doc = parsePage(await teaToolMarkup(tool, lang, variant), lang === 'zh' ? 'zh-CN' : 'en');
  const found = detectTools(doc, URL[lang]);
  expect(found.map((t) => t.id)).toEqual([tool]);
  expect(found[0]!.root.classList.contains('tea-card')).toBe(true);
  return readDetectedTool(found[0]!) as Extract<ToolReading, { tool: T }>;
}

for (const lang of ['zh', 'en'] as const) {
  describe(`TEA replica, ${lang}`, () => {
    it('offline push: devices, the chosen certificate in the Select, the failure cause and solution as written', async () => {
      const { data, missing } = await readTea('offline-push', lang, 'result');
      expect(missing).toEqual([]);
      expect(data.userId).toBe('dave');
      expect(data.devices?.map((d) => [d.certificateId, d.vendor])).toEqual([
        ['15001', 'apns'],
        ['15002', 'oppo'],
      ]);
      expect(data.selectedCertificate).toBe('15001');
      expect(data.testResult).toMatchObject({ ok: false, reason: expect.stringContaining('BadDeviceToken'), fix: expect.any(String) });
      if (lang === 'zh') expect(data.testResult?.reason).toContain('（开发/生产）');
      expect(data.testResult?.message).not.toMatch(/failedCause|失败原因：/);
    });

    it('offline push: a successful test, and a UserID without devices', async () => {
      expect((await readTea('offline-push', lang, 'success')).data.testResult).toMatchObject({ ok: true });
      const none = await readTea('offline-push', lang, 'no-devices');
      expect(none).toMatchObject({ missing: [], data: { userId: 'zoe', devices: [], noDevicesMessage: expect.any(String) } });
    });

    it('user status: push online and can receive; online and cannot; unknown user with the console’s words', async () => {
      expect((await readTea('user-status', lang, 'result')).data).toMatchObject({ userId: 'alice', status: 'push-online', clientType: 'iOS', canReceivePush: true });
      expect((await readTea('user-status', lang, 'online')).data).toMatchObject({ userId: 'bob', status: 'online', clientType: 'Android', canReceivePush: false });
      const unknown = await readTea('user-status', lang, 'not-found');
      expect(unknown.data.conclusion).toEqual(expect.any(String));
      expect(unknown.data.canReceivePush).toBeUndefined();
    });

    it('generator: the UserSig shown as text', async () => {
      const { data, missing } = await readTea('usersig-generator', lang, 'result');
      expect(missing).toEqual([]);
      expect(data).toEqual({ userId: 'alice', userSig: expect.stringMatching(/^eJ[A-Za-z0-9*_-]{100,}$/) });
    });

    it('verifier: typed but not verified, verified (validity in days), failed with 70013', async () => {
      const typed = await readTea('usersig-verifier', lang, 'typed');
      expect(typed).toMatchObject({ missing: [], data: { userId: 'alice', userSig: expect.stringMatching(/^eJ/) } });
      expect(typed.data.verdict).toBeUndefined();
      expect((await readTea('usersig-verifier', lang, 'result')).data.verdict).toMatchObject({ ok: true, sdkAppId: 1400000001, userId: 'alice', validitySeconds: 180 * 86400 });
      expect((await readTea('usersig-verifier', lang, 'failure')).data.verdict).toMatchObject({ ok: false, errorCode: 70013, reason: expect.any(String), fix: expect.any(String) });
    });

    it('logs: the Select’s shown event, the date range, and the first page of rows with UserSigs in login details', async () => {
      const { data, missing } = await readTea('troubleshooting-log', lang, 'result');
      expect(missing).toEqual([]);
      expect(data.filters).toMatchObject({ event: 'all', timeRange: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ~ \d{4}-/) });
      expect(data.rows).toHaveLength(10);
      expect(data.rows?.filter((r) => r.event === 'login').every((r) => /"UserSig":"eJ/.test(r.detail ?? ''))).toBe(true);
      // Before the first query there is no table: not shown yet, not a markup change.
      const idle = await readTea('troubleshooting-log', lang, 'idle');
      expect(idle.missing).toEqual([]);
      expect(idle.data.rows).toBeUndefined();
    });

    it('whole pages: the page’s tools, their UserID fields, and the SDKAppID from the app selector', async () => {
      for (const [page, tools] of [
        ['push', ['offline-push', 'user-status']],
        ['usersig', ['usersig-generator', 'usersig-verifier']],
        ['log', ['troubleshooting-log']],
      ] as const) {
        const doc = parsePage(await teaPageMarkup(page, lang, {}, { sdkAppId: 1400000002 }));
        const found = detectTools(doc, URL[lang]);
        expect(found.map((t) => t.id), page).toEqual(tools);
        for (const t of found) expect(findUserIdInputs(t.root).length, t.id).toBeGreaterThan(0);
        expect(readSdkAppIdWithSource(doc, URL[lang]), page).toEqual({ sdkAppId: 1400000002, source: 'app-selector' });
      }
    });
  });
}

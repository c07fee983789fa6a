// @vitest-environment happy-dom
// Readers on markup rendered by TEA itself, zh and en: Form.Item label → value, React's split
// text nodes, TEA's Select (a div without a role), results shown as text, alerts without labels.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../lib/i18n.ts';
import { readDetectedTool } from '../../../lib/console/snapshot.ts';
import { detectTools } from '../../../lib/console/tools.ts';
import { locateOfflinePush, readOfflinePush } from '../../../lib/console/offline-push.ts';
import { locateUserSigGenerator } from '../../../lib/console/usersig-generator.ts';
import { locateUserSigVerifier } from '../../../lib/console/usersig-verifier.ts';
import { findUserIdInputs } from '../../../lib/console/user-id-inputs.ts';
import { parsePage } from './parse-page.ts';
import { TEA_USERSIG, noDevicesStatus, offlinePush, troubleshootingLog, userSigGenerator, userSigVerifier, userStatus } from './tea/tools.ts';

const URL = { zh: 'https://console.cloud.tencent.com/im/some/new/route', en: 'https://console.tencentcloud.com/im/some/new/route' };

function read(lang: Lang, html: string) {
  const doc = parsePage(html, lang === 'zh' ? 'zh-CN' : 'en');
  const tools = detectTools(doc, URL[lang]);
  expect(tools).toHaveLength(1);
  return { doc, tool: tools[0]!, reading: readDetectedTool(tools[0]!) };
}

const WORDS = {
  zh: { cause: '证书已过期', fix: '请在控制台重新上传证书', status: '推送在线', vendor: '华为' },
  en: { cause: 'The certificate has expired', fix: 'Upload the certificate again in the console', status: 'Push online', vendor: 'Huawei' },
};

for (const lang of ['zh', 'en'] as const) {
  const w = WORDS[lang];
  describe(`TEA ${lang}`, () => {
    it('offline push: devices from the table, the certificate from the Select, cause and solution from split text nodes', () => {
      const { tool, reading } = read(lang, offlinePush(lang, 'failed'));
      expect(tool.root.classList.contains('tea-card')).toBe(true);
      expect(reading).toEqual({
        tool: 'offline-push',
        missing: [],
        data: {
          userId: 'alice',
          devices: [{ certificateId: '12345', vendor: 'huawei', vendorLabel: w.vendor, token: '0123456789abcdef0123456789abcdef', reportedAt: '2026-11-20 10:00:00' }],
          selectedCertificate: '12345',
          testResult: expect.objectContaining({ ok: false, reason: w.cause, fix: w.fix }),
        },
      });
      expect(locateOfflinePush(tool.root).certificateSelect?.className).toBe('tea-dropdown');
    });

    it('offline push before a query: only the UserID field and buttons', () => {
      const { reading } = read(lang, offlinePush(lang, 'idle'));
      expect(reading.data).toEqual({});
      expect(reading.missing).toEqual([]);
    });

    it('offline push: a Status saying there are no devices', () => {
      const html = offlinePush(lang, 'idle').replace('</div></div></div>', `${noDevicesStatus(lang)}</div></div></div>`);
      const { reading } = read(lang, html);
      expect(reading.data).toMatchObject({ devices: [], noDevicesMessage: lang === 'zh' ? '暂无设备信息' : 'No device information' });
    });

    it('user status: status, client type, last login, "can receive offline push" and the conclusion without a label', () => {
      const { reading } = read(lang, userStatus(lang, true));
      expect(reading.missing).toEqual([]);
      expect(reading.data).toMatchObject({
        userId: 'alice',
        status: 'push-online',
        statusLabel: w.status,
        clientType: 'iOS',
        lastLoginTime: '2026-11-20 10:00:00',
        canReceivePush: true,
      });
      expect(reading.tool === 'user-status' && reading.data.conclusion).toMatch(lang === 'zh' ? /可以接收离线推送/ : /ready to receive offline push/);
    });

    it('generator: the UserSig shown as text beside its label', () => {
      const { tool, reading } = read(lang, userSigGenerator(lang, true));
      expect(reading).toEqual({ tool: 'usersig-generator', missing: [], data: { userId: 'alice', userSig: TEA_USERSIG } });
      expect(locateUserSigGenerator(tool.root).userSigOutput?.textContent?.trim()).toBe(TEA_USERSIG);
    });

    it('generator: the UserSig shown as text with no label at all', () => {
      const html = userSigGenerator(lang, false).replace('</div></div></div>', `<div class="box"><p>${TEA_USERSIG}</p></div></div></div></div>`);
      const { reading } = read(lang, html);
      expect(reading.data).toEqual({ userSig: TEA_USERSIG });
    });

    it('verifier: the console verdict (failure) without a "Verification result" label, code, cause and solution from split nodes', () => {
      const { tool, reading } = read(lang, userSigVerifier(lang, 'failed'));
      expect(reading).toEqual({
        tool: 'usersig-verifier',
        missing: [],
        data: { userId: 'alice', userSig: TEA_USERSIG, verdict: { ok: false, errorCode: 70013, reason: w.cause, fix: w.fix } },
      });
      expect(locateUserSigVerifier(tool.root).userSigInput?.tagName).toBe('TEXTAREA');
    });

    it('verifier: the console verdict (success) with its label/value cells', () => {
      const { reading } = read(lang, userSigVerifier(lang, 'verified'));
      expect(reading.data).toMatchObject({
        verdict: { ok: true, sdkAppId: 1400000001, userId: 'alice', generatedAt: '2026-11-20 10:00:00', validity: '15552000', expiresAt: '2027-05-19 10:00:00' },
      });
    });

    it('verifier before verifying: no verdict, nothing missing', () => {
      const { reading } = read(lang, userSigVerifier(lang, 'idle'));
      expect(reading).toEqual({ tool: 'usersig-verifier', missing: [], data: {} });
    });

    it('logs: the Select shown value, inputs, and the rows of the paged Table', () => {
      const { reading } = read(lang, troubleshootingLog(lang, 3));
      if (reading.tool !== 'troubleshooting-log') throw new Error(reading.tool);
      expect(reading.missing).toEqual([]);
      expect(reading.data.filters).toEqual({ eventLabel: lang === 'zh' ? '登录' : 'Login', event: 'login', userId: 'alice', errorCode: 70001 });
      expect(reading.data.rows).toHaveLength(3);
      expect(reading.data.rows?.[2]).toMatchObject({ time: '2026-11-20 10:00:02', event: 'login', userId: 'alice', errorCode: 70001, detail: `UserSig=${TEA_USERSIG}` });
    });

    it('finds the UserID fields of every TEA tool (and not the receiver field)', () => {
      const html = offlinePush(lang, 'idle') + userStatus(lang, false) + userSigGenerator(lang, false) + userSigVerifier(lang, 'idle') + troubleshootingLog(lang, 1);
      const doc = parsePage(html);
      expect(detectTools(doc, URL[lang]).map((t) => t.id)).toEqual(['offline-push', 'user-status', 'usersig-generator', 'usersig-verifier', 'troubleshooting-log']);
      expect(findUserIdInputs(doc.body)).toHaveLength(5);
    });
  });
}

describe('React text nodes in the live DOM', () => {
  it('reads "Cause", "：", text as one line when they are adjacent text nodes (no comments between)', () => {
    const doc = parsePage(offlinePush('en', 'devices'));
    const info = doc.querySelector('.tea-card__content')!;
    const alert = doc.createElement('div');
    alert.className = 'tea-alert';
    const title = doc.createElement('h4');
    title.append(doc.createTextNode('Push failed'));
    const p = doc.createElement('p');
    p.append(doc.createTextNode('Cause'), doc.createTextNode('：'), doc.createTextNode('bad certificate'));
    const q = doc.createElement('p');
    const b = doc.createElement('b');
    b.append(doc.createTextNode('Solution'));
    q.append(b, doc.createTextNode(': upload it again'));
    alert.append(title, p, q);
    info.append(alert);
    const { data } = readOfflinePush(detectTools(doc, URL.en)[0]!.root);
    expect(data.testResult).toMatchObject({ ok: false, reason: 'bad certificate', fix: 'upload it again' });
  });
});

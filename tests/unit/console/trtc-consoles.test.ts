// @vitest-environment happy-dom
// Issue #17: where features start (the tool routes of the three console hosts), the TRTC consoles'
// tool names, and the SDKAppID read from a tool's own application drop-down.
import { describe, expect, it } from 'vitest';
import { consoleLang } from '../../../lib/console/lang.ts';
import { readSdkAppIdWithSource } from '../../../lib/console/sdkappid.ts';
import { detectTools } from '../../../lib/console/tools.ts';
import { isFeatureUrl } from '../../../lib/console/urls.ts';
import { parsePage } from './parse-page.ts';

describe('isFeatureUrl: features start on the tool routes only', () => {
  const starts = [
    'https://console.cloud.tencent.com/im',
    'https://console.tencentcloud.com/im/tool-usersig?sdkappid=1400000001',
    'https://console.cloud.tencent.com/trtc/usersigtool',
    'https://console.tencentcloud.com/trtc/usersigtool/',
    'https://console.trtc.io/usersig?language=en',
    'https://console.trtc.io/chat',
    'https://console.trtc.io/chat/auxiliary-tools/usersig',
  ];
  const idle = [
    'https://console.cloud.tencent.com/',
    'https://console.cloud.tencent.com/cvm',
    'https://console.cloud.tencent.com/trtc',
    'https://console.cloud.tencent.com/trtc/monitor',
    'https://console.tencentcloud.com/imx',
    'https://console.trtc.io/',
    'https://console.trtc.io/monitor',
    'https://console.trtc.io/usersigs-not',
    'http://console.trtc.io/usersig',
    'https://evil.example/usersig',
    'https://console.trtc.io.evil.example/usersig',
    'not a url',
  ];
  for (const url of starts) it(`starts on ${url}`, () => expect(isFeatureUrl(url)).toBe(true));
  for (const url of idle) it(`stays idle on ${url}`, () => expect(isFeatureUrl(url)).toBe(false));
});

const CARD = (title: string, app: string, appLabel = '应用（SDKAppID）') => `
  <div class="card"><h3>${title}</h3>
    <div class="row"><label>${appLabel}</label><div><div tabindex="0" class="select">${app}</div></div></div>
    <div class="row"><label>UserID</label><div><input></div></div>
    <div class="row"><label>签名（UserSig）</label><div><textarea></textarea></div></div>
  </div>`;

describe('TRTC tool names', () => {
  it('finds the generator and the verifier by the names each console gives them, not the page title', () => {
    const names: [string, string, string][] = [
      ['zh', '签名（UserSig）生成工具', '签名（UserSig）校验工具'],
      ['en', 'Signature (UserSig) Generator', 'Signature (UserSig) Verifier'],
      ['en', 'UserSig Generation Tool', 'Signature (UserSig) Verifier/Checker'],
    ];
    for (const [lang, generator, verifier] of names) {
      const doc = parsePage(`<h2>UserSig生成&校验</h2><h2>UserSig Generation & Verification</h2>${CARD(generator, 'a（1400000001）')}${CARD(verifier, 'b（1400000002）')}`, lang);
      const tools = detectTools(doc, 'https://console.trtc.io/somewhere-new');
      expect(tools.map((t) => [t.id, t.heading.textContent]), `${generator} / ${verifier}`).toEqual([
        ['usersig-generator', generator],
        ['usersig-verifier', verifier],
      ]);
    }
  });
});

describe('SDKAppID of a tool with its own application drop-down', () => {
  it('reads each card’s own choice, `name（SDKAppID）` or a bare ID labelled SDKAppID', () => {
    const doc = parsePage(`${CARD('签名（UserSig）生成工具', 'IM 演示应用（1400000001）')}${CARD('Signature (UserSig) Verifier', '1400000002', 'SDKAppID')}`);
    const [generator, verifier] = detectTools(doc, 'https://console.cloud.tencent.com/trtc/usersigtool');
    expect(readSdkAppIdWithSource(doc, 'https://console.cloud.tencent.com/trtc/usersigtool', generator!.root)).toEqual({ sdkAppId: 1400000001, source: 'app-selector' });
    expect(readSdkAppIdWithSource(doc, 'https://console.cloud.tencent.com/trtc/usersigtool', verifier!.root)).toEqual({ sdkAppId: 1400000002, source: 'app-selector' });
  });

  it('ignores a drop-down that shows no SDKAppID, and falls back to the page', () => {
    const doc = parsePage(`<header class="qc-topbar"><div class="app-select"><button>演示（1400000003）</button></div></header>${CARD('签名（UserSig）校验工具', '请选择')}`);
    const [verifier] = detectTools(doc, 'https://console.cloud.tencent.com/trtc/usersigtool');
    expect(readSdkAppIdWithSource(doc, 'https://console.cloud.tencent.com/trtc/usersigtool', verifier!.root)).toEqual({ sdkAppId: 1400000003, source: 'top-bar' });
  });
});

describe('language on console.trtc.io', () => {
  it('follows the page: zh and en; any other language is English', () => {
    expect(consoleLang('https://console.trtc.io/usersig?language=zh', parsePage('', 'zh-CN'))).toBe('zh');
    expect(consoleLang('https://console.trtc.io/usersig', parsePage('', 'en'))).toBe('en');
    expect(consoleLang('https://console.trtc.io/usersig?language=ja', parsePage('', 'ja'))).toBe('en');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { consoleLang } from '../../../lib/console/lang.ts';
import { readSdkAppId, readSdkAppIdWithSource } from '../../../lib/console/sdkappid.ts';
import { topBarWithAppSelector, userSigVerifier } from './tea/tools.ts';
import { isImConsoleUrl } from '../../../lib/console/urls.ts';
import { parsePage } from './parse-page.ts';

const ZH = 'https://console.cloud.tencent.com/im/tool-usersig';
const EN = 'https://console.tencentcloud.com/im/tool-usersig';
const TOP_BAR = (text: string) => `<header class="qc-topbar"><span>即时通信 IM</span><div class="qc-app-switcher"><button>${text}</button></div></header><main></main>`;

describe('consoleLang', () => {
  it('goes by site when the page does not say', () => {
    const doc = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(consoleLang(ZH, doc)).toBe('zh');
    expect(consoleLang(EN, doc)).toBe('en');
    expect(consoleLang(ZH)).toBe('zh');
    expect(consoleLang('https://example.com/')).toBe('en');
    expect(consoleLang('garbage')).toBe('en');
  });

  it('follows the language the page declares', () => {
    expect(consoleLang(ZH, parsePage('', 'en-US'))).toBe('en');
    expect(consoleLang(EN, parsePage('', 'zh-CN'))).toBe('zh');
    expect(consoleLang(ZH, parsePage('', 'ja'))).toBe('zh');
  });
});

describe('readSdkAppId', () => {
  const empty = parsePage('<main></main>');

  it('reads sdkappid= or appid= from the URL, whatever the case of the key', () => {
    expect(readSdkAppId(empty, `${ZH}?sdkappid=1400000001`)).toBe(1400000001);
    expect(readSdkAppId(empty, `${EN}?x=1&appid=20000123`)).toBe(20000123);
    expect(readSdkAppId(empty, `${EN}?SDKAppID=1400000002`)).toBe(1400000002);
  });

  it('prefers the URL over the top bar', () => {
    expect(readSdkAppId(parsePage(TOP_BAR('SDKAppID：1400000001')), `${ZH}?sdkappid=1400000002`)).toBe(1400000002);
  });

  it('reads the top bar in both languages when the URL has none', () => {
    expect(readSdkAppId(parsePage(TOP_BAR('IM 演示应用 <span>SDKAppID：1400000001</span>')), ZH)).toBe(1400000001);
    expect(readSdkAppId(parsePage(TOP_BAR('IM Demo App <span>SDKAppID: 1400000002</span>')), EN)).toBe(1400000002);
    expect(readSdkAppId(parsePage(TOP_BAR('SDK AppID 1400000003')), EN)).toBe(1400000003);
  });

  it('ignores SDKAppIDs inside a tool (a verification result) and in data tables', () => {
    const verified = userSigVerifier('zh', 'verified');
    expect(verified).toContain('1400000001');
    expect(readSdkAppId(parsePage(verified), ZH)).toBeUndefined();
    const table = '<main><table><thead><tr><th>SDKAppID</th><th>Name</th></tr></thead><tbody><tr><td>1400000002</td><td>x</td></tr></tbody></table></main>';
    expect(readSdkAppId(parsePage(table), ZH)).toBeUndefined();
  });

  it('reads a labelled SDKAppID elsewhere on the page as page text, the label and value split or inline', () => {
    expect(readSdkAppIdWithSource(parsePage('<main><dl><dt>SDKAppID</dt><dd>1400000002</dd></dl></main>'), ZH)).toEqual({ sdkAppId: 1400000002, source: 'page-text' });
    expect(readSdkAppIdWithSource(parsePage('<main><p>SDKAppID<!-- -->：<!-- -->1400000003</p></main>'), EN)).toEqual({ sdkAppId: 1400000003, source: 'page-text' });
    expect(readSdkAppIdWithSource(parsePage('<main><p>SDKAppID: 14000000031</p></main>'), EN)).toBeUndefined();
  });

  it('reads the app selector (TEA Select showing name（SDKAppID）) and says so', () => {
    const doc = parsePage(topBarWithAppSelector('演示应用（1400000004）') + verifiedElsewhere());
    expect(readSdkAppIdWithSource(doc, ZH)).toEqual({ sdkAppId: 1400000004, source: 'app-selector' });
    expect(readSdkAppIdWithSource(parsePage(topBarWithAppSelector('demo app (1400000005)')), EN)).toEqual({ sdkAppId: 1400000005, source: 'app-selector' });
    expect(readSdkAppIdWithSource(doc, `${ZH}?sdkappid=1400000001`)).toEqual({ sdkAppId: 1400000001, source: 'url' });
    expect(readSdkAppIdWithSource(parsePage(topBarWithAppSelector('演示应用（abc）')), ZH)).toBeUndefined();
  });

  it('reads a drawn select whose focusable part is an empty search box (Ant Design, Arco): what it shows beside the box', () => {
    const antSelect = (shown: string) =>
      `<div class="ant-select"><div class="ant-select-selector"><span class="ant-select-selection-search"><input id="app" role="combobox" readonly class="ant-select-selection-search-input" value=""></span>${shown}</div></div>`;
    const tool = (select: string) =>
      `<main><div class="card"><div class="card-head">Signature (UserSig) Verifier</div><form><label for="app">Application</label>${select}<label for="uid">UserID</label><input id="uid"><label for="sig">UserSig</label><textarea id="sig"></textarea><button>Verify</button></form></div></main>`;
    const chosen = parsePage(tool(antSelect('<span class="ant-select-selection-item" title="demo-app (1400000007)">demo-app (1400000007)</span>')));
    expect(readSdkAppIdWithSource(chosen, 'https://console.trtc.io/usersig', chosen.querySelector('.card')!)).toEqual({ sdkAppId: 1400000007, source: 'app-selector' });
    expect(readSdkAppIdWithSource(chosen, 'https://console.trtc.io/usersig')).toEqual({ sdkAppId: 1400000007, source: 'app-selector' });
    // Nothing chosen yet: the placeholder is not a value.
    const none = parsePage(tool(antSelect('<span class="ant-select-selection-placeholder">Select (1400000008)</span>')));
    expect(readSdkAppIdWithSource(none, 'https://console.trtc.io/usersig', none.querySelector('.card')!)).toBeUndefined();
    // A wrapper holding another field is not the select's: its text is not read.
    const shared = parsePage(`<main><div class="row"><input role="combobox" value=""><span>demo (1400000009)</span><input name="other"></div></main>`);
    expect(readSdkAppIdWithSource(shared, 'https://console.trtc.io/usersig')).toBeUndefined();
  });

  it('says when the top bar gave it', () => {
    expect(readSdkAppIdWithSource(parsePage(TOP_BAR('SDKAppID：1400000001')), ZH)).toEqual({ sdkAppId: 1400000001, source: 'top-bar' });
    const plainName = '<header class="qc-topbar"><span>即时通信 IM</span><span>当前应用：演示应用（1400000006）</span></header><main></main>';
    expect(readSdkAppIdWithSource(parsePage(plainName), ZH)).toEqual({ sdkAppId: 1400000006, source: 'top-bar' });
    expect(readSdkAppIdWithSource(parsePage('<header>消息（12）</header><main></main>'), ZH)).toBeUndefined();
    expect(readSdkAppIdWithSource(parsePage('<main></main>'), ZH)).toBeUndefined();
  });

  it('rejects what is not an SDKAppID', () => {
    for (const bad of ['abc', '0', '-1400000001', '1400000001x', '99999999999', '4294967296', '', '1.5e9']) {
      expect(readSdkAppId(empty, `${ZH}?sdkappid=${encodeURIComponent(bad)}`), bad).toBeUndefined();
    }
    expect(readSdkAppId(parsePage(TOP_BAR('SDKAppID: 14000000011')), ZH)).toBeUndefined();
    expect(readSdkAppId(parsePage(TOP_BAR('Account 100012345678')), ZH)).toBeUndefined();
    expect(readSdkAppId(empty, 'not a url')).toBeUndefined();
  });

  it('falls back to the top bar when the URL value is invalid', () => {
    expect(readSdkAppId(parsePage(TOP_BAR('SDKAppID：1400000001')), `${ZH}?sdkappid=oops`)).toBe(1400000001);
  });
});

describe('isImConsoleUrl', () => {
  it('accepts /im pages of both consoles only', () => {
    expect(isImConsoleUrl('https://console.cloud.tencent.com/im')).toBe(true);
    expect(isImConsoleUrl('https://console.tencentcloud.com/im/tool-log?rows=5000')).toBe(true);
    expect(isImConsoleUrl('https://console.cloud.tencent.com/imx')).toBe(false);
    expect(isImConsoleUrl('https://console.cloud.tencent.com/cvm')).toBe(false);
    expect(isImConsoleUrl('http://console.cloud.tencent.com/im')).toBe(false);
    expect(isImConsoleUrl('https://evil.example/im')).toBe(false);
  });
});

function verifiedElsewhere(): string {
  return '<main><dl><dt>SDKAppID</dt><dd>1400000009</dd></dl></main>';
}

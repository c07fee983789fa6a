// @vitest-environment happy-dom
// Readers on hand-written markup: the shapes the replica does not produce, and hostile values.
import { describe, expect, it, vi } from 'vitest';
import { readOfflinePush, vendorOf } from '../../../lib/console/offline-push.ts';
import { readDetectedTool } from '../../../lib/console/snapshot.ts';
import { readTable } from '../../../lib/console/table.ts';
import { detectTools } from '../../../lib/console/tools.ts';
import { readTroubleshootingLog } from '../../../lib/console/troubleshooting-log.ts';
import { canReceivePushFrom, readUserStatus, statusOf } from '../../../lib/console/user-status.ts';
import { readUserSigGenerator } from '../../../lib/console/usersig-generator.ts';
import { readUserSigVerifier } from '../../../lib/console/usersig-verifier.ts';
import { parsePage } from './parse-page.ts';

const body = (html: string) => parsePage(html).body;

describe('readTable', () => {
  const spec = { a: ['Alpha', '甲'], b: ['Beta'], c: ['Gamma'] };

  it('reads one table by header names, in any column order, skipping spanning rows', () => {
    const t = readTable(
      body(`<table><thead><tr><th>Beta</th><th>Other</th><th> alpha </th></tr></thead>
        <tbody><tr><td>b1</td><td>x</td><td>a1</td></tr><tr><td colspan="3">No data</td></tr><tr><td> b2 </td><td></td><td>a
        2</td></tr></tbody></table>`),
      spec,
    );
    expect(t).toEqual({ columns: ['b', 'a'], rows: [{ b: 'b1', a: 'a1' }, { b: 'b2', a: 'a 2' }] });
  });

  it('reads TEA tables whose header and body are separate tables', () => {
    const t = readTable(
      body(`<div class="tea-table"><div class="tea-table__header"><table><tr><th><div><span>甲</span></div></th><th>Gamma</th></tr></table></div>
        <div class="tea-table__body"><table><tbody><tr><td><div>1</div></td><td><div>3</div></td></tr></tbody></table></div></div>`),
      spec,
    );
    expect(t?.rows).toEqual([{ a: '1', c: '3' }]);
  });

  it('reads ARIA grids', () => {
    const t = readTable(
      body(`<div role="grid"><div role="row"><span role="columnheader">Alpha</span><span role="columnheader">Beta</span></div>
        <div role="row"><span role="cell">1</span><span role="cell">2</span></div></div>`),
      spec,
    );
    expect(t).toEqual({ columns: ['a', 'b'], rows: [{ a: '1', b: '2' }] });
  });

  it('gives up without a header naming enough columns', () => {
    expect(readTable(body('<table><tr><td>Alpha</td><td>Beta</td></tr></table>'), spec)).toBeUndefined();
    expect(readTable(body('<table><tr><th>Alpha</th><th>Delta</th></tr><tr><td>1</td><td>2</td></tr></table>'), spec)).toBeUndefined();
  });
});

describe('readOfflinePush on other markup', () => {
  const finder = (result: string) =>
    body(`<section><h3>离线推送定位工具</h3><label>UserID <input value=" u1 "></label><button>获取设备状态</button>
      <dl><dt>设备信息</dt><dd><table><tr><th>证书 ID</th><th>厂商</th><th>Token</th></tr>
        <tr><td>1001</td><td>Honor</td><td>tok-honor-0001</td></tr>
        <tr><td>abc</td><td>vivo</td><td>tok-vivo-0001</td></tr>
        <tr><td>1003</td><td>OPPO</td><td>bad token with spaces</td></tr></table></dd>
      <dt>证书 ID</dt><dd><select><option value="1001" selected>1001</option></select><button>开始检测</button></dd>
      <dt>检测结果</dt><dd>${result}</dd></dl></section>`);

  it('keeps valid devices, reports invalid rows, and reads an inline "cause: …" result', () => {
    const { data, missing } = readOfflinePush(finder('<p>推送失败</p><p>失败原因：证书已过期</p><p>解决方案：请重新上传证书</p>'));
    expect(data).toMatchObject({
      userId: 'u1',
      selectedCertificate: '1001',
      devices: [{ certificateId: '1001', vendor: 'honor', vendorLabel: 'Honor', token: 'tok-honor-0001' }],
      testResult: { ok: false, reason: '证书已过期', fix: '请重新上传证书' },
    });
    expect(missing).toEqual(['devices[1]', 'devices[2]']);
  });

  it('reports a result it cannot judge instead of guessing', () => {
    const { data, missing } = readOfflinePush(finder('<p>请稍候</p>'));
    expect(data.testResult).toBeUndefined();
    expect(missing).toContain('testResult');
  });

  it('judges a success by its title even when the text mentions failures', () => {
    const { data } = readOfflinePush(finder('<p>Push succeeded</p><p>If a failure is reported later, check the vendor.</p>'));
    expect(data.testResult?.ok).toBe(true);
  });

  it('normalises vendor names of both languages', () => {
    expect(['苹果（APNs）', 'Apple (APNs)', '华为', 'Huawei', '荣耀', '小米', 'Xiaomi', 'OPPO', 'vivo', '魅族', 'FCM（谷歌）', 'FCM (Google)', '极光'].map(vendorOf)).toEqual([
      'apns', 'apns', 'huawei', 'huawei', 'honor', 'xiaomi', 'xiaomi', 'oppo', 'vivo', 'meizu', 'fcm', 'fcm', 'other',
    ]);
  });
});

describe('readUserStatus on other markup', () => {
  it('maps status words of both languages, and reports an unknown one', () => {
    expect(['在线', '推送在线', '离线', 'Online', 'Push online', 'PushOnline', ' offline '].map(statusOf)).toEqual([
      'online', 'push-online', 'offline', 'online', 'push-online', 'push-online', 'offline',
    ]);
    const { data, missing } = readUserStatus(body('<h3>用户状态检查工具</h3><input aria-label="UserID"><button>获取状态</button><p><span>当前状态：</span><span>忙碌</span></p>'));
    expect(data).toEqual({ statusLabel: '忙碌' });
    expect(missing).toEqual(['status']);
  });

  it('reads the push verdict from the conclusion, negatives first', () => {
    expect(canReceivePushFrom('The UserID is not ready to receive offline push messages.')).toBe(false);
    expect(canReceivePushFrom('The UserID is ready to receive offline push messages.')).toBe(true);
    expect(canReceivePushFrom('初步判定该 UserID 当前可以接收离线推送。')).toBe(true);
    expect(canReceivePushFrom('该 UserID 当前离线，无法接收离线推送。')).toBe(false);
    expect(canReceivePushFrom('未查询到该 UserID 的登录信息')).toBeUndefined();
  });
});

describe('readUserSigGenerator / readUserSigVerifier on other markup', () => {
  it('does not pass on an output that is not UserSig-shaped', () => {
    const { data, missing } = readUserSigGenerator(
      body('<label>UserID <input value="alice"></label><button>Generate UserSig</button><label>UserSig <textarea readonly>eJyr&lt;script&gt;alert(1)&lt;/script&gt;</textarea></label>'),
    );
    expect(data).toEqual({ userId: 'alice' });
    expect(missing).toEqual(['userSig']);
  });

  it('reads a failure without error code, and parses validity in seconds', () => {
    const failed = readUserSigVerifier(
      body('<input aria-label="UserID" value="bob"><label>UserSig <textarea>eJx</textarea></label><button>Verify</button><dl><dt>Verification result</dt><dd><b>Verification failed</b><p>Cause: bad</p></dd></dl>'),
    );
    expect(failed.data).toEqual({ userId: 'bob', userSig: 'eJx', verdict: { ok: false, reason: 'bad' } });
    const ok = readUserSigVerifier(
      body('<dl><dt>校验结果</dt><dd><p>校验成功</p><p>SDKAppID：1400000001</p><p>有效期：180 天（15552000 秒）</p><p>UserID：</p></dd></dl>'),
    );
    expect(ok.data.verdict).toEqual({ ok: true, sdkAppId: 1400000001, validity: '180 天（15552000 秒）', validitySeconds: 15552000 });
    expect(ok.missing).toEqual(['userIdInput', 'userSigInput', 'verifyButton']);
  });

  it('leaves out a verdict it cannot judge', () => {
    const { data, missing } = readUserSigVerifier(body('<dl><dt>校验结果</dt><dd>处理中</dd></dl>'));
    expect(data.verdict).toBeUndefined();
    expect(missing).toContain('verdict');
  });
});

describe('readTroubleshootingLog on other markup', () => {
  it('keeps rows with odd cells, drops rows without time or event, reads a native select', () => {
    const { data, missing } = readTroubleshootingLog(
      body(`<label>事件名 <select><option>全部</option><option selected>发群消息</option></select></label>
        <label>用户ID <input value="  "></label><label>接收方/群 ID <input value="g1"></label><label>错误码 <input value="x1"></label>
        <label>时间范围 <input value="2026-11-20 00:00:00 ~ 2026-11-21 00:00:00"></label><button>查询</button>
        <table><tr><th>时间</th><th>事件名</th><th>用户ID</th><th>接收方/群 ID</th><th>错误码</th><th>错误信息</th></tr>
          <tr><td>2026-11-21 10:00:00</td><td>发群消息</td><td>u1</td><td>-</td><td>n/a</td><td></td></tr>
          <tr><td></td><td>发群消息</td><td>u2</td><td>g1</td><td>0</td><td>OK</td></tr>
          <tr><td>2026-11-21 09:00:00</td><td>自定义事件</td><td>u3</td><td>g1</td><td>10010</td><td>群不存在</td></tr></table>`),
    );
    expect(missing).toEqual([]);
    expect(data.filters).toEqual({ eventLabel: '发群消息', event: 'group-message', peerId: 'g1', timeRange: '2026-11-20 00:00:00 ~ 2026-11-21 00:00:00' });
    expect(data.rows).toEqual([
      { time: '2026-11-21 10:00:00', eventLabel: '发群消息', event: 'group-message', userId: 'u1' },
      { time: '2026-11-21 09:00:00', eventLabel: '自定义事件', userId: 'u3', peerId: 'g1', errorCode: 10010, errorInfo: '群不存在' },
    ]);
    expect(data.skippedRows).toBe(1);
  });
});

describe('readDetectedTool', () => {
  it('turns a reader that throws on odd markup into an all-missing reading', () => {
    const doc = parsePage('<section><h3>用户状态检查工具</h3><input aria-label="UserID"></section>');
    const [tool] = detectTools(doc, 'https://console.cloud.tencent.com/im/tool-push-check');
    vi.spyOn(doc, 'createTreeWalker').mockImplementation(() => {
      throw new Error('odd markup');
    });
    expect(readDetectedTool(tool!)).toEqual({ tool: 'user-status', data: {}, missing: ['reader'] });
  });
});

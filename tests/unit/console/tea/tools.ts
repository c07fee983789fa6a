// The five console tools drawn with TEA components, zh and en, idle and with results: card title
// and description (TEA puts the description inside the title's heading), Form.Item labels,
// Input / TextArea / Select (a div without a role) / Table / RangePicker / Alert / Status / Text.
import { Alert, Button, Card, DatePicker, Form, Input, Layout, NavMenu, Select, Status, Table, Text, TextArea } from 'tea-component';
import type { Lang } from '../../../../lib/i18n.ts';
import { readUserSigFixtures } from '../../../fixtures/console/usersig-fixtures.ts';
import { h, teaHtml } from './render.ts';

const FIXTURES = readUserSigFixtures();

const noop = () => {};
const item = (label: string, ...control: React.ReactNode[]) => h(Form.Item, { label }, ...control);
const input = (value = '', placeholder = '') => h(Input, { value, placeholder, onChange: noop });
const button = (text: string) => h(Button, { type: 'primary' }, text);
const select = (value: string, options: string[]) => h(Select, { value, options: options.map((o) => ({ value: o, text: o })), onChange: noop });
const readonly = (rows: [string, string][]) => h(Form, { readonly: true }, ...rows.map(([l, v]) => item(l, h(Form.Text, null, v))));
/** React renders `{label}{colon}{text}` as three text nodes. */
const line = (label: string, text: string) => h('p', null, label, '：', text);

export interface CardOptions {
  /** Extra words after the tool's name inside its heading ("Beta", "新版"). */
  badge?: string;
  /** Mark the card as the expected section root (examples table). */
  expectRoot?: boolean;
}

function card(title: string, subtitle: string, options: CardOptions, ...content: React.ReactNode[]) {
  const heading = options.badge ? h('span', null, title, ' ', h(Text, { theme: 'primary' }, options.badge)) : title;
  return h(Card, options.expectRoot ? { 'data-expect-root': '' } : null, h(Card.Body, { title: heading, subtitle }, ...content));
}

const T = {
  zh: {
    push: ['离线推送定位工具', '您可以使用该工具自助查询收不到离线消息的问题。输入 UserID 获取设备信息'],
    statusTool: ['用户状态检查工具', '您可以使用该工具自动获取用户客户端状态，检查用户是否处于可接收离线推送状态。'],
    gen: ['签名（UserSig）生成工具', '系统将会自动获取当前应用的密钥，您只需要填写用户名（UserID）即可使用该工具快速生成签名（UserSig）'],
    verify: ['签名（UserSig）校验工具', '系统将会自动获取当前应用的密钥，您只需要填写 UserID 和 UserSig 即可使用该工具快速校验 UserSig 的有效性。'],
    log: ['自助排障日志', '您可以查询即时通信 IM 三天内后台日志信息。'],
    userId: 'UserID', userName: '用户名（UserID）', getDevices: '获取设备状态', certificate: '证书 ID', startTest: '开始检测',
    columns: ['证书 ID', '推送通道', '设备 Token', '上报时间'], vendor: '华为',
    pushFailed: '推送失败', cause: '失败原因', solution: '解决方案', causeText: '证书已过期', solutionText: '请在控制台重新上传证书',
    getStatus: '获取状态', status: '当前状态', statusValue: '推送在线', clientType: '客户端类型', lastLogin: '最近登录时间',
    canReceive: '是否可接收离线推送', yes: '是', conclusion: '初步判定该 UserID 当前可以接收离线推送，您可以在其他设备上登录其他 UserID 发送单聊消息检查是否能收到。',
    generate: '生成签名（UserSig）', copy: '复制签名（UserSig）', userSig: '签名（UserSig）', verifyButton: '开始校验',
    verified: '校验成功', verifyFailed: '校验失败', errorCode: '错误码', generatedAt: '生成时间', validity: '有效期', expiresAt: '过期时间',
    event: '事件名', logUserId: '用户ID', peer: '接收方/群 ID', logCode: '错误码', range: '时间范围', query: '查询', login: '登录',
    logColumns: ['时间', '事件名', '用户ID', '接收方/群 ID', '错误码', '错误信息', '请求详情'], errorInfo: 'UserSig 已过期',
  },
  en: {
    push: ['Offline push issue finder', 'This tool allows you to query issues related to the failure to receive offline messages.'],
    statusTool: ['User client status checking tool', 'This tool automatically obtains the user’s client status and checks whether the user is ready to receive offline push messages.'],
    gen: ['UserSig generator', 'The system automatically obtains the key of the current app. Enter the UserID to generate a UserSig.'],
    verify: ['UserSig verification tool', 'After entering the UserID and UserSig, you can use the tool to quickly check the validity of the UserSig.'],
    log: ['Self-service troubleshooting logs', 'Query the IM backend logs of the last three days.'],
    userId: 'UserID', userName: 'UserID', getDevices: 'Get device information', certificate: 'Certificate ID', startTest: 'Start testing',
    columns: ['Certificate ID', 'Push channel', 'Device token', 'Reported at'], vendor: 'Huawei',
    pushFailed: 'Push failed', cause: 'Cause', solution: 'Solution', causeText: 'The certificate has expired', solutionText: 'Upload the certificate again in the console',
    getStatus: 'Get status', status: 'Current status', statusValue: 'Push online', clientType: 'Client type', lastLogin: 'Last login time',
    canReceive: 'Can receive offline push', yes: 'Yes', conclusion: 'The UserID is ready to receive offline push messages.',
    generate: 'Generate UserSig', copy: 'Copy UserSig', userSig: 'UserSig', verifyButton: 'Verify',
    verified: 'Verification succeeded', verifyFailed: 'Verification failed', errorCode: 'Error code', generatedAt: 'Generation time', validity: 'Validity period', expiresAt: 'Expiration time',
    event: 'Event name', logUserId: 'UserID', peer: 'Receiver/Group ID', logCode: 'Error code', range: 'Time range', query: 'Query', login: 'Login',
    logColumns: ['Time', 'Event name', 'UserID', 'Receiver/Group ID', 'Error code', 'Error information', 'Request details'], errorInfo: 'UserSig expired',
  },
} as const;

/** A real UserSig (alice on 1400000001, from usersigs.json), as the console would show it. */
export const TEA_USERSIG = FIXTURES.tokens.valid.token;

export type PushState = 'idle' | 'devices' | 'failed';

export function offlinePush(lang: Lang, state: PushState, options: CardOptions = {}): string {
  const t = T[lang];
  const form = h(Form, null, item(t.userId, input(state === 'idle' ? '' : 'alice', t.userId)), item('', button(t.getDevices)));
  const devices =
    state === 'idle'
      ? null
      : h(Table, {
          recordKey: 'id',
          records: [{ id: '12345', vendor: t.vendor, token: '0123456789abcdef0123456789abcdef', at: '2026-11-20 10:00:00' }],
          columns: [
            { key: 'id', header: t.columns[0] },
            { key: 'vendor', header: t.columns[1] },
            { key: 'token', header: t.columns[2] },
            { key: 'at', header: t.columns[3] },
          ],
        });
  const test = state === 'idle' ? null : h(Form, null, item(t.certificate, select('12345', ['12345'])), item('', button(t.startTest)));
  const result =
    state === 'failed' ? h(Alert, { type: 'error' }, h('h4', null, t.pushFailed), line(t.cause, t.causeText), line(t.solution, t.solutionText)) : null;
  return teaHtml(card(t.push[0], t.push[1], options, form, devices, test, result));
}

export function userStatus(lang: Lang, withResults: boolean, options: CardOptions = {}): string {
  const t = T[lang];
  const form = h(Form, null, item(t.userId, input(withResults ? 'alice' : '', t.userId)), item('', button(t.getStatus)));
  const results = withResults
    ? [
        readonly([
          [t.status, t.statusValue],
          [t.clientType, 'iOS'],
          [t.lastLogin, '2026-11-20 10:00:00'],
          [t.canReceive, t.yes],
        ]),
        h(Alert, { type: 'success' }, t.conclusion),
      ]
    : [];
  return teaHtml(card(t.statusTool[0], t.statusTool[1], options, form, ...results));
}

export function userSigGenerator(lang: Lang, withResult: boolean, options: CardOptions = {}): string {
  const t = T[lang];
  const form = h(Form, null, item(t.userName, input(withResult ? 'alice' : '', t.userId)), item('', button(t.generate)));
  const result = withResult ? h(Form, null, item(t.userSig, h(Text, { copyable: true }, TEA_USERSIG)), item('', button(t.copy))) : null;
  return teaHtml(card(t.gen[0], t.gen[1], options, form, result));
}

export type VerifyState = 'idle' | 'verified' | 'failed';

export function userSigVerifier(lang: Lang, state: VerifyState, options: CardOptions = {}): string {
  const t = T[lang];
  const form = h(
    Form,
    null,
    item(t.userId, input(state === 'idle' ? '' : 'alice', t.userId)),
    item('UserSig', h(TextArea, { value: state === 'idle' ? '' : TEA_USERSIG, onChange: noop })),
    item('', button(t.verifyButton)),
  );
  const verdict =
    state === 'verified'
      ? h(
          Alert,
          { type: 'success' },
          h('h4', null, t.verified),
          readonly([
            ['SDKAppID', '1400000001'],
            ['UserID', 'alice'],
            [t.generatedAt, '2026-11-20 10:00:00'],
            [t.validity, '15552000'],
            [t.expiresAt, '2027-05-19 10:00:00'],
          ]),
        )
      : state === 'failed'
        ? h(Alert, { type: 'error' }, h('h4', null, t.verifyFailed), line(t.errorCode, '70013'), line(t.cause, t.causeText), line(t.solution, t.solutionText))
        : null;
  return teaHtml(card(t.verify[0], t.verify[1], options, form, verdict));
}

export function troubleshootingLog(lang: Lang, rows: number, options: CardOptions = {}): string {
  const t = T[lang];
  const filters = h(
    Form,
    { layout: 'inline' },
    item(t.event, select(t.login, [t.login])),
    item(t.logUserId, input('alice')),
    item(t.peer, input('')),
    item(t.logCode, input('70001')),
    item(t.range, h(DatePicker.RangePicker, {})),
    item('', button(t.query)),
  );
  const records = Array.from({ length: rows }, (_, i) => ({
    key: String(i),
    time: `2026-11-20 10:00:${String(i % 60).padStart(2, '0')}`,
    event: t.login,
    user: 'alice',
    peer: '-',
    code: '70001',
    info: t.errorInfo,
    detail: `UserSig=${TEA_USERSIG}`,
  }));
  const keys = ['time', 'event', 'user', 'peer', 'code', 'info', 'detail'];
  const table = h(Table, { recordKey: 'key', records, columns: keys.map((key, i) => ({ key, header: t.logColumns[i] ?? key })) });
  return teaHtml(card(t.log[0], t.log[1], options, filters, table));
}

/** The console's top bar with TEA's Select as the app selector, showing `name（SDKAppID）`. */
export function topBarWithAppSelector(label: string): string {
  return teaHtml(
    h(Layout.Header, null, h(NavMenu, { left: h(NavMenu.Item, null, 'IM'), right: h(Select, { value: 'a', options: [{ value: 'a', text: label }], onChange: noop }) })),
  );
}

/** A status box (TEA Status) saying the UserID has no devices. */
export function noDevicesStatus(lang: Lang): string {
  return teaHtml(h(Status, { icon: 'blank', title: lang === 'zh' ? '暂无设备信息' : 'No device information' }));
}

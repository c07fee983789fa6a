import type { Lang } from '../i18n.ts';
import { formatDuration } from './duration.ts';
import type { Lint, LintCode } from './lint.ts';
import type { ProblemText } from './problem-texts.ts';

type LintTexts = Record<LintCode, (l: Lint) => ProblemText>;

/** Tencent's generators that keep only the low byte of each character of a PrivateMapKey's strings (usersig-format.md §B). */
const LOW_BYTE_GENERATORS = 'tls-sig-api-v2 (Node), tls-sig-api-v2-java, lib-generate-test-usersig';

const EN: LintTexts = {
  'validity-zero': () => ({
    title: 'Validity is 0',
    cause: 'TLS.expire is 0: the UserSig expired the second it was issued, and every login with it fails with 70001. Tencent\'s generators sign it without a word.',
    fix: 'Pass the validity in seconds, e.g. 604800 (7 days) or 15552000 (180 days, the default).',
  }),
  'validity-very-short': (l) => ({
    title: 'Validity under 5 minutes',
    cause: `Valid for only ${formatDuration(l.seconds ?? 0, 'en')}: a clock a little off or a slow network, and the login fails with 70001; SDKs that log in again later fail too.`,
    fix: 'Use at least 24 hours (86400); the validity is in seconds, not minutes or hours.',
  }),
  'validity-over-year': (l) => ({
    title: 'Validity over one year',
    cause: `Valid for ${formatDuration(l.seconds ?? 0, 'en')}: a leaked UserSig logs in as this user for that long, and cannot be revoked except by resetting the app's key.`,
    fix: 'Issue UserSigs from your server with a shorter validity (7 to 180 days) and renew them on 70001.',
  }),
  'validity-fractional': (l) => ({
    title: 'Fractional validity',
    cause: `TLS.expire is ${l.actual}: the validity must be whole seconds. JavaScript generators sign it as it is; servers that read an integer reject the UserSig (70005).`,
    fix: 'Round the validity to whole seconds (Math.floor) before generating.',
  }),
  'validity-out-of-range': (l) => ({
    title: 'Validity out of range',
    cause: `TLS.expire is ${l.actual}: negative, or past 2^53 where a JavaScript number no longer holds every whole second (the signed text and the server's reading can differ). The server rejects it (70005) or treats it as expired.`,
    fix: 'Use a whole number of seconds between 1 day and 180 days.',
  }),
  'userid-not-allowed': (l) => ({
    title: 'UserID the SDKs may refuse',
    cause:
      l.detail === 'length'
        ? 'The UserID is longer than 32 bytes; the SDKs accept at most 32 (non-ASCII characters take 2 to 4 bytes each).'
        : l.detail === 'empty'
          ? 'The UserID is empty.'
          : `The UserID has characters outside letters, digits, _ and - (${JSON.stringify(l.detail)}). TRTC accepts only those, up to 32 bytes; the IM SDK refuses anything outside printable ASCII (7003).`,
    fix: 'Map your users to IDs of up to 32 letters, digits, _ or -, and generate the UserSig for that ID.',
  }),
  'issued-in-future': (l) => ({
    title: 'Issued in the future',
    cause: `TLS.time is ${formatDuration(l.seconds ?? 0, 'en')} ahead of this machine's clock: the generating server's clock (or this one) is wrong. The UserSig also expires that much later than intended.`,
    fix: 'Synchronise the generating server with NTP, then generate the UserSig again.',
  }),
  'all-privileges': () => ({
    title: 'PrivateMapKey grants every privilege',
    cause: 'The privilege map is 255: create the room, enter, send and receive audio, video and screen share. A leaked key lets anyone with this UserID do all of it.',
    fix: 'Grant only what the role needs, e.g. 42 (enter and receive only) for the audience.',
  }),
  'privatemapkey-latin1': (l) => ({
    title: `PrivateMapKey ${l.field === 'roomStr' ? 'room' : 'account'} is not UTF-8`,
    cause: `Its bytes (${l.actual}) are not UTF-8; read as Latin-1 they are "${l.reading}". ${LOW_BYTE_GENERATORS} write the low byte of each character. The server compares these bytes with the UTF-8 bytes the client sends (${l.expected}), so entering the room fails.`,
    fix: 'Use an ASCII UserID and room ID, or generate the PrivateMapKey with the Go, PHP or C++ library (they write UTF-8).',
  }),
  'privatemapkey-lossy': (l) => ({
    title: 'PrivateMapKey account lost its characters',
    cause: `The UserID was stored as the low byte of each character (${l.actual}, "${l.reading}"), as ${LOW_BYTE_GENERATORS} do: it cannot be read back, and the server compares these bytes with the UTF-8 bytes of the UserID the client sends (${l.expected}).`,
    fix: 'Use an ASCII UserID, or generate the PrivateMapKey with the Go, PHP or C++ library (they write UTF-8).',
  }),
};

const ZH: LintTexts = {
  'validity-zero': () => ({
    title: '有效期为 0',
    cause: 'TLS.expire 为 0：UserSig 签发即过期，用它登录都会失败（70001）。腾讯的生成工具照样签发，不会提示。',
    fix: '有效期以秒为单位传入，例如 604800（7 天）或 15552000（180 天，默认值）。',
  }),
  'validity-very-short': (l) => ({
    title: '有效期不足 5 分钟',
    cause: `只有 ${formatDuration(l.seconds ?? 0, 'zh')} 有效：时钟稍有偏差或网络稍慢，登录就会失败（70001），SDK 之后重新登录也会失败。`,
    fix: '至少设为 24 小时（86400）；有效期单位是秒，不是分钟或小时。',
  }),
  'validity-over-year': (l) => ({
    title: '有效期超过一年',
    cause: `有效期为 ${formatDuration(l.seconds ?? 0, 'zh')}：UserSig 一旦泄露，这么长时间内都能以该用户身份登录，只能通过重置应用密钥作废。`,
    fix: '由业务服务器签发较短有效期（7 到 180 天）的 UserSig，收到 70001 时再续签。',
  }),
  'validity-fractional': (l) => ({
    title: '有效期含小数',
    cause: `TLS.expire 为 ${l.actual}：有效期必须是整数秒。JavaScript 生成工具会照样签名；按整数读取的服务端会拒绝该 UserSig（70005）。`,
    fix: '生成前把有效期取整为秒（Math.floor）。',
  }),
  'validity-out-of-range': (l) => ({
    title: '有效期超出范围',
    cause: `TLS.expire 为 ${l.actual}：为负数，或超过 2^53，JavaScript 数字已无法精确表示每一秒（签名内容与服务端读取的值可能不同）。服务端会拒绝（70005）或视为已过期。`,
    fix: '使用 1 天到 180 天之间的整数秒。',
  }),
  'userid-not-allowed': (l) => ({
    title: 'SDK 可能拒绝的 UserID',
    cause:
      l.detail === 'length'
        ? 'UserID 超过 32 字节；SDK 最多接受 32 字节（非 ASCII 字符每个占 2 到 4 字节）。'
        : l.detail === 'empty'
          ? 'UserID 为空。'
          : `UserID 含有字母、数字、_ 和 - 以外的字符（${JSON.stringify(l.detail)}）。TRTC 只接受这些字符，最长 32 字节；IM SDK 拒绝可打印 ASCII 以外的字符（7003）。`,
    fix: '把业务用户映射为不超过 32 个字母、数字、_ 或 - 组成的 ID，并为该 ID 生成 UserSig。',
  }),
  'issued-in-future': (l) => ({
    title: '签发时间在未来',
    cause: `TLS.time 比本机时钟早 ${formatDuration(l.seconds ?? 0, 'zh')}：生成 UserSig 的服务器（或本机）时钟不准。UserSig 也会比预期晚这么久才过期。`,
    fix: '用 NTP 校准生成服务器的时钟，然后重新生成 UserSig。',
  }),
  'all-privileges': () => ({
    title: 'PrivateMapKey 授予了全部权限',
    cause: '权限位为 255：创建房间、进房、收发音频、视频和屏幕分享。密钥一旦泄露，持有该 UserID 的任何人都能做这些事。',
    fix: '只授予角色需要的权限，例如观众用 42（仅进房和接收）。',
  }),
  'privatemapkey-latin1': (l) => ({
    title: `PrivateMapKey 的${l.field === 'roomStr' ? '房间号' : '账号'}不是 UTF-8`,
    cause: `其字节（${l.actual}）不是 UTF-8；按 Latin-1 读取为「${l.reading}」。${LOW_BYTE_GENERATORS} 只写入每个字符的低字节。服务端会把这些字节与客户端发送的 UTF-8 字节（${l.expected}）比较，因此进房失败。`,
    fix: '使用 ASCII 的 UserID 和房间号，或用 Go、PHP、C++ 版本的库生成 PrivateMapKey（它们写入 UTF-8）。',
  }),
  'privatemapkey-lossy': (l) => ({
    title: 'PrivateMapKey 的账号丢失了字符',
    cause: `UserID 被存为每个字符的低字节（${l.actual}，「${l.reading}」），${LOW_BYTE_GENERATORS} 都是这样：已无法还原；服务端会把这些字节与客户端发送的 UserID 的 UTF-8 字节（${l.expected}）比较。`,
    fix: '使用 ASCII 的 UserID，或用 Go、PHP、C++ 版本的库生成 PrivateMapKey（它们写入 UTF-8）。',
  }),
};

const TEXTS: Record<Lang, LintTexts> = { en: EN, zh: ZH };

export function describeLint(lint: Lint, lang: Lang): ProblemText {
  return TEXTS[lang][lint.code]?.(lint) ?? { title: lint.code, cause: '', fix: '' };
}

export const LINT_HEADING: Record<Lang, string> = { en: 'Risks in this token', zh: '此令牌的风险' };

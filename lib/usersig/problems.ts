import type { Lang } from '../i18n.ts';
import type { Problem, ProblemCode, Warning, WarningCode } from './types.ts';

export { SERVER_CODES, describeServerCode } from './server-codes.ts';
export { describeProblemServerCode } from './problem-server-codes.ts';

export interface ProblemText {
  title: string;
  cause: string;
  fix: string;
}

type Texts = (p: Problem) => Record<Lang, ProblemText>;

/** The server code each problem produces (70002 for an empty token is set where it is found). */
export const PROBLEM_SERVER_CODES: Record<ProblemCode, number> = {
  'malformed-token': 70003,
  'decompress-failed': 70003,
  'decompressed-too-large': 70003,
  'json-invalid': 70003,
  'schema-invalid': 70005,
  'unsupported-version': 70005,
  'signature-mismatch': 70009,
  expired: 70001,
  'identifier-mismatch': 70013,
  'sdkappid-mismatch': 70014,
};

function duration(seconds: number, lang: Lang): string {
  const units: Array<[number, string, string]> = [
    [365 * 86_400, '年', 'y'],
    [86_400, '天', 'd'],
    [3_600, '小时', 'h'],
    [60, '分钟', 'min'],
    [1, '秒', 's'],
  ];
  const abs = Math.abs(seconds);
  for (const [size, zh, en] of units) {
    if (abs >= size || size === 1) {
      const n = Math.floor(abs / size);
      return lang === 'zh' ? `${n} ${zh}` : `${n} ${en}`;
    }
  }
  return String(seconds);
}

function malformed(p: Problem): Record<Lang, ProblemText> {
  const at = p.at === undefined ? '' : String(p.at + 1);
  const causes: Record<string, Record<Lang, string>> = {
    empty: { zh: 'UserSig 为空。', en: 'The UserSig is empty.' },
    'invalid-character': {
      zh: `第 ${at} 个字符「${p.actual}」不属于 UserSig 的字符集（A–Z a–z 0–9 * - _）。`,
      en: `Character ${at} ("${p.actual}") is not part of the UserSig alphabet (A–Z a–z 0–9 * - _).`,
    },
    'mixed-alphabet': {
      zh: '同时出现了 * - _ 和 + / =：UserSig 被部分转码（例如被 URL 编码或手工替换过）。',
      en: 'It mixes * - _ with + / =: part of it was re-encoded (URL-encoded or edited by hand).',
    },
    'bad-length': {
      zh: `长度 ${p.actual} 不可能是完整的 UserSig：末尾缺了字符，多半被截断了。`,
      en: `A length of ${p.actual} cannot be a whole UserSig: characters are missing at the end, most likely it was cut off.`,
    },
    'non-canonical': {
      zh: `最后一个字符「${p.actual ?? ''}」带有多余的位：UserSig 被改动过。`.replace('「」', ''),
      en: `The last character carries bits that are not data: the UserSig was altered.`,
    },
    'bad-padding': {
      zh: `第 ${at} 个字符处的填充（_ 或 =）位置不对：UserSig 被截断或拼接过。`,
      en: `The padding (_ or =) at character ${at} is misplaced: the UserSig was cut or joined.`,
    },
  };
  const cause = causes[p.reason ?? 'bad-length'] ?? causes['bad-length']!;
  return {
    zh: { title: 'UserSig 格式错误', cause: cause.zh, fix: '从生成处重新完整复制 UserSig，检查存储它的缓冲区或字段长度是否足够。' },
    en: { title: 'Malformed UserSig', cause: cause.en, fix: 'Copy the whole UserSig again from where it was generated, and check that buffers and columns that store it are long enough.' },
  };
}

const PROBLEM_TEXTS: Record<ProblemCode, Texts> = {
  'malformed-token': malformed,
  'decompress-failed': (p) => ({
    zh: {
      title: 'UserSig 解压失败',
      cause: p.reason === 'bad-header' ? '解码后的数据不是 zlib 格式：这不是 UserSig，或开头被改动过。' : 'zlib 数据损坏或不完整：UserSig 被截断或改动过。',
      fix: '重新完整复制 UserSig；若由你的服务端生成，确认它把整个字符串原样返回（Java 旧版库的 2048 字节缓冲区会截断长签名）。',
    },
    en: {
      title: 'UserSig does not decompress',
      cause: p.reason === 'bad-header' ? 'The decoded bytes are not zlib data: this is not a UserSig, or its start was changed.' : 'The zlib data is damaged or incomplete: the UserSig was cut off or altered.',
      fix: 'Copy the whole UserSig again; if your server generates it, make sure it returns the full string unchanged (the old Java library truncates long signatures at 2,048 bytes).',
    },
  }),
  'decompressed-too-large': (p) => ({
    zh: { title: 'UserSig 解压后过大', cause: `解压后超过 ${Math.round((p.limit ?? 0) / 1024)} KiB，真实的 UserSig 不到 20 KiB：这是恶意或错误的数据，已停止解压。`, fix: '不要使用这个 UserSig，检查它的来源。' },
    en: { title: 'UserSig inflates too large', cause: `It inflates past ${Math.round((p.limit ?? 0) / 1024)} KiB while real UserSigs stay under 20 KiB: hostile or broken data, so decoding stopped.`, fix: 'Do not use this UserSig; check where it came from.' },
  }),
  'json-invalid': (p) => ({
    zh: {
      title: 'UserSig 内容不是有效 JSON',
      cause: p.reason === 'duplicate-key' ? `字段 ${p.field} 出现了两次，不同服务端会读到不同的值。` : p.reason === 'not-utf8' ? '解压后的内容不是 UTF-8 文本。' : '解压后的内容不是 JSON。',
      fix: '用官方 tls-sig-api-v2 库重新生成 UserSig，不要手工拼接 JSON。',
    },
    en: {
      title: 'UserSig content is not valid JSON',
      cause: p.reason === 'duplicate-key' ? `The field ${p.field} appears twice; servers disagree on which one counts.` : p.reason === 'not-utf8' ? 'The inflated content is not UTF-8 text.' : 'The inflated content is not JSON.',
      fix: 'Regenerate the UserSig with an official tls-sig-api-v2 library instead of building the JSON by hand.',
    },
  }),
  'schema-invalid': (p) => ({
    zh: {
      title: 'UserSig 字段不正确',
      cause: p.reason === 'not-object' ? '内容是 JSON，但不是对象。' : `字段 ${p.field ?? '?'} 缺失或类型不对${p.expected ? `（应为 ${p.expected}）` : ''}：例如 SDKAppID 被写成了字符串。`,
      fix: '用官方库生成 UserSig；自己实现时，TLS.sdkappid、TLS.time、TLS.expire 必须是整数。',
    },
    en: {
      title: 'UserSig fields are wrong',
      cause: p.reason === 'not-object' ? 'The content is JSON but not an object.' : `The field ${p.field ?? '?'} is missing or of the wrong type${p.expected ? ` (expected ${p.expected})` : ''}, e.g. an SDKAppID written as a string.`,
      fix: 'Generate it with an official library; in your own code TLS.sdkappid, TLS.time and TLS.expire must be integers.',
    },
  }),
  'unsupported-version': (p) => {
    if (p.reason === 'secp256k1-key') {
      return {
        zh: { title: '无法在此校验', cause: '这是旧版（v1）ECDSA UserSig，公钥使用 secp256k1 曲线，浏览器的 Web Crypto 不支持该曲线。签名未被校验，其余字段已解码。', fix: '在控制台把应用升级为 HMAC-SHA256 密钥，并用 tls-sig-api-v2 重新生成 UserSig。' },
        en: { title: 'Cannot be verified here', cause: 'This legacy (v1) ECDSA UserSig uses a secp256k1 key, a curve Web Crypto does not support. The signature was not checked; the other fields are decoded.', fix: 'Upgrade the app to an HMAC-SHA256 key in the console and regenerate UserSigs with tls-sig-api-v2.' },
      };
    }
    if (p.reason === 'v1-needs-public-key') {
      return {
        zh: { title: '旧版 UserSig 需要公钥', cause: '这是旧版（v1）ECDSA UserSig，只能用应用的公钥校验，而不是 SecretKey。', fix: '粘贴应用的公钥（PEM，以 -----BEGIN PUBLIC KEY----- 开头）；若应用已升级为新密钥，请用 tls-sig-api-v2 重新生成 UserSig。' },
        en: { title: 'Legacy UserSig needs the public key', cause: 'This is a legacy (v1) ECDSA UserSig: it verifies with the app\'s public key, not a SecretKey.', fix: 'Paste the app\'s public key (PEM, starting -----BEGIN PUBLIC KEY-----); if the app has moved to a SecretKey, regenerate the UserSig with tls-sig-api-v2.' },
      };
    }
    return {
      zh: { title: '不支持的 UserSig 版本', cause: `TLS.ver 为「${p.actual}」，目前只有 2.0 和旧版 v1。`, fix: '用官方 tls-sig-api-v2 库重新生成 UserSig。' },
      en: { title: 'Unsupported UserSig version', cause: `TLS.ver is "${p.actual}"; only 2.0 and the legacy v1 exist.`, fix: 'Regenerate the UserSig with an official tls-sig-api-v2 library.' },
    };
  },
  'signature-mismatch': (p) => {
    const hint: Record<string, Record<Lang, string>> = {
      'key-case': { zh: '大小写改过后的同一个密钥能通过：密钥区分大小写，按原样使用（不要做十六进制解码或转大小写）。', en: 'The same key with its letter case changed matches: the key is case-sensitive text, use it exactly as shown (no hex decoding, no case change).' },
      'key-whitespace': { zh: '去掉首尾空白后的密钥能通过：复制密钥时带上了空格或换行。', en: 'The key matches once surrounding spaces are removed: it was copied with whitespace or a line break.' },
      corrupt: { zh: '签名字段本身已损坏。', en: 'The signature field itself is damaged.' },
    };
    const extra = p.reason ? hint[p.reason] : undefined;
    return {
      zh: { title: '签名不匹配', cause: extra?.zh ?? 'UserSig 是用另一个密钥签的：其他应用的 SecretKey、已重置的旧密钥，或复制错误的密钥。', fix: '在控制台「应用配置 › 基本信息」中复制该 SDKAppID 自己的密钥，重新生成 UserSig。' },
      en: { title: 'Signature does not match', cause: extra?.en ?? 'The UserSig was signed with a different key: another app\'s SecretKey, an old key that was reset, or a mistyped key.', fix: 'Copy the key of this very SDKAppID from the console (Application Configuration › Basic Information) and regenerate the UserSig.' },
    };
  },
  expired: (p) => ({
    zh: { title: 'UserSig 已过期', cause: `已过期 ${duration(p.seconds ?? 0, 'zh')}。若刚生成就过期，说明有效期过短或为 0，或生成机器的时钟不准。`, fix: '重新生成 UserSig，有效期建议不少于 24 小时；在 6206/70001 时重新获取签名再登录。' },
    en: { title: 'UserSig has expired', cause: `It expired ${duration(p.seconds ?? 0, 'en')} ago. If it expired right after generation, the validity is too short or 0, or the generating machine's clock is wrong.`, fix: 'Generate a new UserSig, valid for at least 24 hours; on 6206/70001 fetch a fresh one and log in again.' },
  }),
  'identifier-mismatch': (p) => {
    const [expected, actual] = [p.expected ?? '', p.actual ?? ''];
    const why: Record<Lang, string> =
      expected.trim() === actual.trim()
        ? { zh: '两者只差首尾空白。', en: 'They differ only in surrounding whitespace.' }
        : expected.toLowerCase() === actual.toLowerCase()
          ? { zh: '两者只差大小写：UserID 区分大小写。', en: 'They differ only in letter case: UserIDs are case-sensitive.' }
          : { zh: '', en: '' };
    return {
      zh: { title: 'UserID 不匹配', cause: `UserSig 是为「${actual}」签发的，而登录用的是「${expected}」。${why.zh}`, fix: '用登录时的 UserID 重新生成 UserSig，或用签发时的 UserID 登录。' },
      en: { title: 'UserID does not match', cause: `The UserSig was issued for "${actual}" but the login uses "${expected}". ${why.en}`.trim(), fix: 'Generate the UserSig for the UserID you log in with, or log in with the UserID it was issued for.' },
    };
  },
  'sdkappid-mismatch': (p) => ({
    zh: { title: 'SDKAppID 不匹配', cause: `UserSig 属于应用 ${p.actual}，而请求的是应用 ${p.expected}。`, fix: `用应用 ${p.expected} 的密钥重新生成 UserSig，或在 SDK 初始化时使用 SDKAppID ${p.actual}。` },
    en: { title: 'SDKAppID does not match', cause: `The UserSig belongs to app ${p.actual} but the request is for app ${p.expected}.`, fix: `Regenerate the UserSig with the key of app ${p.expected}, or initialise the SDK with SDKAppID ${p.actual}.` },
  }),
};

export function describeProblem(problem: Problem, lang: Lang): ProblemText & { serverCode?: number } {
  const texts = PROBLEM_TEXTS[problem.code]?.(problem)[lang];
  const fallback = { title: problem.code, cause: problem.detail ?? '', fix: '' };
  return { ...(texts ?? fallback), serverCode: problem.serverCode };
}

const WARNING_TEXTS: Record<WarningCode, (w: Warning, lang: Lang) => string> = {
  'time-in-future': (w, lang) =>
    lang === 'zh'
      ? `签发时间比本机时间晚 ${duration(w.seconds ?? 0, 'zh')}：生成它的机器或本机的时钟不准。`
      : `Issued ${duration(w.seconds ?? 0, 'en')} in the future: the generating machine's clock or this one is off.`,
  'missing-padding': (_w, lang) => (lang === 'zh' ? '末尾缺少填充字符 _：可能被截断过，严格的服务端会拒绝。' : 'The trailing padding (_) is missing: it may have been cut, and strict servers reject it.'),
  'trimmed-whitespace': (_w, lang) => (lang === 'zh' ? '已去掉 UserSig 中的空白或换行；发送给服务端时请去掉它们。' : 'Spaces or line breaks were removed from the UserSig; strip them before sending it too.'),
  'standard-base64': (_w, lang) => (lang === 'zh' ? '使用的是标准 base64（+ / =），而不是 UserSig 的 * - _：能解码，但说明它被转换过。' : 'Written in standard base64 (+ / =) rather than the UserSig alphabet (* - _): it decodes, but something converted it.'),
  'short-validity': (w, lang) => (lang === 'zh' ? `有效期只有 ${duration(w.seconds ?? 0, 'zh')}，建议不少于 24 小时。` : `Valid for only ${duration(w.seconds ?? 0, 'en')}; at least 24 hours is recommended.`),
  'long-validity': (w, lang) => (lang === 'zh' ? `有效期 ${duration(w.seconds ?? 0, 'zh')}，超过文档允许的 50 年。` : `Valid for ${duration(w.seconds ?? 0, 'en')}, past the documented maximum of 50 years.`),
  'identifier-not-sdk-safe': (_w, lang) => (lang === 'zh' ? 'UserID 含有非可打印 ASCII 字符或超过 32 字节，IM SDK 登录会报 7003。' : 'The UserID has characters outside printable ASCII or is over 32 bytes; the IM SDK rejects it at login (7003).'),
  'userbuf-unrecognised': (_w, lang) => (lang === 'zh' ? 'TLS.userbuf 不是 PrivateMapKey 格式，按原样显示。' : 'TLS.userbuf is not in the PrivateMapKey layout; shown as it is.'),
  'userbuf-mismatch': (w, lang) =>
    lang === 'zh' ? `PrivateMapKey 中的 ${w.field} 为 ${w.actual}，与 UserSig 的 ${w.expected} 不一致。` : `The PrivateMapKey's ${w.field} is ${w.actual}, not ${w.expected} as in the UserSig.`,
  'key-format': (_w, lang) => (lang === 'zh' ? '控制台的密钥是 64 位小写十六进制字符，这个密钥不是。' : 'Console keys are 64 lower-case hex characters; this key is not.'),
};

export function describeWarning(warning: Warning, lang: Lang): string {
  return WARNING_TEXTS[warning.code]?.(warning, lang) ?? warning.code;
}

export { duration as formatDuration };

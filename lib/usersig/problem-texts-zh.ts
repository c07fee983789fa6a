import { USERSIG_MEANINGS_ZH } from '../codes/usersig-texts-zh.ts';
import { registerTexts, type LanguageTexts } from './problem-texts.ts';
import type { Problem } from './types.ts';
import { formatDuration } from './duration.ts';

const d = (seconds: number | undefined) => formatDuration(seconds ?? 0, 'zh');

function malformedCause(p: Problem): string {
  const at = p.at === undefined ? '' : String(p.at + 1);
  switch (p.reason) {
    case 'empty':
      return 'UserSig 为空。';
    case 'invalid-character':
      return `第 ${at} 个字符「${p.actual}」不属于 UserSig 的字符集（A–Z a–z 0–9 * - _）。`;
    case 'mixed-alphabet':
      return '同时出现了 * - _ 和 + / =：UserSig 被部分转码（例如被 URL 编码或手工替换过）。';
    case 'non-canonical':
      return '最后一个字符带有多余的位：UserSig 被改动过。';
    case 'bad-padding':
      return `第 ${at} 个字符处的填充（_ 或 =）位置不对：UserSig 被截断或拼接过。`;
    default:
      return `长度 ${p.actual} 不可能是完整的 UserSig：末尾缺了字符，多半被截断了。`;
  }
}

const KEY_HINTS: Record<string, string> = {
  'key-case': '大小写改过后的同一个密钥能通过：密钥区分大小写，按原样使用（不要做十六进制解码或转大小写）。',
  'key-whitespace': '去掉首尾空白后的密钥能通过：复制密钥时带上了空格或换行。',
  corrupt: '签名字段本身已损坏。',
};

function sameButFor(expected: string, actual: string): string {
  if (expected.trim() === actual.trim()) return '两者只差首尾空白。';
  if (expected.toLowerCase() === actual.toLowerCase()) return '两者只差大小写：UserID 区分大小写。';
  return '';
}

export const ZH_TEXTS: LanguageTexts = {
  // The meanings of the codes our problems map to: the error-code dictionary is their one source.
  serverCodes: USERSIG_MEANINGS_ZH,
  problems: {
    'malformed-token': (p) => ({
      title: 'UserSig 格式错误',
      cause: malformedCause(p),
      fix: '从生成处重新完整复制 UserSig，检查存储它的缓冲区或字段长度是否足够。',
    }),
    'decompress-failed': (p) => ({
      title: 'UserSig 解压失败',
      cause: p.reason === 'bad-header' ? '解码后的数据不是 zlib 格式：这不是 UserSig，或开头被改动过。' : 'zlib 数据损坏或不完整：UserSig 被截断或改动过。',
      fix: '重新完整复制 UserSig；若由你的服务端生成，确认它把整个字符串原样返回（Java 旧版库的 2048 字节缓冲区会截断长签名）。',
    }),
    'decompressed-too-large': (p) => ({
      title: 'UserSig 解压后过大',
      cause: `解压后超过 ${Math.round((p.limit ?? 0) / 1024)} KiB，真实的 UserSig 不到 20 KiB：这是恶意或错误的数据，已停止解压。`,
      fix: '不要使用这个 UserSig，检查它的来源。',
    }),
    'json-invalid': (p) => ({
      title: 'UserSig 内容不是有效 JSON',
      cause:
        p.reason === 'duplicate-key'
          ? `字段 ${p.field} 出现了两次，不同服务端会读到不同的值。`
          : p.reason === 'not-utf8'
            ? '解压后的内容不是 UTF-8 文本。'
            : '解压后的内容不是 JSON。',
      fix: '用官方 tls-sig-api-v2 库重新生成 UserSig，不要手工拼接 JSON。',
    }),
    'schema-invalid': (p) => ({
      title: 'UserSig 字段不正确',
      cause: p.reason === 'not-object' ? '内容是 JSON，但不是对象。' : `字段 ${p.field ?? '?'} 缺失或类型不对${p.expected ? `（应为 ${p.expected}）` : ''}：例如 SDKAppID 被写成了字符串。`,
      fix: '用官方库生成 UserSig；自己实现时，TLS.sdkappid、TLS.time、TLS.expire 必须是整数。',
    }),
    'unsupported-version': (p) =>
      p.reason === 'secp256k1-key'
        ? {
            title: '无法在此校验',
            cause: '这是旧版（v1）ECDSA UserSig，公钥使用 secp256k1 曲线，浏览器的 Web Crypto 不支持该曲线。签名未被校验，其余字段已解码。',
            fix: '在控制台把应用升级为 HMAC-SHA256 密钥，并用 tls-sig-api-v2 重新生成 UserSig。',
          }
        : p.reason === 'v1-needs-public-key'
          ? {
              title: '旧版 UserSig 需要公钥',
              cause: '这是旧版（v1）ECDSA UserSig，只能用应用的公钥校验，而不是 SecretKey。',
              fix: '粘贴应用的公钥（PEM，以 -----BEGIN PUBLIC KEY----- 开头）；若应用已升级为新密钥，请用 tls-sig-api-v2 重新生成 UserSig。',
            }
          : {
              title: '不支持的 UserSig 版本',
              cause: `TLS.ver 为「${p.actual}」，目前只有 2.0 和旧版 v1。`,
              fix: '用官方 tls-sig-api-v2 库重新生成 UserSig。',
            },
    'signature-mismatch': (p) => ({
      title: '签名不匹配',
      cause: (p.reason && KEY_HINTS[p.reason]) ?? 'UserSig 是用另一个密钥签的：其他应用的 SecretKey、已重置的旧密钥，或复制错误的密钥。',
      fix: '在控制台「应用配置 › 基本信息」中复制该 SDKAppID 自己的密钥，重新生成 UserSig。',
    }),
    expired: (p) => ({
      title: 'UserSig 已过期',
      cause: `已过期 ${d(p.seconds)}。若刚生成就过期，说明有效期过短或为 0，或生成机器的时钟不准。`,
      fix: '重新生成 UserSig，有效期建议不少于 24 小时；在 6206/70001 时重新获取签名再登录。',
    }),
    'identifier-mismatch': (p) => ({
      title: 'UserID 不匹配',
      cause: `UserSig 是为「${p.actual ?? ''}」签发的，而登录用的是「${p.expected ?? ''}」。${sameButFor(p.expected ?? '', p.actual ?? '')}`,
      fix: '用登录时的 UserID 重新生成 UserSig，或用签发时的 UserID 登录。',
    }),
    'sdkappid-mismatch': (p) => ({
      title: 'SDKAppID 不匹配',
      cause: `UserSig 属于应用 ${p.actual}，而请求的是应用 ${p.expected}。`,
      fix: `用应用 ${p.expected} 的密钥重新生成 UserSig，或在 SDK 初始化时使用 SDKAppID ${p.actual}。`,
    }),
  },
  warnings: {
    'time-in-future': (w) => `签发时间比本机时间晚 ${d(w.seconds)}：生成它的机器或本机的时钟不准。`,
    'missing-padding': () => '末尾缺少填充字符 _：可能被截断过，严格的服务端会拒绝。',
    'trimmed-whitespace': () => '已去掉 UserSig 中的空白或换行；发送给服务端时请去掉它们。',
    'standard-base64': () => '使用的是标准 base64（+ / =），而不是 UserSig 的 * - _：能解码，但说明它被转换过。',
    'short-validity': (w) => `有效期只有 ${d(w.seconds)}，建议不少于 24 小时。`,
    'long-validity': (w) => `有效期 ${d(w.seconds)}，超过文档允许的 50 年。`,
    'identifier-not-sdk-safe': () => 'UserID 含有非可打印 ASCII 字符或超过 32 字节，IM SDK 登录会报 7003。',
    'userbuf-unrecognised': () => 'TLS.userbuf 不是 PrivateMapKey 格式，按原样显示。',
    'userbuf-mismatch': (w) => `PrivateMapKey 中的 ${w.field} 为 ${w.actual}，与 UserSig 的 ${w.expected} 不一致。`,
    'key-format': () => '控制台的密钥是 64 位小写十六进制字符，这个密钥不是。',
  },
};

registerTexts('zh', ZH_TEXTS);

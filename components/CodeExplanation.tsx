import type { CodeExplanation as Explanation, UnknownCode } from '../lib/codes/schema.ts';
import type { Lang } from '../lib/i18n.ts';
import { MESSAGES } from './messages.ts';

/**
 * The words around an explained error code, both languages: they load with the dictionary (never
 * with the popup at open), and the console's bundles can show either language at once.
 */
export const CODE_MESSAGES: Record<Lang, {
  codesFound: (n: number) => string;
  products: Record<string, string>;
  meaning: string;
  alsoNamed: string;
  source: string;
  unknown: (code: number) => string;
  usersigHint: string;
}> = {
  en: {
    codesFound: (n) => (n === 1 ? '1 error code found' : `${n} error codes found`),
    products: { 'chat-server': 'Chat server', 'chat-sdk': 'Chat SDK', trtc: 'TRTC' },
    meaning: 'Meaning',
    alsoNamed: 'Also named',
    source: 'Official error-code page',
    unknown: (code) => `${code}: not in the dictionary. Check the official error-code page:`,
    usersigHint: 'A UserSig or login code: paste the UserSig here to see what is wrong with it.',
  },
  zh: {
    codesFound: (n) => `找到 ${n} 个错误码`,
    products: { 'chat-server': 'Chat 服务端', 'chat-sdk': 'Chat SDK', trtc: 'TRTC' },
    meaning: '含义',
    alsoNamed: '其他名称',
    source: '官方错误码页面',
    unknown: (code) => `${code}：词典中没有这个错误码。请查看官方错误码页面：`,
    usersigHint: '这是 UserSig 或登录相关的错误码：把 UserSig 粘贴到这里，即可看到它的问题所在。',
  },
};

interface Props {
  entry: Explanation | UnknownCode;
  lang: Lang;
  /** The heading level in the page around it (the popup's section titles are h2). */
  level?: 3 | 4;
}

/**
 * One error code explained: meaning, cause, fix, product, constant and the official page, or a
 * plain "not in the dictionary" with the pages to check. Pure rendering: the caller looks the
 * code up (lib/codes lookupCode, or unknownCode), so the console's log table and reports can reuse it.
 */
export function CodeExplanation({ entry, lang, level = 3 }: Props) {
  const m = MESSAGES[lang];
  const c = CODE_MESSAGES[lang];
  const Heading = level === 3 ? 'h3' : 'h4';
  if ('unknown' in entry) {
    return (
      <section class="code-entry unknown" data-code={entry.code} data-known="false">
        <Heading>{entry.code}</Heading>
        <p>{c.unknown(entry.code)}</p>
        <ul>
          {entry.pages.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">{url}</a>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section class="code-entry" data-code={entry.code} data-known="true" data-product={entry.product}>
      <Heading>
        {entry.code}
        {entry.constant && <code class="constant">{entry.constant}</code>}
        <span class="tag">{c.products[entry.product] ?? entry.product}</span>
      </Heading>
      <p data-part="meaning">
        <strong>{c.meaning}: </strong>
        {entry.meaning}
      </p>
      <p data-part="cause">
        <strong>{m.cause}: </strong>
        {entry.cause}
      </p>
      <p data-part="fix">
        <strong>{m.fix}: </strong>
        {entry.fix}
      </p>
      {entry.aliases.length > 0 && (
        <p class="help">
          {c.alsoNamed}: {entry.aliases.join(', ')}
        </p>
      )}
      <p class="help">
        <a href={entry.source} target="_blank" rel="noreferrer">{c.source}</a>
      </p>
    </section>
  );
}

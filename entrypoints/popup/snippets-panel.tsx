import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import { decodeUserSig } from '../../lib/usersig/decode.ts';
import { KEY_VARIABLE, serverSnippets, snippetParams, type SnippetLanguage, type SnippetParams } from '../../lib/usersig/snippets.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { MESSAGES } from '../../components/messages.ts';

const LABELS: Record<SnippetLanguage, string> = { node: 'Node.js', go: 'Go', java: 'Java', python: 'Python', php: 'PHP', csharp: 'C#' };

const TEXTS = {
  en: {
    title: 'The same token on your server',
    intro: `Generate UserSigs on your server, never in the app. With the official tls-sig-api-v2 libraries, the same SDKAppID, UserID, validity and privileges; the key comes from the ${KEY_VARIABLE} environment variable.`,
    copyCode: (language: string) => `Copy the ${language} code`,
  },
  zh: {
    title: '在服务端生成同样的令牌',
    intro: `请在业务服务器上生成 UserSig，不要放在客户端。以下代码使用官方 tls-sig-api-v2 库，SDKAppID、UserID、有效期和权限都相同；密钥从环境变量 ${KEY_VARIABLE} 读取。`,
    copyCode: (language: string) => `复制 ${language} 代码`,
  },
};

/** The server code that makes the token just generated: its parameters are read back from the token itself. */
export function Snippets({ userSig, lang }: { userSig: string; lang: Lang }) {
  const [params, setParams] = useState<SnippetParams | undefined>();
  useEffect(() => {
    let current = true;
    decodeUserSig(userSig).then((r) => current && setParams(r.ok ? snippetParams(r.token) : undefined));
    return () => {
      current = false;
    };
  }, [userSig]);
  if (!params) return null;
  const m = MESSAGES[lang];
  return (
    <section data-part="snippets" aria-labelledby="snippets-title">
      <h3 id="snippets-title" class="section-title">{TEXTS[lang].title}</h3>
      <p class="help">{TEXTS[lang].intro}</p>
      {serverSnippets(params).map((s) => (
        <details key={s.language} data-snippet={s.language}>
          <summary>{LABELS[s.language]}</summary>
          <p class="help" data-part="install">{s.install}</p>
          <pre class="mono" data-part="code" style="white-space: pre-wrap; overflow-wrap: anywhere">{s.code}</pre>
          <CopyButton text={() => s.code} label={m.copy} doneLabel={m.copied} title={TEXTS[lang].copyCode(LABELS[s.language])} />
        </details>
      ))}
    </section>
  );
}

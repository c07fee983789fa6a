import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n.ts';
import { MESSAGES } from '../../components/messages.ts';
import { DecodePane } from './DecodePane.tsx';
import { LazyGeneratePane } from './lazy-panels.tsx';
import { LazyCodeDetails, LazyFoundCodes } from './lazy-codes.tsx';
import { CodeDetailsContext } from '../../components/code-details-context.ts';
import type { VerifyInputs } from './VerifyForm.tsx';
import type { Theme } from '../../components/preferences.ts';

interface Props {
  lang: Lang;
  theme: Theme;
  onLang: (lang: Lang) => void;
  onTheme: (theme: Theme) => void;
  /** Typed into the page's markup before the app took it over. */
  typed: string;
}

export function App({ lang, theme, onLang, onTheme, typed }: Props) {
  const m = MESSAGES[lang];
  const [tab, setTab] = useState<'decode' | 'generate'>('decode');
  const [text, setText] = useState(typed);
  const [inputs, setInputs] = useState<VerifyInputs>({ key: '', sdkAppId: '', userId: '' });

  useEffect(() => {
    // A chunk of its own, fetched once the popup has painted: most openings hand nothing over.
    import('./incoming-text.ts')
      .then(({ incomingText }) => incomingText())
      .then((incoming) => incoming && setText((current) => current || incoming));
  }, []);

  const openInDecoder = (token: string) => {
    setText(token);
    setTab('decode');
  };

  return (
    <div class="imch popup" data-theme={theme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="row top">
        <h1>{m.appName}</h1>
        <select aria-label={m.language} data-pref="language" value={lang} onChange={(e) => onLang(e.currentTarget.value as Lang)}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
        <select aria-label={m.theme} data-pref="theme" value={theme} onChange={(e) => onTheme(e.currentTarget.value as Theme)}>
          <option value="auto">{m.themeAuto}</option>
          <option value="light">{m.themeLight}</option>
          <option value="dark">{m.themeDark}</option>
        </select>
      </header>
      <main>
        <div class="tabs" role="tablist" aria-label={m.appName}>
          {(['decode', 'generate'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = id === 'decode' ? 'generate' : 'decode';
                  setTab(next);
                  (e.currentTarget.parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
                }
              }}
            >
              {id === 'decode' ? m.tabDecode : m.tabGenerate}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="panel-decode" aria-labelledby="tab-decode" hidden={tab !== 'decode'}>
          <CodeDetailsContext.Provider value={LazyCodeDetails}>
            <DecodePane lang={lang} text={text} onText={setText} inputs={inputs} onInputs={setInputs} />
          </CodeDetailsContext.Provider>
          {tab === 'decode' && <LazyFoundCodes text={text} lang={lang} />}
        </div>
        <div role="tabpanel" id="panel-generate" aria-labelledby="tab-generate" hidden={tab !== 'generate'}>
          {tab === 'generate' && <LazyGeneratePane lang={lang} inputs={inputs} onInputs={setInputs} onOpenInDecoder={openInDecoder} />}
        </div>
      </main>
      <footer class="row foot">
        <span class="help">{m.noNetwork}</span>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {m.options}
        </a>
      </footer>
    </div>
  );
}

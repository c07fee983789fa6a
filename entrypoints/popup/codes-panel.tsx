import { useEffect, useMemo, useState } from 'preact/hooks';
import { CODE_MESSAGES, CodeExplanation } from '../../components/CodeExplanation.tsx';
import { findCodes } from '../../lib/codes/find.ts';
import { loadCodeTexts, lookupLoaded, unknownCode } from '../../lib/codes/lookup.ts';
import type { Lang } from '../../lib/i18n.ts';

/** True once the dictionary's texts of the language are here (they load on first use). */
function useCodeTexts(lang: Lang, wanted = true): boolean {
  const [ready, setReady] = useState<Lang | undefined>();
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    loadCodeTexts(lang).then(() => current && setReady(lang));
    return () => {
      current = false;
    };
  }, [lang, wanted]);
  return ready === lang;
}

/** Every error code a pasted text mentions, explained (or said to be unknown). */
export function FoundCodes({ text, lang }: { text: string; lang: Lang }) {
  const m = CODE_MESSAGES[lang];
  const found = useMemo(() => findCodes(text), [text]);
  // A UserSig alone mentions no code: its texts are not loaded for nothing.
  const ready = useCodeTexts(lang, found.length > 0);
  if (found.length === 0 || !ready) return null;
  return (
    <section aria-labelledby="codes-title" data-part="codes">
      <h2 id="codes-title" class="section-title">{m.codesFound(found.length)}</h2>
      {found.map((f) => {
        const entry = (f.known && lookupLoaded(f.code, lang)) || unknownCode(f.code, lang);
        return (
          <div key={f.code}>
            <CodeExplanation entry={entry} lang={lang} />
            {'usersig' in entry && entry.usersig && <p class="help" data-part="usersig-hint">{m.usersigHint}</p>}
          </div>
        );
      })}
    </section>
  );
}

/** A problem card's server code, explained in full from the dictionary. */
export function CodeDetailsBody({ code, lang }: { code: number; lang: Lang }) {
  const ready = useCodeTexts(lang);
  const entry = ready ? lookupLoaded(code, lang) : undefined;
  return entry ? <CodeExplanation entry={entry} lang={lang} level={4} /> : null;
}

import { useEffect, useState } from 'preact/hooks';
import { MESSAGES } from '../../components/messages.ts';
import type { Lang } from '../../lib/i18n.ts';

type Panel = typeof import('./codes-panel.tsx');
let loaded: Promise<Panel> | undefined;
const load = () => (loaded ??= import('./codes-panel.tsx'));

function usePanel(wanted: boolean): Panel | undefined {
  const [panel, setPanel] = useState<Panel | undefined>();
  useEffect(() => {
    if (wanted && !panel) load().then(setPanel);
  }, [wanted]);
  return panel;
}

// A pasted text can mention codes only if it has a free-standing number or a constant name; a
// UserSig alone (digits only inside its own alphabet) does not load the dictionary.
const MAY_HOLD_CODES = /(?<![\w*-])-?\d|[A-Z]_[A-Z]/;

/** The error codes in the pasted text; the dictionary loads with the first text that may hold one. */
export function LazyFoundCodes({ text, lang }: { text: string; lang: Lang }) {
  const panel = usePanel(MAY_HOLD_CODES.test(text));
  return panel ? <panel.FoundCodes text={text} lang={lang} /> : null;
}

/** A problem card's expander: the dictionary entry of its server code, loaded when opened. */
export function LazyCodeDetails({ code, lang }: { code: number; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const panel = usePanel(open);
  return (
    <details data-part="code-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{MESSAGES[lang].codeFullEntry(code)}</summary>
      {panel && <panel.CodeDetailsBody code={code} lang={lang} />}
    </details>
  );
}

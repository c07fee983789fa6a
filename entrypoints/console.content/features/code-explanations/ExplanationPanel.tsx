import { useEffect, useState } from 'preact/hooks';
import { CodeExplanation } from '../../../../components/CodeExplanation.tsx';
import { explainCodes } from '../../../../lib/codes/lookup.ts';
import type { CodeExplanation as Explanation, UnknownCode } from '../../../../lib/codes/schema.ts';
import type { Lang } from '../../../../lib/i18n.ts';
import { decodeUserSig } from '../../../../lib/usersig/decode.ts';
import type { DecodeResult } from '../../../../lib/usersig/types.ts';
import { DecodePanel } from '../decode-buttons/DecodePanel.tsx';
import { CODE_PANEL_MESSAGES } from './panel-messages.ts';

export interface ExplanationProps {
  code: number;
  lang: Lang;
  /** The UserSig in the code's row, if any: a UserSig code links to its decode. */
  token?: string;
  onClose: () => void;
  /** A failure (the dictionary or the decode did not load): reported once by the feature. */
  onError: (error: unknown) => void;
}

/**
 * One log row's error code explained (lib/codes, in the console's language), or said plainly to
 * be unknown; for a UserSig code in a row that holds a UserSig, a button opens that UserSig's
 * decode (the decode control's own panel) in its place.
 */
export function ExplanationPanel({ code, lang, token, onClose, onError }: ExplanationProps) {
  const m = CODE_PANEL_MESSAGES[lang];
  const [entry, setEntry] = useState<Explanation | UnknownCode | 'failed'>();
  const [decoded, setDecoded] = useState<DecodeResult>();
  useEffect(() => {
    let live = true;
    explainCodes([code], lang).then(
      ([e]) => live && setEntry(e),
      (error: unknown) => {
        onError(error);
        if (live) setEntry('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [code, lang]);

  if (decoded && token) return <DecodePanel token={token} decoded={decoded} lang={lang} onClose={onClose} />;
  const usersig = typeof entry === 'object' && 'usersig' in entry && entry.usersig;
  return (
    <div class="imch panel" data-theme="light" role="dialog" aria-label={m.title(code)} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-code-panel={entry === 'failed' ? 'failed' : entry ? 'ready' : 'loading'}>
      <header>
        <strong>{m.title(code)}</strong>
        <button type="button" onClick={onClose} aria-label={m.close}>
          ×
        </button>
      </header>
      {entry === 'failed' ? <p role="alert">{m.failed}</p> : entry ? <CodeExplanation entry={entry} lang={lang} /> : <p>{m.loading}</p>}
      {usersig && token && (
        <p>
          <button type="button" data-part="decode-row" onClick={() => decodeUserSig(token).then(setDecoded, onError)}>
            {m.decodeRow}
          </button>
        </p>
      )}
    </div>
  );
}

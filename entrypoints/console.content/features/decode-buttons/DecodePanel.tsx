import type { Lang } from '../../../../lib/i18n.ts';
import type { DecodeResult } from '../../../../lib/usersig/types.ts';
import { DecodedView } from '../../../../components/DecodedView.tsx';
import { CopyButton } from '../../../../components/CopyButton.tsx';
import { MESSAGES } from '../../../../components/messages.ts';
import { buildReport } from '../../../../components/report.ts';
import { useNow } from '../../../../components/useNow.ts';
import { CodeDetailsContext } from '../../../../components/code-details-context.ts';
import { LazyCodeDetails } from '../../../popup/lazy-codes.tsx';
import { DECODE_MESSAGES } from './messages.ts';

interface Props {
  token: string;
  decoded: DecodeResult;
  lang: Lang;
  onClose: () => void;
}

export function DecodePanel({ token, decoded, lang, onClose }: Props) {
  const m = MESSAGES[lang];
  const now = useNow();
  return (
    <div class="imch panel" data-theme="light" role="dialog" aria-label={m.appName} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <strong>{m.appName}</strong>
        <span class="row" style="flex: 0 0 auto">
          <CopyButton text={() => buildReport(token, decoded, lang, now)} label={m.copyReport} doneLabel={m.copied} />
          <button type="button" onClick={onClose} aria-label={DECODE_MESSAGES[lang].close}>
            ×
          </button>
        </span>
      </header>
      {/* A problem's server code expands to its full dictionary entry, as in the popup. */}
      <CodeDetailsContext.Provider value={LazyCodeDetails}>
        <DecodedView decoded={decoded} lang={lang} now={now} />
      </CodeDetailsContext.Provider>
    </div>
  );
}

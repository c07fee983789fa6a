import type { Lang } from '../../../../lib/i18n.ts';
import type { CheckOutcome, Problem } from '../../../../lib/usersig/types.ts';
import { ChecksList } from '../../../../components/ChecksList.tsx';
import { PRECHECK_MESSAGES } from './messages.ts';
import { ProblemCard } from '../../../../components/ProblemCard.tsx';
import { CodeDetailsContext } from '../../../../components/code-details-context.ts';
import { LazyCodeDetails } from '../../../popup/lazy-codes.tsx';

export interface Precheck {
  empty: boolean;
  checks: CheckOutcome[];
  problems: Problem[];
}

export function PrecheckView({ result, lang }: { result: Precheck; lang: Lang }) {
  const m = PRECHECK_MESSAGES[lang];
  const verdict = result.empty ? 'empty' : result.problems.length > 0 ? 'problem' : 'pass';
  return (
    <section class="imch inline-panel" data-theme="light" data-precheck={verdict} aria-live="polite" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h3>{m.precheckTitle}</h3>
      <p class="help">{m.precheckHint}</p>
      {result.empty && <p class="muted">{m.precheckEmpty}</p>}
      {result.checks.length > 0 && <ChecksList checks={result.checks} lang={lang} />}
      {/* A problem's server code expands to its full dictionary entry, as in the popup. */}
      <CodeDetailsContext.Provider value={LazyCodeDetails}>
        {result.problems.map((p, i) => (
          <ProblemCard key={`${p.code}-${i}`} problem={p} lang={lang} />
        ))}
      </CodeDetailsContext.Provider>
      {verdict === 'pass' && <p class="banner ok">{m.precheckPass}</p>}
    </section>
  );
}

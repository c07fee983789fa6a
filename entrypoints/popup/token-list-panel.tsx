import type { Lang } from '../../lib/i18n.ts';
import type { Assessment } from '../../lib/usersig/assess.ts';
import { describeProblem } from '../../lib/usersig/problem-texts.ts';
import { DecodedView, assessmentFor } from '../../components/DecodedView.tsx';
import { formatExpiry } from '../../components/format.ts';
import { MESSAGES } from '../../components/messages.ts';
import type { DecodedEntry } from './use-decoded.ts';
import { VerifyForm, type VerifyInputs } from './VerifyForm.tsx';
import { LazyCompare, LazyLints } from './lazy-panels.tsx';

/** Several tokens found in the pasted text (a log): one verify form for all, each token folded; two are compared. */
export function TokenList(props: {
  entries: DecodedEntry[];
  verifications: Array<Assessment | undefined>;
  lang: Lang;
  now: number;
  inputs: VerifyInputs;
  onInputs: (inputs: VerifyInputs) => void;
}) {
  const { entries, verifications, lang, now } = props;
  const m = MESSAGES[lang];
  return (
    <section aria-label={m.foundMany(entries.length)} data-part="token-list">
      <h2 class="section-title">{m.foundMany(entries.length)}</h2>
      <VerifyForm lang={lang} inputs={props.inputs} onChange={props.onInputs} legacy={false} remembered={false} onRemember={async () => {}} />
      {entries.length === 2 && (
        <LazyCompare lang={lang} assessments={[assessmentFor(entries[0]!.result, now, verifications[0]), assessmentFor(entries[1]!.result, now, verifications[1])]} />
      )}
      {entries.map((entry, i) => {
        const r = entry.result;
        const summary = r.ok
          ? `${r.token.identifier} · ${r.token.sdkAppId} · ${formatExpiry(r.token.expiresAt, now, lang)}`
          : describeProblem(r.problem, lang).title;
        return (
          <details key={`${entry.index}`} data-token-index={i}>
            <summary>
              {m.tokenN(i + 1)}: {summary}
            </summary>
            <DecodedView decoded={r} assessment={verifications[i]} lang={lang} now={now}>
              <LazyLints decoded={r} assessment={verifications[i]} lang={lang} now={now} />
            </DecodedView>
          </details>
        );
      })}
    </section>
  );
}

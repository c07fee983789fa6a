import type { Lang } from '../../lib/i18n.ts';
import type { Assessment } from '../../lib/usersig/assess.ts';
import { lintToken, warningsBesideLints } from '../../lib/usersig/lint.ts';
import { describeLint, LINT_HEADING } from '../../lib/usersig/lint-texts.ts';
import type { DecodeResult } from '../../lib/usersig/types.ts';
import { assessmentFor, Warnings } from '../../components/DecodedView.tsx';
import { MESSAGES } from '../../components/messages.ts';

/**
 * The lint of one decoded token (risks the server may not reject today, with cause and fix) and
 * the token's warnings, but for those a lint says again: each fact once, in its fuller form.
 */
export function Lints({ decoded, assessment, lang, now }: { decoded: DecodeResult; assessment?: Assessment; lang: Lang; now: number }) {
  const lints = lintToken(decoded, { now });
  const m = MESSAGES[lang];
  return (
    <>
      <Warnings warnings={warningsBesideLints(assessmentFor(decoded, now, assessment).warnings, lints)} lang={lang} />
      {lints.length > 0 && (
        <section data-part="lints" aria-label={LINT_HEADING[lang]}>
          <h3 class="section-title">{LINT_HEADING[lang]}</h3>
          {lints.map((lint, i) => {
            const text = describeLint(lint, lang);
            return (
              <div key={`${lint.code}-${i}`} class="warning" data-lint={lint.code} data-lint-field={lint.field}>
                <h4 class="lint-title">{text.title}</h4>
                <p data-part="cause">
                  <strong>{m.cause}: </strong>
                  {text.cause}
                </p>
                <p data-part="fix">
                  <strong>{m.fix}: </strong>
                  {text.fix}
                </p>
              </div>
            );
          })}
        </section>
      )}
    </>
  );
}

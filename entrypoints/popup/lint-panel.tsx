import type { Lang } from '../../lib/i18n.ts';
import { lintToken } from '../../lib/usersig/lint.ts';
import { describeLint, LINT_HEADING } from '../../lib/usersig/lint-texts.ts';
import type { DecodeResult } from '../../lib/usersig/types.ts';
import { MESSAGES } from '../../components/messages.ts';

/** The lint of one decoded token: risks the server may not reject today, with cause and fix. */
export function Lints({ decoded, lang, now }: { decoded: DecodeResult; lang: Lang; now: number }) {
  const lints = lintToken(decoded, { now });
  if (lints.length === 0) return null;
  const m = MESSAGES[lang];
  return (
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
  );
}

import type { ComponentChildren } from 'preact';
import type { Lang } from '../lib/i18n.ts';
import { assessWithoutKey, type Assessment } from '../lib/usersig/assess.ts';
import { describeWarning } from '../lib/usersig/problem-texts.ts';
import type { DecodeResult, DecodedToken, Warning } from '../lib/usersig/types.ts';
import { ChecksList } from './ChecksList.tsx';
import { CopyButton } from './CopyButton.tsx';
import { formatExpiry, formatIssued, formatLocal, formatSpan, formatUtc } from './format.ts';
import { MESSAGES } from './messages.ts';
import { lazy } from './lazy.tsx';
import { ProblemCard } from './ProblemCard.tsx';

/** Only PrivateMapKeys show it: its code loads with the first one. */
const PrivateMapKeyView = lazy(() => import('./PrivateMapKeyView.tsx').then((m) => m.PrivateMapKeyView));

interface Props {
  decoded: DecodeResult;
  /** The judgement of the same token with the user's key and expectations; without it, the checks that need no key. */
  assessment?: Assessment;
  lang: Lang;
  now: number;
  /**
   * Extra content under the fields, e.g. the popup's verify form. It then shows the warnings too:
   * the popup's lint, which says some of them more fully, shows the others with them.
   */
  children?: ComponentChildren;
}

/** What to show for a decoded token: the given assessment, or the key-less one at `now`. */
export function assessmentFor(decoded: DecodeResult, now: number, assessment?: Assessment): Assessment {
  return assessment ?? assessWithoutKey(decoded, { now });
}

export function DecodedView({ decoded, assessment, lang, now, children }: Props) {
  const m = MESSAGES[lang];
  const { problems, verdict, warnings, checks, keyed } = assessmentFor(decoded, now, assessment);
  const bannerText = { verified: m.statusVerified, decoded: m.statusValid, expired: m.statusExpired, problem: m.statusProblem }[verdict];
  return (
    <div class="decoded" data-verdict={verdict}>
      {/* The verdict heads the result: problems below are its h3s. */}
      <div role="status">
        <h2 class={`banner ${verdict === 'verified' || verdict === 'decoded' ? 'ok' : 'bad'}`}>
          {bannerText}
          {problems.length > 0 && (
            <span class="codes">
              {' · '}
              {[...new Set(problems.map((p) => p.serverCode).filter((c) => c !== undefined))].join(', ')}
            </span>
          )}
        </h2>
      </div>
      {keyed && checks.length > 0 && <ChecksList checks={checks} lang={lang} />}
      {problems.map((p, i) => (
        <ProblemCard key={i} problem={p} lang={lang} />
      ))}
      {decoded.ok && <TokenFields token={decoded.token} lang={lang} now={now} />}
      {children}
      {!children && <Warnings warnings={warnings} lang={lang} />}
      {decoded.ok && (
        <details>
          <summary>{m.rawJson}</summary>
          <pre class="mono" data-part="json">{JSON.stringify(decoded.token.raw, null, 2)}</pre>
          <CopyButton text={() => JSON.stringify(decoded.token.raw, null, 2)} label={m.copyJson} doneLabel={m.copied} />
        </details>
      )}
    </div>
  );
}

export function Warnings({ warnings, lang }: { warnings: Warning[]; lang: Lang }) {
  return (
    warnings.length > 0 && (
      <section aria-label={MESSAGES[lang].warnings}>
        {warnings.map((w, i) => (
          <p key={i} class="warning" data-warning={w.code}>
            {describeWarning(w, lang)}
          </p>
        ))}
      </section>
    )
  );
}

function TokenFields({ token, lang, now }: { token: DecodedToken; lang: Lang; now: number }) {
  const m = MESSAGES[lang];
  const row = (label: string, help: string, field: string, value: ComponentChildren, copy?: string) => (
    <>
      <dt>
        {label}
        <span class="help">{help}</span>
      </dt>
      <dd data-field={field}>
        {value}
        {copy !== undefined && (
          <CopyButton text={() => copy} label={m.copy} doneLabel={m.copied} title={m.copyField(label)} />
        )}
      </dd>
    </>
  );
  return (
    <>
      <dl class="fields">
        {row(m.fieldSdkAppId, m.fieldSdkAppIdHelp, 'sdkAppId', <span class="mono">{token.sdkAppId}</span>, String(token.sdkAppId))}
        {row(m.fieldUserId, m.fieldUserIdHelp, 'identifier', <span class="mono">{token.identifier}</span>, token.identifier)}
        {row(
          m.fieldIssued,
          m.fieldIssuedHelp,
          'time',
          <span>
            {formatLocal(token.time)} · {formatIssued(token.time, now, lang)}
            <br />
            <span class="muted">{formatUtc(token.time)}</span>
          </span>,
        )}
        {row(m.fieldValidity, m.fieldValidityHelp, 'expire', <span>{formatSpan(token.expire, lang)} <span class="muted">({token.expire} s)</span></span>)}
        {row(
          m.fieldExpires,
          m.fieldExpiresHelp,
          'expiresAt',
          <span>
            {formatLocal(token.expiresAt)} · <strong data-part="relative-expiry">{formatExpiry(token.expiresAt, now, lang)}</strong>
            <br />
            <span class="muted">{formatUtc(token.expiresAt)}</span>
          </span>,
        )}
        {row(m.fieldVersion, m.fieldVersionHelp, 'version', token.version === 'v1' ? m.versionV1 : m.versionV2)}
      </dl>
      {token.userbuf && <PrivateMapKeyView pmk={token.userbuf} lang={lang} now={now} />}
    </>
  );
}

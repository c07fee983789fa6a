import { render } from 'preact';
import { locateUserSigVerifier } from '../../../lib/console/usersig-verifier.ts';
import { readSdkAppId } from '../../../lib/console/sdkappid.ts';
import { controlValue } from '../../../lib/console/dom.ts';
import { decodeUserSig } from '../../../lib/usersig/decode.ts';
import { checkClaims } from '../../../lib/usersig/verify.ts';
import type { CheckOutcome, DecodeResult, Problem } from '../../../lib/usersig/types.ts';
import type { Lang } from '../../../lib/i18n.ts';
import { ChecksList } from '../../../components/ChecksList.tsx';
import { MESSAGES } from '../../../components/messages.ts';
import { ProblemCard } from '../../../components/ProblemCard.tsx';
import type { ConsoleFeature } from '../feature.ts';
import { addPanelStyles, createHost } from '../ui/host.ts';

interface Precheck {
  empty: boolean;
  checks: CheckOutcome[];
  problems: Problem[];
}

/** Everything the server would refuse that needs no key: malformed, SDKAppID, UserID, expiry. */
export async function precheck(userSig: string, userId: string, sdkAppId: number | undefined): Promise<Precheck> {
  if (userSig.trim() === '') return { empty: true, checks: [], problems: [] };
  const decoded: DecodeResult = await decodeUserSig(userSig);
  if (!decoded.ok) return { empty: false, checks: [], problems: [decoded.problem] };
  const claims = checkClaims(decoded.token, { sdkAppId, userId: userId.trim() || undefined });
  return { empty: false, ...claims };
}

function PrecheckView({ result, lang }: { result: Precheck; lang: Lang }) {
  const m = MESSAGES[lang];
  const verdict = result.empty ? 'empty' : result.problems.length > 0 ? 'problem' : 'pass';
  return (
    <section class="imch inline-panel" data-theme="light" data-precheck={verdict} aria-live="polite" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h3>{m.precheckTitle}</h3>
      <p class="help">{m.precheckHint}</p>
      {result.empty && <p class="muted">{m.precheckEmpty}</p>}
      {result.checks.length > 0 && <ChecksList checks={result.checks} lang={lang} />}
      {result.problems.map((p, i) => (
        <ProblemCard key={`${p.code}-${i}`} problem={p} lang={lang} />
      ))}
      {verdict === 'pass' && <p class="banner ok">{m.precheckPass}</p>}
    </section>
  );
}

export const verifierPrecheck: ConsoleFeature = {
  id: 'verifier-precheck',
  tools: ['usersig-verifier'],
  init({ signal, lang, tools, document, url }) {
    const tool = tools[0];
    if (!tool) return;
    const { host, root } = createHost('precheck');
    host.style.display = 'block';
    addPanelStyles(root);
    const mount = document.createElement('div');
    root.append(mount);

    let run = 0;
    const update = async () => {
      if (signal.aborted) return;
      // Re-locate every time: the console's framework replaces its inputs on re-render.
      const fields = locateUserSigVerifier(tool.root);
      if (!fields.userSigInput) return;
      if (fields.userSigInput.nextSibling !== host) fields.userSigInput.after(host);
      const mine = ++run;
      const result = await precheck(controlValue(fields.userSigInput), fields.userIdInput?.value ?? '', readSdkAppId(document, url));
      if (mine === run && !signal.aborted) render(<PrecheckView result={result} lang={lang} />, mount);
    };

    tool.root.addEventListener('input', update, { capture: true, signal });
    tool.root.addEventListener('change', update, { capture: true, signal });
    const poll = setInterval(update, 1000);
    void update();
    signal.addEventListener('abort', () => {
      clearInterval(poll);
      render(null, mount);
      host.remove();
    });
  },
};

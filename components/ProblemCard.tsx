import { useContext } from 'preact/hooks';
import type { Lang } from '../lib/i18n.ts';
import { describeProblem, describeProblemServerCode } from '../lib/usersig/problem-texts.ts';
import type { Problem } from '../lib/usersig/types.ts';
import { CodeDetailsContext } from './code-details-context.ts';
import { MESSAGES } from './messages.ts';

export function ProblemCard({ problem, lang }: { problem: Problem; lang: Lang }) {
  const m = MESSAGES[lang];
  const text = describeProblem(problem, lang);
  const server = problem.serverCode === undefined ? undefined : describeProblemServerCode(problem.serverCode, lang);
  const CodeDetails = useContext(CodeDetailsContext);
  return (
    <section class="problem" data-code={problem.code} data-server-code={problem.serverCode}>
      <h3>
        {problem.serverCode === undefined ? '' : `${problem.serverCode} · `}
        {text.title}
      </h3>
      <p>
        <strong>{m.cause}: </strong>
        {text.cause}
      </p>
      <p>
        <strong>{m.fix}: </strong>
        {text.fix}
      </p>
      {server && (
        <p class="help">
          {m.serverCode(problem.serverCode!)} {server.constant}: {server.text}
        </p>
      )}
      {CodeDetails && problem.serverCode !== undefined && <CodeDetails code={problem.serverCode} lang={lang} />}
    </section>
  );
}

import type { Lang } from '../lib/i18n.ts';
import type { CheckOutcome } from '../lib/usersig/types.ts';
import { MESSAGES } from './messages.ts';

const ICON = { passed: '✓', failed: '✗', skipped: '–' } as const;

export function ChecksList({ checks, lang }: { checks: CheckOutcome[]; lang: Lang }) {
  const m = MESSAGES[lang];
  const word = { passed: m.checkPassed, failed: m.checkFailed, skipped: m.checkSkipped };
  return (
    <ul class="checks" aria-label={m.verifyTitle}>
      {checks.map((c) => (
        <li key={c.check} class={c.status} data-check={c.check} data-status={c.status}>
          <span aria-hidden="true">{ICON[c.status]}</span>
          <span>
            {m.checkNames[c.check]}: {word[c.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}

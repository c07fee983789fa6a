import type { Lang } from '../lib/i18n.ts';
import { PRIVILEGES } from '../lib/usersig/userbuf.ts';
import type { PrivateMapKey } from '../lib/usersig/types.ts';
import { formatExpiry, formatLocal } from './format.ts';
import { MESSAGES } from './messages.ts';

export function PrivateMapKeyView({ pmk, lang, now }: { pmk: PrivateMapKey; lang: Lang; now: number }) {
  const m = MESSAGES[lang];
  return (
    <section aria-label={m.pmkTitle} data-part="pmk">
      <h3 class="section-title">{m.pmkTitle}</h3>
      <dl class="fields">
        {pmk.version === 1 ? (
          <>
            <dt>{m.pmkRoomStr}</dt>
            <dd class="mono" data-field="roomStr">{pmk.roomStr}</dd>
          </>
        ) : (
          <>
            <dt>{m.pmkRoom}</dt>
            <dd class="mono" data-field="roomId">{pmk.roomId}</dd>
          </>
        )}
        <dt>{m.pmkExpires}</dt>
        <dd data-field="pmkExpires">
          {formatLocal(pmk.expiresAt)} · {formatExpiry(pmk.expiresAt, now, lang)}
        </dd>
        <dt>{m.pmkPrivileges}</dt>
        <dd data-field="privileges">
          <span class="mono">{pmk.privileges}</span>
          <ul class="chips">
            {PRIVILEGES.map(([name, bit]) => {
              const on = (pmk.privileges & bit) !== 0;
              return (
                <li key={name} class={`chip ${on ? 'on' : 'off'}`} data-privilege={name} data-granted={String(on)}>
                  {m.privilege[name]}
                  <span class="sr-only"> ({on ? m.granted : m.denied})</span>
                </li>
              );
            })}
          </ul>
        </dd>
      </dl>
    </section>
  );
}

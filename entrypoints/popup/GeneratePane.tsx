import { useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import { generatePrivateMapKey, generateUserSig, DEFAULT_EXPIRE } from '../../lib/usersig/generate.ts';
import { describeProblem } from '../../lib/usersig/problem-texts.ts';
import { ALL_PRIVILEGES, AUDIENCE_PRIVILEGES, PRIVILEGES } from '../../lib/usersig/userbuf.ts';
import type { GenerateResult } from '../../lib/usersig/types.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { MESSAGES } from '../../components/messages.ts';
import type { VerifyInputs } from './VerifyForm.tsx';
import { LazySnippets } from './lazy-panels.tsx';

const VALIDITY_DAYS = [1, 7, 30, 180, 365];

interface Props {
  lang: Lang;
  inputs: VerifyInputs;
  onInputs: (inputs: VerifyInputs) => void;
  onOpenInDecoder: (token: string) => void;
}

export function GeneratePane({ lang, inputs, onInputs, onOpenInDecoder }: Props) {
  const m = MESSAGES[lang];
  const [kind, setKind] = useState<'usersig' | 'pmk'>('usersig');
  const [expire, setExpire] = useState(String(DEFAULT_EXPIRE));
  const [roomKind, setRoomKind] = useState<'number' | 'string'>('number');
  const [room, setRoom] = useState('');
  const [privileges, setPrivileges] = useState(ALL_PRIVILEGES);
  const [result, setResult] = useState<GenerateResult | undefined>();
  const set = (patch: Partial<VerifyInputs>) => onInputs({ ...inputs, ...patch });

  const generate = async (event: Event) => {
    event.preventDefault();
    const base = { sdkAppId: Number(inputs.sdkAppId.trim()), key: inputs.key, userId: inputs.userId, expire: Number(expire) };
    if (kind === 'usersig') setResult(await generateUserSig(base));
    else {
      const where = roomKind === 'number' ? { roomId: Number(room) } : { roomStr: room };
      setResult(await generatePrivateMapKey({ ...base, ...where, privileges }));
    }
  };

  return (
    <form onSubmit={generate} aria-labelledby="gen-title">
      <h2 id="gen-title" class="section-title">{m.genTitle}</h2>
      <p class="banner warn" role="note">{m.genWarning}</p>
      <fieldset class="row plain">
        <legend>{m.genKind}</legend>
        <label class="inline">
          <input type="radio" name="kind" checked={kind === 'usersig'} onChange={() => setKind('usersig')} /> {m.genKindUserSig}
        </label>
        <label class="inline">
          <input type="radio" name="kind" checked={kind === 'pmk'} onChange={() => setKind('pmk')} /> {m.genKindPmk}
        </label>
      </fieldset>
      <div class="row">
        <div>
          <label for="gen-app">{m.fieldSdkAppId}</label>
          <input id="gen-app" inputMode="numeric" required value={inputs.sdkAppId} onInput={(e) => set({ sdkAppId: e.currentTarget.value })} />
        </div>
        <div>
          <label for="gen-user">{m.genUserId}</label>
          <input id="gen-user" required spellcheck={false} value={inputs.userId} onInput={(e) => set({ userId: e.currentTarget.value })} />
        </div>
      </div>
      <label for="gen-key">{m.keyLabel}</label>
      <input id="gen-key" type="password" required autocomplete="off" spellcheck={false} value={inputs.key} onInput={(e) => set({ key: e.currentTarget.value })} />
      <label for="gen-expire">{m.genValidity}</label>
      <div class="row">
        <select id="gen-expire" value={VALIDITY_DAYS.some((d) => d * 86_400 === Number(expire)) ? expire : 'custom'} onChange={(e) => e.currentTarget.value !== 'custom' && setExpire(e.currentTarget.value)}>
          {VALIDITY_DAYS.map((d) => (
            <option key={d} value={String(d * 86_400)}>{m.days(d)}</option>
          ))}
          <option value="custom">{m.genValidityCustom}</option>
        </select>
        <input aria-label={`${m.genValidity} (${m.genValidityCustom})`} inputMode="numeric" value={expire} onInput={(e) => setExpire(e.currentTarget.value)} />
      </div>
      {kind === 'pmk' && (
        <>
          <fieldset class="row plain">
            <legend>{m.genRoomKind}</legend>
            <label class="inline">
              <input type="radio" name="room-kind" checked={roomKind === 'number'} onChange={() => setRoomKind('number')} /> {m.genRoomId}
            </label>
            <label class="inline">
              <input type="radio" name="room-kind" checked={roomKind === 'string'} onChange={() => setRoomKind('string')} /> {m.genRoomStr}
            </label>
          </fieldset>
          <label for="gen-room">{roomKind === 'number' ? m.genRoomId : m.genRoomStr}</label>
          <input id="gen-room" required inputMode={roomKind === 'number' ? 'numeric' : 'text'} value={room} onInput={(e) => setRoom(e.currentTarget.value)} />
          <fieldset class="plain">
            <legend>{m.pmkPrivileges} ({privileges})</legend>
            <div class="row">
              <button type="button" onClick={() => setPrivileges(ALL_PRIVILEGES)}>{m.genPresetAll}</button>
              <button type="button" onClick={() => setPrivileges(AUDIENCE_PRIVILEGES)}>{m.genPresetAudience}</button>
            </div>
            <div class="privilege-grid">
              {PRIVILEGES.map(([name, bit]) => (
                <label key={name} class="inline">
                  <input type="checkbox" checked={(privileges & bit) !== 0} onChange={(e) => setPrivileges(e.currentTarget.checked ? privileges | bit : privileges & ~bit)} data-privilege={name} />{' '}
                  {m.privilege[name]}
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      <div class="row" style="margin-top: 10px">
        <button type="submit" class="primary">{m.genButton}</button>
      </div>
      {result && !result.ok && (
        <p class="banner bad" role="alert" data-part="gen-error">
          {describeProblem(result.problem, lang).title}: {result.problem.field} {result.problem.expected ? `(${result.problem.expected})` : ''}
        </p>
      )}
      {result?.ok && (
        <section aria-label={m.genResult} data-part="gen-result">
          <label for="gen-output">{m.genResult}</label>
          <textarea id="gen-output" readOnly rows={4} value={result.userSig} />
          <div class="row">
            <CopyButton text={() => result.userSig} label={m.copy} doneLabel={m.copied} />
            <button type="button" onClick={() => onOpenInDecoder(result.userSig)}>{m.genDecode}</button>
          </div>
          <LazySnippets userSig={result.userSig} lang={lang} />
        </section>
      )}
    </form>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import { assess, type Assessment } from '../../lib/usersig/assess.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DecodedView } from '../../components/DecodedView.tsx';
import { MESSAGES } from '../../components/messages.ts';
import { useNow } from '../../components/useNow.ts';
import { useDecoded, type DecodedEntry } from './use-decoded.ts';
import type { VerifyInputs } from './VerifyForm.tsx';
import { LazyLints, LazyOpenInTab, LazyTokenList, LazyVerifyForm } from './lazy-panels.tsx';

/** The key vault and its texts load as a chunk of their own, once a token names an app (the popup opens without them). */
const vault = () => import('../../lib/secrets/remembered-keys.ts');

/** Past this many characters the popup does not search the text; it offers the decoder tab. */
export const LARGE_TEXT = 1_000_000;

/** A bare error code or constant name: the codes section explains it, no UserSig is expected. */
const JUST_A_CODE = /^\s*(-?\d{1,6}|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+)\s*$/;

interface Props {
  lang: Lang;
  text: string;
  onText: (text: string) => void;
  inputs: VerifyInputs;
  onInputs: (inputs: VerifyInputs) => void;
}

/** The keyed assessment of each entry once a key is given (until then DecodedView judges without one). */
function useVerification(entries: DecodedEntry[], inputs: VerifyInputs): Array<Assessment | undefined> {
  const [results, setResults] = useState<Array<Assessment | undefined>>([]);
  useEffect(() => {
    let current = true;
    if (!inputs.key) {
      setResults([]);
      return;
    }
    Promise.all(
      entries.map((e) =>
        e.result.ok ? assess(e.result, { key: inputs.key, sdkAppId: inputs.sdkAppId, userId: inputs.userId }) : undefined,
      ),
    ).then((r) => current && setResults(r));
    return () => {
      current = false;
    };
  }, [entries, inputs.key, inputs.sdkAppId, inputs.userId]);
  return results;
}

export function DecodePane({ lang, text, onText, inputs, onInputs }: Props) {
  const m = MESSAGES[lang];
  const now = useNow();
  const large = text.length > LARGE_TEXT;
  const { entries, pending } = useDecoded(large ? '' : text);
  const verifications = useVerification(entries, inputs);
  const single = entries.length === 1 ? entries[0] : undefined;
  const token = single?.result.ok ? single.result.token : undefined;
  const appForKey = inputs.sdkAppId.trim() || (token ? String(token.sdkAppId) : '');
  const [remembered, setRemembered] = useState(false);
  const [rememberNote, setRememberNote] = useState<string | undefined>();

  useEffect(() => {
    if (!appForKey) return;
    let current = true;
    vault().then((v) => v.recallKey(appForKey, lang)).then(({ key, note }) => {
      if (!current) return;
      setRememberNote(note);
      setRemembered(key !== undefined);
      if (key !== undefined && !inputs.key) onInputs({ ...inputs, key });
    });
    return () => {
      current = false;
    };
  }, [appForKey]);

  const onRemember = async (remember: boolean) => {
    // Shown at once: a render while the vault loads would otherwise put the box back as it was.
    // The vault's answer (a key it refuses, and why) corrects it.
    setRemembered(remember);
    const done = await (await vault()).setKeyRemembered(appForKey, inputs.key, remember, lang);
    setRememberNote(done.note);
    setRemembered(done.remembered);
    if (!remember) onInputs({ ...inputs, key: '' });
  };
  const onVerifyInputs = (next: VerifyInputs) => {
    if (remembered && next.key !== inputs.key && next.key) vault().then((v) => v.setKeyRemembered(appForKey, next.key, true, lang));
    onInputs(next);
  };

  return (
    <div>
      <label for="paste">{m.pasteLabel}</label>
      <textarea
        id="paste"
        rows={single || entries.length > 1 ? 3 : 6}
        placeholder={m.pastePlaceholder}
        value={text}
        onInput={(e) => onText(e.currentTarget.value)}
        spellcheck={false}
        autofocus
      />
      {large && <LazyOpenInTab text={text} lang={lang} />}
      {!large && !pending && text.trim() !== '' && entries.length === 0 && !JUST_A_CODE.test(text) && (
        <p class="banner warn" role="status" data-part="nothing-found">
          {m.nothingFound}
        </p>
      )}
      {single && (
        <DecodedView decoded={single.result} assessment={verifications[0]} lang={lang} now={now}>
          <LazyLints decoded={single.result} assessment={verifications[0]} lang={lang} now={now} />
          {single.result.ok && (
            <LazyVerifyForm
              lang={lang}
              inputs={inputs}
              onChange={onVerifyInputs}
              legacy={token?.version === 'v1'}
              appForKey={appForKey || undefined}
              remembered={remembered}
              onRemember={onRemember}
              rememberNote={rememberNote}
            />
          )}
          {single.result.ok && !inputs.key && <p class="help">{m.enterKeyToVerify}</p>}
        </DecodedView>
      )}
      {single && (
        <div class="row" style="margin-top: 8px">
          <CopyButton
            text={async () => (await import('../../components/report.ts')).buildReport(single.text, single.result, lang, now, verifications[0])}
            label={m.copyReport} doneLabel={m.copied} />
        </div>
      )}
      {entries.length > 1 && (
        <LazyTokenList entries={entries} verifications={verifications} lang={lang} now={now} inputs={inputs} onInputs={onInputs} />
      )}
    </div>
  );
}

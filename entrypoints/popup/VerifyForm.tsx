import { useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import { MESSAGES } from '../../components/messages.ts';

export interface VerifyInputs {
  key: string;
  sdkAppId: string;
  userId: string;
}

interface Props {
  lang: Lang;
  inputs: VerifyInputs;
  onChange: (inputs: VerifyInputs) => void;
  legacy: boolean;
  /** The SDKAppID a remembered key belongs to. */
  appForKey?: string;
  remembered: boolean;
  /** Settles once the vault has answered. */
  onRemember: (remember: boolean) => Promise<void>;
  /** Why a key was not remembered, or how it is kept. */
  rememberNote?: string;
}

export function VerifyForm({ lang, inputs, onChange, legacy, appForKey, remembered, onRemember, rememberNote }: Props) {
  const m = MESSAGES[lang];
  const [showKey, setShowKey] = useState(false);
  const set = (patch: Partial<VerifyInputs>) => onChange({ ...inputs, ...patch });
  // The box follows the click at once; "Key remembered" and Forget wait for the vault: a popup
  // closed before the key is sealed must not have said it was kept.
  const [sealing, setSealing] = useState(0);
  const remember = (on: boolean) => {
    setSealing((n) => n + 1);
    void onRemember(on).finally(() => setSealing((n) => n - 1));
  };
  const saved = remembered && sealing === 0;
  return (
    <section class="verify" aria-labelledby="verify-title">
      <h2 id="verify-title" class="section-title">{m.verifyTitle}</h2>
      <label for="verify-key">
        {legacy ? m.publicKeyLabel : m.keyLabel}
        <span class="help"> {legacy ? m.publicKeyHelp : m.keyHelp}</span>
      </label>
      {legacy ? (
        <textarea id="verify-key" rows={3} value={inputs.key} onInput={(e) => set({ key: e.currentTarget.value })} spellcheck={false} />
      ) : (
        <div class="row">
          <input
            id="verify-key"
            type={(showKey ? 'text' : 'password') as 'text'}
            autocomplete="off"
            spellcheck={false}
            value={inputs.key}
            onInput={(e) => set({ key: e.currentTarget.value })}
          />
          <button type="button" style="flex: 0 0 auto" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
            {showKey ? m.hideKey : m.showKey}
          </button>
        </div>
      )}
      <div class="row">
        <div>
          <label for="verify-app">
            {m.expectedSdkAppId} <span class="help">({m.optional})</span>
          </label>
          <input id="verify-app" inputMode="numeric" value={inputs.sdkAppId} onInput={(e) => set({ sdkAppId: e.currentTarget.value })} />
        </div>
        <div>
          <label for="verify-user">
            {m.expectedUserId} <span class="help">({m.optional})</span>
          </label>
          <input id="verify-user" value={inputs.userId} onInput={(e) => set({ userId: e.currentTarget.value })} spellcheck={false} />
        </div>
      </div>
      {appForKey && inputs.key && (
        <div class="row remember">
          <label style="font-weight: 400; flex: 1 1 auto">
            <input type="checkbox" style="width: auto" checked={remembered} onChange={(e) => remember(e.currentTarget.checked)} />{' '}
            {saved ? m.rememberedKey(appForKey) : m.rememberKey(appForKey)}
          </label>
          {saved && (
            <button type="button" style="flex: 0 0 auto" onClick={() => remember(false)}>
              {m.forgetKey}
            </button>
          )}
        </div>
      )}
      {rememberNote && (
        <p class="banner warn" role="status" data-part="remember-note">
          {rememberNote}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { forgetAllKeys } from '../../lib/secrets/remembered-keys.ts';
import type { OptionsMessages } from './messages.ts';

/** Export of every list, as JSON or CSV. */
export function ExportSection({ m, onExport }: { m: OptionsMessages; onExport: (format: 'json' | 'csv') => void }) {
  return (
    <section aria-labelledby="export-title" class="card">
      <h2 id="export-title">{m.exportTitle}</h2>
      <p class="help">{m.exportHelp}</p>
      <div class="row">
        <button type="button" onClick={() => onExport('json')} data-export="json">
          {m.exportJson}
        </button>
        <button type="button" onClick={() => onExport('csv')} data-export="csv">
          {m.exportCsv}
        </button>
      </div>
    </section>
  );
}

/** The popup's remembered SecretKeys: forget them all, after a confirmation. */
export function KeysSection({ m, onForgotten }: { m: OptionsMessages; onForgotten: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const forgetAll = async () => {
    setConfirming(false);
    await forgetAllKeys();
    onForgotten();
  };
  return (
    <section aria-labelledby="keys-title" class="card" data-keys="">
      <h2 id="keys-title">{m.keysTitle}</h2>
      <p class="help">{m.keysHelp}</p>
      {confirming ? (
        <div class="row" role="alertdialog" aria-label={m.forgetAllKeys} data-forget-confirm="">
          <p>{m.forgetAllConfirm}</p>
          <button type="button" class="danger" onClick={forgetAll} data-forget-all-yes="">
            {m.forgetAllYes}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {m.cancel}
          </button>
        </div>
      ) : (
        <div class="row">
          <button type="button" class="danger" onClick={() => setConfirming(true)} data-forget-all="">
            {m.forgetAllKeys}
          </button>
        </div>
      )}
    </section>
  );
}

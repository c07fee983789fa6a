import { useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import type { ImportPreview } from '../../lib/storage/import-plan.ts';
import { formatStorageError } from '../../lib/storage/messages.ts';
import { inspectUserId } from '../../lib/storage/lookalike.ts';
import type { StoredImportPreview, UserIdStore } from '../../lib/storage/userid-store.ts';
import type { OptionsMessages } from './messages.ts';
import { scopeName, UserIdText, where } from './parts.tsx';

/** Rows of each kind the preview shows (building 10,000 rows to show 200 of them costs seconds). */
const SHOWN = 200;

/** Import from a file or pasted text: a preview first, applied on request. */
export function ImportSection({ store, m, lang, onApplied }: { store: UserIdStore; m: OptionsMessages; lang: Lang; onApplied: (text: string, tone: 'ok' | 'warn') => void }) {
  const [importText, setImportText] = useState('');
  const [preview, setPreview] = useState<StoredImportPreview | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const errorText = (error: Parameters<typeof formatStorageError>[0]) => formatStorageError(error, lang);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = ''; // choosing the same file again previews it again
    setImportText(text);
    await runPreview(text);
  };

  const runPreview = async (text: string) => {
    setPreview(undefined);
    setImportError(undefined);
    if (text.trim() === '') return setImportError(m.nothingToImport);
    const result = await store.previewImport(text);
    if (result.ok) setPreview(result.value);
    else setImportError(errorText(result.error));
  };

  const onApply = async () => {
    if (!preview) return;
    const result = await store.applyImport(preview);
    if (!result.ok) return setImportError(errorText(result.error));
    const { added, updated, skipped, lists } = result.value;
    const fallbacks = lists.filter((l) => l.fallback).map((l) => errorText(l.fallback!));
    setPreview(undefined);
    setImportText('');
    onApplied([m.applied(added, updated, skipped), ...fallbacks].join(' · '), fallbacks.length ? 'warn' : 'ok');
  };

  return (
    <section aria-labelledby="import-title" class="card" data-import="">
      <h2 id="import-title">{m.importTitle}</h2>
      <p class="help">{m.importHelp}</p>
      <label>
        {m.importFile}
        <input type="file" accept=".json,.csv,application/json,text/csv,text/plain" onChange={onFile} data-import-file="" />
      </label>
      <label>
        {m.importText}
        <textarea rows={5} value={importText} onInput={(e) => setImportText((e.currentTarget as HTMLTextAreaElement).value)} spellcheck={false} data-import-text="" />
      </label>
      <div class="row">
        <button type="button" onClick={() => runPreview(importText)} data-import-preview="">
          {m.preview}
        </button>
      </div>
      {importError && (
        <p class="banner bad" role="alert" data-import-error="">
          {m.rejected(importError)}
        </p>
      )}
      {preview && (
        <div class="preview" data-preview="">
          <h3>{m.previewTitle(preview.format)}</h3>
          <ul class="summary">
            <li data-count="add">{m.willAdd(preview.add.length)}</li>
            <li data-count="update">{m.willUpdate(preview.update.length)}</li>
            <li data-count="skip">{m.willSkip(preview.skip.length)}</li>
          </ul>
          <LookalikeSummary preview={preview} m={m} />
          <table>
            <tbody>
              {preview.add.slice(0, SHOWN).map((item, i) => (
                <tr key={`a${i}`} data-kind="add">
                  <td>+</td>
                  <td>{scopeName(item.sdkAppId, m)}</td>
                  <UserIdText tag="td" userId={item.userId} m={m} />
                  <td>{[item.label, item.note].filter(Boolean).join(' · ')}</td>
                  <td class="help">{where(item.at, m)}</td>
                </tr>
              ))}
              {preview.update.slice(0, SHOWN).map(({ item, before }, i) => (
                <tr key={`u${i}`} data-kind="update">
                  <td>~</td>
                  <td>{scopeName(item.sdkAppId, m)}</td>
                  <UserIdText tag="td" userId={item.userId} m={m} />
                  <td>
                    {before.label ?? ''} → {item.label ?? before.label ?? ''}
                  </td>
                  <td class="help">{where(item.at, m)}</td>
                </tr>
              ))}
              {preview.skip.slice(0, SHOWN).map((skip, i) => (
                <tr key={`s${i}`} data-kind="skip">
                  <td>–</td>
                  <td>{scopeName(skip.item.sdkAppId, m)}</td>
                  <UserIdText tag="td" userId={skip.item.userId} m={m} />
                  <td>{skip.reason === 'unchanged' ? m.reasonUnchanged : m.reasonDuplicate(skip.firstAt ? where(skip.firstAt, m) : '?')}</td>
                  <td class="help">{where(skip.item.at, m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="row">
            <button type="button" class="primary" onClick={onApply} data-import-apply="">
              {m.apply}
            </button>
            <button type="button" onClick={() => setPreview(undefined)}>
              {m.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function LookalikeSummary({ preview, m }: { preview: ImportPreview; m: OptionsMessages }) {
  const ids = [...preview.add.map((i) => i.userId), ...preview.update.map((u) => u.item.userId)];
  const n = ids.filter((id) => inspectUserId(id).reasons.length > 0).length;
  return n === 0 ? null : (
    <p class="banner warn" role="status" data-lookalike-summary="">
      {m.lookalikeImport(n)}
    </p>
  );
}

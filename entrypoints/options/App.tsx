import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import { ANY_APP, parseAppScope, scopeToText, type AppScope } from '../../lib/storage/app-scope.ts';
import type { SavedUserId } from '../../lib/storage/entry.ts';
import type { StorageError } from '../../lib/storage/errors.ts';
import { formatStorageError } from '../../lib/storage/messages.ts';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../lib/storage/limits.ts';
import { searchEntries } from '../../lib/storage/search.ts';
import type { MoveReport, UserIdStore } from '../../lib/storage/userid-store.ts';
import { initialPreferences, type Theme } from '../../components/preferences.ts';
import { OPTIONS_MESSAGES, type OptionsMessages } from './messages.ts';
import { FeatureSwitchesSection } from './FeatureSwitchesSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { ExportSection, KeysSection } from './ExportKeysSections.tsx';
import { ImportSection } from './ImportSection.tsx';
import { displayId, scopeName, UserIdText } from './parts.tsx';
import { useSettings } from './use-settings.ts';

type Notice = { text: string; tone: 'ok' | 'bad' | 'warn'; undo?: SavedUserId } | undefined;

/** Entries rendered per list before "show more" (10,000 saved UserIDs stay responsive). */
const PAGE = 500;

const errorText = (error: StorageError, lang: Lang) => formatStorageError(error, lang);

/** Lists in display order: "any app" first, then by SDKAppID. */
function groupByScope(entries: readonly SavedUserId[]): { scope: AppScope; entries: SavedUserId[] }[] {
  const groups = new Map<string, { scope: AppScope; entries: SavedUserId[] }>();
  for (const entry of entries) {
    const key = scopeToText(entry.sdkAppId);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { scope: entry.sdkAppId, entries: [] }));
    group.entries.push(entry);
  }
  const rank = (scope: AppScope) => (scope === ANY_APP ? -1 : scope);
  return [...groups.values()].sort((a, b) => rank(a.scope) - rank(b.scope));
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function stamp(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

export function App({ store, search: locationSearch }: { store: UserIdStore; search: string }) {
  const [entries, setEntries] = useState<SavedUserId[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const [editing, setEditing] = useState<string | undefined>();
  const [syncNote, setSyncNote] = useState<string | undefined>();
  const focusAfterMove = useRef<string | undefined>(undefined);

  // Errors are worded in the page's language, known only once the settings are read.
  const langRef = useRef<Lang>('en');
  const { settings, change: changeSetting, reread: rereadSettings } = useSettings((error) => setNotice({ text: errorText(error, langRef.current), tone: 'bad' }));
  const prefs = initialPreferences(locationSearch, settings ? { lang: settings.language, theme: settings.theme } : undefined);
  const lang: Lang = prefs.lang;
  langRef.current = lang;
  const theme: Theme = prefs.theme;
  const m = OPTIONS_MESSAGES[lang];

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = m.title;
  }, [lang]);

  // One read at a time: changes arriving meanwhile (a burst of writes, the watch and this page's
  // own write) are covered by one more read after it, not one read each.
  const reading = useRef({ busy: false, again: false });
  const reload = async () => {
    const state = reading.current;
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    do {
      state.again = false;
      const all = await store.listAll();
      if (all.ok) {
        setEntries(all.value);
        setLoadError(undefined);
      } else setLoadError(errorText(all.error, lang));
    } while (state.again);
    state.busy = false;
  };

  useEffect(() => {
    void reload();
    return store.watch(() => void reload());
  }, []);

  // Keyboard users keep their place after moving an entry: focus follows the moved button.
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = undefined;
    document.querySelector<HTMLButtonElement>(target)?.focus();
  }, [entries]);

  const shown = useMemo(() => (entries && query.trim() ? searchEntries(entries, query) : entries), [entries, query]);
  const groups = useMemo(() => groupByScope(shown ?? []), [shown]);
  // Each whole list (search or not) and every entry's position in it, for reordering.
  const fullLists = useMemo(() => {
    const lists = new Map<string, { entries: SavedUserId[]; pos: Map<string, number> }>();
    for (const group of groupByScope(entries ?? [])) {
      lists.set(scopeToText(group.scope), { entries: group.entries, pos: new Map(group.entries.map((e, i) => [e.id, i])) });
    }
    return lists;
  }, [entries]);
  const [limit, setLimit] = useState(PAGE);

  const report = (result: { ok: true } | { ok: false; error: StorageError }, text: string, undo?: SavedUserId) => {
    setNotice(result.ok ? { text, tone: 'ok', ...(undo ? { undo } : {}) } : { text: errorText(result.error, lang), tone: 'bad' });
    if (result.ok) void reload();
  };

  const onAdd = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const scope = parseAppScope(text('sdkAppId'));
    if (!scope.ok) return report(scope, '');
    const result = await store.save({
      sdkAppId: scope.value,
      userId: text('userId'),
      label: text('label').trim() || undefined,
      note: text('note').trim() || undefined,
    });
    if (!result.ok) return report(result, '');
    const { entry, action, fallback } = result.value;
    const id = displayId(entry.userId);
    const said = action === 'added' ? m.added(id) : action === 'updated' ? m.updated(id) : m.unchanged(id);
    const lookalike = id !== entry.userId ? m.lookalikeSaved(id) : undefined;
    const message = [said, fallback && errorText(fallback, lang), lookalike].filter(Boolean).join(' · ');
    setNotice({ text: message, tone: fallback || lookalike ? 'warn' : 'ok' });
    // Cleared for the next entry, unless the user has started it while this one was saving.
    const fields = ['userId', 'label', 'note'].map((name) => form.elements.namedItem(name) as HTMLInputElement);
    if (fields.every((field) => field.value === text(field.name))) {
      fields.forEach((field) => (field.value = ''));
      fields[0]!.focus();
    }
    void reload();
  };

  const onMove = async (entry: SavedUserId, list: SavedUserId[], delta: -1 | 1) => {
    const from = list.findIndex((e) => e.id === entry.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= list.length) return;
    focusAfterMove.current = `[data-entry="${CSS.escape(entry.id)}"] [data-action="${delta < 0 ? 'up' : 'down'}"]`;
    const result = await store.move(entry, to);
    if (!result.ok) report(result, '');
    else void reload();
  };

  const onRemove = async (entry: SavedUserId) => {
    const result = await store.remove(entry);
    report(result, m.removed(displayId(entry.userId)), result.ok ? result.value.entry : undefined);
    if (result.ok) setTimeout(() => document.querySelector<HTMLButtonElement>('[data-undo]')?.focus(), 0);
  };

  const onUndo = async (removed: SavedUserId) => {
    const result = await store.restore(removed);
    report(result, m.restored(displayId(removed.userId)));
  };

  const onEdit = async (entry: SavedUserId, event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const scope = parseAppScope(text('sdkAppId'));
    if (!scope.ok) return report(scope, '');
    const result = await store.edit(entry, {
      userId: text('userId'),
      label: text('label'),
      note: text('note'),
      sdkAppId: scope.value,
    });
    const id = displayId(result.ok ? result.value.entry.userId : entry.userId);
    report(result, m.edited(id));
    if (result.ok && id !== result.value.entry.userId) setNotice({ text: `${m.edited(id)} · ${m.lookalikeSaved(id)}`, tone: 'warn' });
    if (result.ok) setEditing(undefined);
  };

  const onExport = async (format: 'json' | 'csv') => {
    const result = format === 'json' ? await store.exportJson() : await store.exportCsv();
    if (!result.ok) return report(result, '');
    const name = `im-userids-${stamp()}.${format}`;
    download(name, result.value, format === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
    setNotice({ text: m.exported(name), tone: 'ok' });
  };

  const onSync = async (enabled: boolean) => {
    const result = await store.setSyncEnabled(enabled);
    if (!result.ok) {
      setSyncNote(errorText(result.error, lang));
      return;
    }
    await rereadSettings();
    setSyncNote(describeMove(result.value, enabled, lang, m));
  };

  return (
    <div class="imch options" data-theme={theme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main>
        <header class="top">
          <h1>{m.heading}</h1>
          <p class="help">{m.intro}</p>
        </header>

        <div class="notice-area" aria-live="polite" role="status" data-notice="">
          {notice && (
            <p class={`banner ${notice.tone}`}>
              {notice.text}{' '}
              {notice.undo && (
                <button type="button" data-undo="" onClick={() => notice.undo && onUndo(notice.undo)}>
                  {m.undo}
                </button>
              )}
            </p>
          )}
        </div>

        <section aria-labelledby="add-title" class="card">
          <h2 id="add-title">{m.addTitle}</h2>
          <form class="add-form" onSubmit={onAdd} data-add-form="">
            <label>
              {m.sdkAppId} <span class="help">({m.sdkAppIdHelp})</span>
              <input name="sdkAppId" inputMode="numeric" autocomplete="off" placeholder="1400000001" />
            </label>
            <label>
              {m.userId}
              <input name="userId" required autocomplete="off" spellcheck={false} />
            </label>
            <label>
              {m.label} <span class="help">({m.optional})</span>
              <input name="label" autocomplete="off" maxLength={LABEL_MAX_LENGTH} />
            </label>
            <label>
              {m.note} <span class="help">({m.optional})</span>
              <input name="note" autocomplete="off" maxLength={NOTE_MAX_LENGTH} />
            </label>
            <button type="submit" class="primary">
              {m.add}
            </button>
          </form>
        </section>

        <section aria-labelledby="lists-title" class="card">
          <div class="list-head">
            <h2 id="lists-title">{m.heading}</h2>
            <label class="search">
              <span class="sr-only">{m.search}</span>
              <input
                type="search"
                placeholder={`${m.search}: ${m.searchPlaceholder}`}
                aria-label={m.search}
                value={query}
                onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
                data-search=""
              />
            </label>
          </div>
          {loadError && <p class="banner bad">{loadError}</p>}
          {!entries && !loadError && <p class="muted">{m.loading}</p>}
          {entries && entries.length === 0 && <p class="muted">{m.empty}</p>}
          {entries && entries.length > 0 && groups.length === 0 && <p class="muted">{m.noMatch}</p>}
          {groups.map((group) => {
            const whole = fullLists.get(scopeToText(group.scope));
            const full = whole?.entries ?? group.entries;
            const listId = `list-${scopeToText(group.scope)}`;
            return (
              <section class="list" key={scopeToText(group.scope)} aria-labelledby={`${listId}-title`} data-scope={scopeToText(group.scope)}>
                <h3 id={`${listId}-title`}>
                  {scopeName(group.scope, m)} <span class="help">{m.count(full.length)}</span>
                </h3>
                <ol>
                  {group.entries.slice(0, limit).map((entry) => {
                    const pos = whole?.pos.get(entry.id) ?? -1;
                    if (editing === entry.id) {
                      return (
                        <li key={entry.id} data-entry={entry.id} data-userid={entry.userId} class="editing">
                          <form class="edit-form" onSubmit={(e) => onEdit(entry, e)} aria-label={m.editLabel(displayId(entry.userId))}>
                            <label>
                              {m.userId}
                              <input name="userId" defaultValue={entry.userId} required spellcheck={false} />
                            </label>
                            <label>
                              {m.label}
                              <input name="label" defaultValue={entry.label ?? ''} maxLength={LABEL_MAX_LENGTH} />
                            </label>
                            <label>
                              {m.note}
                              <input name="note" defaultValue={entry.note ?? ''} maxLength={NOTE_MAX_LENGTH} />
                            </label>
                            <label>
                              {m.sdkAppId}
                              <input name="sdkAppId" defaultValue={entry.sdkAppId === ANY_APP ? '' : String(entry.sdkAppId)} inputMode="numeric" placeholder={m.anyApp} />
                            </label>
                            <div class="actions">
                              <button type="submit" class="primary">
                                {m.save}
                              </button>
                              <button type="button" onClick={() => setEditing(undefined)}>
                                {m.cancel}
                              </button>
                            </div>
                          </form>
                        </li>
                      );
                    }
                    return (
                      <li key={entry.id} data-entry={entry.id} data-userid={entry.userId}>
                        <UserIdText userId={entry.userId} m={m} />
                        <span class="lbl">{entry.label ?? ''}</span>
                        <span class="note muted">{entry.note ?? ''}</span>
                        <span class="used help">{entry.useCount > 0 ? m.used(entry.useCount) : ''}</span>
                        <span class="actions">
                          <button type="button" data-action="up" aria-label={m.moveUpLabel(displayId(entry.userId))} title={m.moveUp} disabled={pos <= 0} onClick={() => onMove(entry, full, -1)}>
                            ↑
                          </button>
                          <button
                            type="button"
                            data-action="down"
                            aria-label={m.moveDownLabel(displayId(entry.userId))}
                            title={m.moveDown}
                            disabled={pos < 0 || pos >= full.length - 1}
                            onClick={() => onMove(entry, full, 1)}
                          >
                            ↓
                          </button>
                          <button type="button" data-action="edit" aria-label={m.editLabel(displayId(entry.userId))} onClick={() => setEditing(entry.id)}>
                            {m.edit}
                          </button>
                          <button type="button" data-action="delete" class="danger" aria-label={m.removeLabel(displayId(entry.userId))} onClick={() => onRemove(entry)}>
                            {m.remove}
                          </button>
                        </span>
                      </li>
                    );
                  })}
                </ol>
                {group.entries.length > limit && (
                  <button type="button" class="more" onClick={() => setLimit(limit + PAGE)} data-more="">
                    {m.showMore(group.entries.length - limit)}
                  </button>
                )}
              </section>
            );
          })}
        </section>

        <ImportSection store={store} m={m} lang={lang} onApplied={(text, tone) => { setNotice({ text, tone }); void reload(); }} />

        <ExportSection m={m} onExport={(format) => void onExport(format)} />

        <KeysSection m={m} onForgotten={() => setNotice({ text: m.keysForgotten, tone: 'ok' })} />

        <SettingsSection settings={settings} m={m} syncNote={syncNote} onChange={(patch) => void changeSetting(patch)} onSync={(on) => void onSync(on)} />

        {settings && <FeatureSwitchesSection switches={settings.features} m={m} onChange={(id, on) => changeSetting({ features: { [id]: on } })} />}
      </main>
    </div>
  );
}

function describeMove(report: MoveReport, enabled: boolean, lang: Lang, m: OptionsMessages): string {
  const problems = report.lists.filter((l) => l.fallback).map((l) => `${scopeName(l.scope, m)}: ${errorText(l.fallback!, lang)}`);
  return [enabled ? m.syncOn : m.syncOff, ...problems].join(' ');
}

import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../lib/i18n.ts';
// Only what the picker needs: the store and the pure picker query (not the storage barrel).
import { createUserIdStore, type UserIdStore } from '../../../lib/storage/userid-store.ts';
import type { PickerIndex, PickerItem } from '../../../lib/storage/picker.ts';
import { matchesTerms, queryTerms } from '../../../lib/storage/search.ts';
import { formatStorageError } from '../../../lib/storage/messages.ts';
import type { StorageError } from '../../../lib/storage/errors.ts';
import type { SavedUserId } from '../../../lib/storage/entry.ts';
import themeCss from '../../../components/theme.css?inline';
import { PICKER_MESSAGES, type PickerMessages } from './userid-picker-messages.ts';

/**
 * The open part of the saved-UserID picker (userid-picker.ts places the buttons): the list with
 * its filter and keyboard control, and the save form, over the saved-UserID store. Kept apart
 * from the always-loaded part so it can be loaded on first use.
 */

/** Options rendered at once; the rest is reached by typing (10,000 saved UserIDs stay fast). */
const MAX_SHOWN = 50;

const PICKER_CSS = `
.picker { position: absolute; z-index: 2147483000; top: calc(100% + 4px); max-width: 90vw; overflow: visible; border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); text-align: left; white-space: normal; }
.picker header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.picker header strong { font-size: 13px; }
.picker { width: 360px; left: auto; right: 0; padding: 8px 10px 10px; }
.picker.to-right { left: 0; right: auto; }
.picker header { margin-bottom: 4px; }
.picker .close { padding: 0 6px; line-height: 18px; }
.picker [role='listbox'] { list-style: none; margin: 6px 0; padding: 0; max-height: 260px; overflow: auto; border: 1px solid var(--border); border-radius: 6px; }
.picker [role='group'] { list-style: none; margin: 0; padding: 0; }
.picker .group-name { font-size: 11px; font-weight: 600; color: var(--fg-soft); background: var(--bg-soft); padding: 2px 8px; position: sticky; top: 0; }
.picker [role='option'] { display: flex; gap: 6px; align-items: baseline; padding: 3px 8px; cursor: pointer; border-left: 3px solid transparent; }
.picker [role='option'][aria-selected='true'] { background: var(--bg-soft); border-left-color: var(--accent); }
.picker [role='option']:hover { background: var(--bg-soft); }
.picker .uid { font-family: var(--mono); font-size: 12px; word-break: break-all; }
.picker .lbl { font-weight: 600; }
.picker .note { color: var(--fg-soft); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1 1 0; min-width: 0; }
.picker .recent { color: var(--ok); font-size: 11px; }
.picker .empty, .picker .more { padding: 6px 8px; color: var(--fg-soft); font-size: 12px; list-style: none; }
.picker form { border-top: 1px solid var(--border); margin-top: 8px; padding-top: 4px; }
.picker form label { margin: 4px 0 1px; font-size: 12px; }
.picker .status { margin: 4px 0 0; font-size: 12px; }
.picker .row select { width: auto; flex: 1 1 8em; min-width: 0; }
.picker .status.bad { color: var(--bad); }
.picker .status.ok { color: var(--ok); }
.picker .foot { display: flex; justify-content: space-between; gap: 8px; }
`;

interface Shared {
  lang: Lang;
  store(): UserIdStore;
  /** Called after any list changes, here or in another tab. */
  onChange(listener: () => void): () => void;
  sdkAppId(): number | undefined;
}

let store: UserIdStore | undefined;
const listeners = new Set<() => void>();
/** The picker list per SDKAppID, kept between openings until a list changes (here or elsewhere). */
const indexCache = new Map<string, PickerIndex>();
/** One store per page, made when a picker first opens; storage is not touched before. */
function pageStore(): UserIdStore {
  if (!store) {
    store = createUserIdStore();
    store.watch(() => {
      indexCache.clear();
      for (const listener of listeners) listener();
    });
  }
  return store;
}

/** Reads the lists ahead of a click (when the page is idle), so opening only renders. */
export function warmPicker(sdkAppId: number | undefined): void {
  const key = String(sdkAppId ?? '');
  if (indexCache.has(key)) return;
  void pageStore()
    .openPicker(sdkAppId)
    .then((result) => {
      if (result.ok && !indexCache.has(key)) indexCache.set(key, result.value);
    });
}

export interface PickerPanelOptions {
  lang: Lang;
  /** The console's current SDKAppID (read when the picker opens). */
  sdkAppId: number | undefined;
  /** The field served (the console may have replaced it since the picker opened). */
  field: () => HTMLInputElement | undefined;
  /** A saved UserID was chosen: fill the field (it has been marked used). */
  onChoose: (userId: string) => void;
  onClose: (refocus: boolean) => void;
  /** performance.now() of the click that opened it. */
  openedAt: number;
}

interface PanelProps extends Omit<PickerPanelOptions, 'lang' | 'sdkAppId' | 'onChoose'> {
  shared: Shared;
  onChoose: (entry: SavedUserId) => void;
}

/** Renders the open picker into `mount` (inside a closed shadow root, with its own styles). */
export function showPickerPanel(root: ShadowRoot, mount: Element, options: PickerPanelOptions): void {
  if (!root.querySelector('style[data-picker-panel]')) {
    const style = document.createElement('style');
    style.setAttribute('data-picker-panel', '');
    style.textContent = `${themeCss}\n${PICKER_CSS}`;
    root.prepend(style);
  }
  const shared: Shared = {
    lang: options.lang,
    store: pageStore,
    sdkAppId: () => options.sdkAppId,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  render(
    <PickerPanel
      shared={shared}
      field={options.field}
      openedAt={options.openedAt}
      onClose={options.onClose}
      onChoose={(entry) => {
        void pageStore().markUsed(entry);
        options.onChoose(entry.userId);
      }}
    />,
    mount,
  );
}

export function hidePickerPanel(mount: Element): void {
  render(null, mount);
}

function errorText(error: StorageError, lang: Lang): string {
  return formatStorageError(error, lang);
}

function PickerPanel({ shared, field, onChoose, onClose, openedAt }: PanelProps) {
  const { lang } = shared;
  const m: PickerMessages = PICKER_MESSAGES[lang];
  const sdkAppId = useMemo(() => shared.sdkAppId(), [shared]);
  const [index, setIndex] = useState<PickerIndex | undefined>(() => indexCache.get(String(sdkAppId ?? '')));
  const [loadError, setLoadError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [scope, setScope] = useState<'app' | 'any'>(sdkAppId === undefined ? 'any' : 'app');
  const [status, setStatus] = useState<{ text: string; bad: boolean } | undefined>();
  const [fieldValue, setFieldValue] = useState(() => field()?.value.trim() ?? '');
  const filterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const typedAt = useRef<number | undefined>(undefined);
  const firstShown = useRef(true);

  useEffect(() => {
    let live = true;
    const key = String(sdkAppId ?? '');
    const load = () => {
      const cached = indexCache.get(key);
      if (cached) return setIndex(cached);
      void shared
        .store()
        .openPicker(sdkAppId)
        .then((result) => {
          if (!live) return;
          if (result.ok) {
            indexCache.set(key, result.value);
            setIndex(result.value);
            setLoadError(undefined);
          } else setLoadError(errorText(result.error, lang));
        });
    };
    load();
    const off = shared.onChange(load);
    filterRef.current?.focus();
    return () => {
      live = false;
      off();
    };
  }, [shared, sdkAppId, lang]);

  // Typing on narrows the last result instead of scanning every saved UserID again.
  const last = useRef<{ index: PickerIndex; query: string; matches: PickerItem[]; haystacks: string[] } | undefined>(undefined);
  const matches = useMemo(() => {
    if (!index) return [];
    const prev = last.current;
    // Only for ASCII: NFKC folding may merge an added character with the one before it.
    const narrows = prev !== undefined && prev.index === index && query.startsWith(prev.query) && /^[\x20-\x7e]*$/.test(query);
    const base: PickerIndex = narrows ? { items: prev.matches, haystacks: prev.haystacks } : index;
    // filterPicker's rule (lib/storage/picker.ts), keeping the search text for the next keystroke.
    const terms = queryTerms(query);
    const found: PickerItem[] = [];
    const haystacks: string[] = [];
    for (let i = 0; i < base.items.length; i++) {
      const haystack = base.haystacks[i]!;
      if (!matchesTerms(haystack, terms)) continue;
      found.push(base.items[i]!);
      haystacks.push(haystack);
    }
    last.current = { index, query, matches: found, haystacks };
    return found;
  }, [index, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeIndex = shown.length === 0 ? -1 : Math.min(active, shown.length - 1);

  // Figures for the e2e: click → list rendered, keystroke → list rendered (User Timing), taken
  // when the DOM is updated, before the browser paints it.
  useLayoutEffect(() => {
    if (!index) return;
    const now = performance.now();
    if (firstShown.current) {
      firstShown.current = false;
      performance.measure('imch:picker-open', { start: openedAt, end: now });
    } else if (typedAt.current !== undefined) {
      performance.measure('imch:picker-filter', { start: typedAt.current, end: now });
    }
    typedAt.current = undefined;
  }, [index, matches]);

  useEffect(() => {
    if (activeIndex < 0) return;
    listRef.current?.querySelector(`#opt-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const choose = (item: PickerItem | undefined) => {
    if (item) onChoose(item.entry);
  };

  const onFilterKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + shown.length) % shown.length);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'PageDown' ? 8 : -8;
      setActive(Math.max(0, Math.min(shown.length - 1, activeIndex + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[activeIndex]);
    }
  };

  const onPanelKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const userId = field()?.value ?? '';
    setFieldValue(userId.trim());
    const result = await shared.store().save({
      sdkAppId: scope === 'app' && sdkAppId !== undefined ? sdkAppId : 'any',
      userId,
      label: label.trim() || undefined,
      note: note.trim() || undefined,
    });
    if (!result.ok) {
      setStatus({ text: errorText(result.error, lang), bad: true });
      return;
    }
    const { entry, action, fallback } = result.value;
    const said = action === 'added' ? m.saved(entry.userId) : action === 'updated' ? m.updated(entry.userId) : m.unchanged(entry.userId);
    setStatus({ text: fallback ? `${said} · ${errorText(fallback, lang)}` : said, bad: false });
    setLabel('');
    setNote('');
  };

  // Options of both groups, one listbox; the group names are labels for screen readers too.
  const groups: { name: string; key: 'app' | 'any'; items: { item: PickerItem; i: number }[] }[] = [];
  shown.forEach((item, i) => {
    let group = groups[groups.length - 1];
    if (!group || group.key !== item.group) {
      group = { key: item.group, name: item.group === 'app' && sdkAppId !== undefined ? m.groupApp(sdkAppId) : m.groupAny, items: [] };
      groups.push(group);
    }
    group.items.push({ item, i });
  });
  const total = index?.items.length ?? 0;

  return (
    <div class="imch picker" data-theme="light" role="dialog" aria-label={m.title} lang={lang === 'zh' ? 'zh-CN' : 'en'} onKeyDown={onPanelKey} data-picker="open">
      <header>
        <strong id="picker-title">{m.title}</strong>
        <button type="button" class="close" aria-label={m.close} title={m.close} onClick={() => onClose(true)}>
          ×
        </button>
      </header>
      <input
        ref={filterRef}
        type="search"
        role="combobox"
        list={undefined}
        aria-label={m.filterLabel}
        aria-expanded="true"
        aria-controls="picker-list"
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? `opt-${activeIndex}` : undefined}
        placeholder={m.filterPlaceholder}
        autocomplete="off"
        spellcheck={false}
        value={query}
        data-picker-filter=""
        onInput={(event) => {
          typedAt.current = performance.now();
          setQuery((event.currentTarget as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onFilterKey}
      />
      <ul id="picker-list" role="listbox" aria-label={m.listLabel} ref={listRef} data-count={matches.length}>
        {!index && !loadError && <li class="empty" role="presentation">{m.loading}</li>}
        {loadError && <li class="empty" role="presentation">{loadError}</li>}
        {index && total === 0 && <li class="empty" role="presentation">{m.empty}</li>}
        {index && total > 0 && matches.length === 0 && <li class="empty" role="presentation">{m.noMatch}</li>}
        {groups.map((group) => (
          <li role="presentation" key={group.key}>
            <ul role="group" aria-labelledby={`grp-${group.key}`} data-group={group.key}>
              <li role="presentation" class="group-name" id={`grp-${group.key}`}>
                {group.name}
              </li>
              {group.items.map(({ item, i }) => (
                <li
                  key={item.entry.id}
                  id={`opt-${i}`}
                  role="option"
                  aria-selected={i === activeIndex ? 'true' : 'false'}
                  data-userid={item.entry.userId}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => i !== activeIndex && setActive(i)}
                  onClick={(event) => event.isTrusted && choose(item)}
                >
                  <span class="uid">{item.entry.userId}</span>
                  {item.entry.label && <span class="lbl">{item.entry.label}</span>}
                  {item.entry.note && <span class="note">{item.entry.note}</span>}
                  {item.entry.lastUsedAt !== undefined && <span class="recent">{m.recent}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {matches.length > shown.length && (
          <li class="more" role="presentation">
            {m.more(matches.length - shown.length)}
          </li>
        )}
      </ul>
      <div class="foot help">
        <span>{m.keysHelp}</span>
        <span aria-live="polite">{index ? m.count(matches.length, total) : ''}</span>
      </div>
      <form onSubmit={save} aria-label={m.saveTitle} data-picker-save="">
        <div class="row">
          <label class="sr-only" for="save-label">
            {m.labelField}
          </label>
          <input id="save-label" placeholder={m.labelField} maxLength={100} value={label} onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)} />
          <label class="sr-only" for="save-note">
            {m.noteField}
          </label>
          <input id="save-note" placeholder={m.noteField} maxLength={500} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="row">
          {sdkAppId !== undefined && (
            <select aria-label={m.scopeField} value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value === 'any' ? 'any' : 'app')}>
              <option value="app">{m.scopeApp(sdkAppId)}</option>
              <option value="any">{m.scopeAny}</option>
            </select>
          )}
          <button type="submit" class="primary" disabled={!fieldValue} data-picker-save-button="" onFocus={() => setFieldValue(field()?.value.trim() ?? '')}>
            {fieldValue ? m.saveButton(fieldValue.length > 24 ? `${fieldValue.slice(0, 24)}…` : fieldValue) : m.saveEmpty}
          </button>
        </div>
        <p class={`status${status ? (status.bad ? ' bad' : ' ok') : ''}`} role="status" data-picker-status="">
          {status?.text ?? ''}
        </p>
      </form>
    </div>
  );
}


/**
 * What the always-loaded part calls. Kept as one object so it can move into the console UI bundle
 * that loads on first use (entrypoints/console.content/ui/console-ui.tsx) without other changes.
 */
export const USERID_PICKER_UI = { show: showPickerPanel, hide: hidePickerPanel, warm: warmPicker };
export type UserIdPickerUi = typeof USERID_PICKER_UI;

import type { Lang } from '../../lib/i18n.ts';
// Only what the picker needs: the store and the pure search primitives (not the storage barrel).
import { createUserIdStore, type UserIdStore } from '../../lib/storage/userid-store.ts';
import { matchesTerms, queryTerms, type PickerIndex, type PickerItem } from '../../lib/storage/search.ts';
import { formatStorageError } from '../../lib/storage/messages.ts';
import type { StorageError } from '../../lib/storage/errors.ts';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../lib/storage/limits.ts';
import { PICKER_MESSAGES } from './messages.ts';
import { inspectUserId } from '../../lib/storage/lookalike.ts';
// The look-alike texts are the options page's: one wording for the one rule.
import { OPTIONS_MESSAGES } from '../options/messages.ts';

/**
 * The open part of the saved-UserID picker: the list with its filter and keyboard control (a
 * combobox driving a listbox by aria-activedescendant), and the save form, over the saved-UserID
 * store. It runs in the picker frame, an extension page (main.ts): the console page can neither
 * read it (selection, window.find) nor hear its keys. Every text is set with textContent.
 */

/** Options rendered at once; the rest is reached by typing (10,000 saved UserIDs stay fast). */
const MAX_SHOWN = 50;

/** The picker's own rules; the palette and base rules are the console UI's (components/theme.css). */
export const PICKER_CSS = `
.imch button:disabled { opacity: 0.6; cursor: default; }
.picker .row { margin-top: 6px; }
html, body { margin: 0; padding: 0; background: transparent; }
.picker { display: block; overflow: visible; border: 1px solid var(--border); border-radius: 8px; text-align: left; white-space: normal; }
.picker header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.picker header strong { font-size: 13px; }
.picker { width: 100%; padding: 8px 10px 10px; box-sizing: border-box; }
.picker * { box-sizing: border-box; }
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
.picker .lookalike { color: var(--warn); }
.picker .foot { display: flex; justify-content: space-between; gap: 8px; }
`;

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

export interface PickerPanelOptions {
  lang: Lang;
  /** The console's current SDKAppID (read when the picker opens). */
  sdkAppId: number | undefined;
  /** The field's value when the picker opened: the one value the save form shows and saves. */
  value: string;
  /** Asks the console's content script whether the field still holds `value`. */
  confirmSame: (value: string) => Promise<boolean>;
  /** A saved UserID was chosen: fill the field (it has been marked used). */
  onChoose: (userId: string) => void;
  onClose: (refocus: boolean) => void;
}


type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes (false/undefined skipped) and children (strings become text). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | false | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

const panels = new WeakMap<Element, () => void>();

/** Renders the open picker into `mount`. */
export function showPickerPanel(mount: Element, options: PickerPanelOptions): HTMLElement {
  hidePickerPanel(mount);
  const { lang, sdkAppId } = options;
  const m = PICKER_MESSAGES[lang];
  const o = OPTIONS_MESSAGES[lang];
  /** A UserID as typed, or escaped with a warning mark when it holds invisible or look-alike characters. */
  const uidText = (userId: string) => {
    const { reasons, display } = inspectUserId(userId);
    if (reasons.length === 0) return el('span', { class: 'uid' }, userId);
    return el('span', { class: 'uid lookalike', 'data-lookalike': reasons.join(' '), title: o.lookalikeMark }, el('span', { role: 'img', 'aria-label': o.lookalikeMark }, '⚠'), ` ${display}`);
  };
  const cacheKey = String(sdkAppId ?? '');
  const errorText = (error: StorageError) => formatStorageError(error, lang);

  let index: PickerIndex | undefined;
  let query = '';
  let active = 0;
  let matches: PickerItem[] = [];
  let haystacks: string[] = [];
  let last: { index: PickerIndex; query: string } | undefined;
  let shown: PickerItem[] = [];
  let optionNodes: HTMLElement[] = [];
  let loadError: string | undefined;
  let live = true;

  const filter = el('input', {
    type: 'search',
    role: 'combobox',
    'aria-label': m.filterLabel,
    'aria-expanded': 'true',
    'aria-controls': 'picker-list',
    'aria-autocomplete': 'list',
    placeholder: m.filterPlaceholder,
    autocomplete: 'off',
    spellcheck: 'false',
    'data-picker-filter': true,
  });
  const list = el('ul', { id: 'picker-list', role: 'listbox', 'aria-label': m.listLabel });
  const count = el('span', { 'aria-live': 'polite' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': m.close, title: m.close }, '×');
  const labelInput = el('input', { id: 'save-label', placeholder: m.labelField, maxlength: LABEL_MAX_LENGTH, autocomplete: 'off' });
  const noteInput = el('input', { id: 'save-note', placeholder: m.noteField, maxlength: NOTE_MAX_LENGTH, autocomplete: 'off' });
  const scope =
    sdkAppId === undefined
      ? undefined
      : el('select', { 'aria-label': m.scopeField }, el('option', { value: 'app' }, m.scopeApp(sdkAppId)), el('option', { value: 'any' }, m.scopeAny));
  const saveButton = el('button', { type: 'submit', class: 'primary', 'data-picker-save-button': true });
  const status = el('p', { class: 'status', role: 'status', 'data-picker-status': true });
  const form = el(
    'form',
    { 'aria-label': m.saveTitle, 'data-picker-save': true },
    el('div', { class: 'row' }, el('label', { class: 'sr-only', for: 'save-label' }, m.labelField), labelInput, el('label', { class: 'sr-only', for: 'save-note' }, m.noteField), noteInput),
    el('div', { class: 'row' }, scope, saveButton),
    status,
  );
  const panel = el(
    'div',
    { class: 'imch picker', 'data-theme': 'light', role: 'dialog', 'aria-label': m.title, lang: lang === 'zh' ? 'zh-CN' : 'en', 'data-picker': 'open' },
    el('header', {}, el('strong', { id: 'picker-title' }, m.title), close),
    filter,
    list,
    el('div', { class: 'foot help' }, el('span', {}, m.keysHelp), count),
    form,
  );

  const value = options.value.trim();
  const showSaveButton = () => {
    saveButton.disabled = value === '';
    const shown = inspectUserId(value).display;
    saveButton.textContent = value ? m.saveButton(shown.length > 24 ? `${shown.slice(0, 24)}…` : shown) : m.saveEmpty;
  };

  const computeMatches = () => {
    if (!index) {
      matches = [];
      haystacks = [];
      return;
    }
    // Typing on narrows the last result instead of scanning every saved UserID again (ASCII
    // only: NFKC folding may merge an added character with the one before it).
    const narrows = last !== undefined && last.index === index && query.startsWith(last.query) && /^[\x20-\x7e]*$/.test(query);
    const baseItems = narrows ? matches : index.items;
    const baseHaystacks = narrows ? haystacks : index.haystacks;
    // filterPicker's rule (lib/storage/search.ts), keeping the search text for the next keystroke.
    const terms = queryTerms(query);
    const found: PickerItem[] = [];
    const kept: string[] = [];
    for (let i = 0; i < baseItems.length; i++) {
      const haystack = baseHaystacks[i]!;
      if (!matchesTerms(haystack, terms)) continue;
      found.push(baseItems[i]!);
      kept.push(haystack);
    }
    matches = found;
    haystacks = kept;
    last = { index, query };
  };

  const setActive = (next: number) => {
    optionNodes[active]?.setAttribute('aria-selected', 'false');
    active = shown.length === 0 ? 0 : Math.max(0, Math.min(next, shown.length - 1));
    const node = optionNodes[active];
    if (node) {
      node.setAttribute('aria-selected', 'true');
      filter.setAttribute('aria-activedescendant', node.id);
      node.scrollIntoView({ block: 'nearest' });
    } else filter.removeAttribute('aria-activedescendant');
  };

  let choosing = false;
  const choose = async (item: PickerItem | undefined) => {
    if (!item || choosing) return;
    choosing = true;
    // Marked used first: the console closes this frame as soon as it has the UserID.
    await pageStore().markUsed(item.entry);
    options.onChoose(item.entry.userId);
  };

  const renderList = () => {
    shown = matches.slice(0, MAX_SHOWN);
    const total = index?.items.length ?? 0;
    const rows: Node[] = [];
    const note = (text: string) => rows.push(el('li', { class: 'empty', role: 'presentation' }, text));
    if (loadError) note(loadError);
    else if (!index) note(m.loading);
    else if (total === 0) note(m.empty);
    else if (matches.length === 0) note(m.noMatch);
    optionNodes = [];
    let group: HTMLElement | undefined;
    let groupKey: string | undefined;
    shown.forEach((item, i) => {
      if (item.group !== groupKey) {
        groupKey = item.group;
        const name = item.group === 'app' && sdkAppId !== undefined ? m.groupApp(sdkAppId) : m.groupAny;
        group = el('ul', { role: 'group', 'aria-labelledby': `grp-${item.group}`, 'data-group': item.group }, el('li', { role: 'presentation', class: 'group-name', id: `grp-${item.group}` }, name));
        rows.push(el('li', { role: 'presentation' }, group));
      }
      const { entry } = item;
      const option = el(
        'li',
        { id: `opt-${i}`, role: 'option', 'aria-selected': 'false', 'data-userid': entry.userId },
        uidText(entry.userId),
        entry.label !== undefined && el('span', { class: 'lbl' }, entry.label),
        entry.note !== undefined && el('span', { class: 'note' }, entry.note),
        entry.lastUsedAt !== undefined && el('span', { class: 'recent' }, m.recent),
      );
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('mousemove', () => i !== active && setActive(i));
      option.addEventListener('click', (event) => event.isTrusted && void choose(item));
      optionNodes.push(option);
      group!.append(option);
    });
    if (matches.length > shown.length) rows.push(el('li', { class: 'more', role: 'presentation' }, m.more(matches.length - shown.length)));
    list.replaceChildren(...rows);
    list.setAttribute('data-count', String(matches.length));
    count.textContent = index ? m.count(matches.length, total) : '';
    active = 0;
    setActive(0);
  };

  const setIndex = (next: PickerIndex) => {
    index = next;
    loadError = undefined;
    last = undefined;
    computeMatches();
    renderList();
  };

  const load = () => {
    const cached = indexCache.get(cacheKey);
    if (cached) return setIndex(cached);
    void pageStore()
      .openPicker(sdkAppId)
      .then((result) => {
        if (!live) return;
        if (!result.ok) {
          loadError = errorText(result.error);
          return renderList();
        }
        indexCache.set(cacheKey, result.value);
        setIndex(result.value);
      });
  };

  filter.addEventListener('input', () => {
    query = filter.value;
    computeMatches();
    renderList();
  });
  filter.addEventListener('keydown', (event) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      if (shown.length === 0) return;
      if (Math.abs(step) === 1) setActive((active + step + shown.length) % shown.length);
      else setActive(active + step);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose(shown[active]);
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    options.onClose(true);
  });
  close.addEventListener('click', () => options.onClose(true));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!value) return;
    // Exactly the value shown, and only if the console's field still holds it: a page that
    // swaps the field's value while the picker is open gets a refusal, not its value saved.
    if (!(await options.confirmSame(options.value))) {
      if (!live) return;
      status.className = 'status bad';
      status.textContent = m.fieldChanged;
      return;
    }
    const result = await pageStore().save({
      sdkAppId: scope?.value === 'app' && sdkAppId !== undefined ? sdkAppId : 'any',
      userId: options.value,
      label: labelInput.value.trim() || undefined,
      note: noteInput.value.trim() || undefined,
    });
    if (!live) return;
    if (!result.ok) {
      status.className = 'status bad';
      status.textContent = errorText(result.error);
      return;
    }
    const { entry, action, fallback } = result.value;
    const id = inspectUserId(entry.userId).display;
    const said = action === 'added' ? m.saved(id) : action === 'updated' ? m.updated(id) : m.unchanged(id);
    const lookalike = id !== entry.userId ? o.lookalikeSaved(id) : undefined;
    status.className = lookalike ? 'status bad' : 'status ok';
    status.textContent = [said, fallback && errorText(fallback), lookalike].filter(Boolean).join(' · ');
    labelInput.value = '';
    noteInput.value = '';
  });

  listeners.add(load);
  panels.set(mount, () => {
    live = false;
    listeners.delete(load);
    panel.remove();
  });
  showSaveButton();
  mount.replaceChildren(panel);
  filter.focus();
  renderList();
  load();
  return panel;
}

export function hidePickerPanel(mount: Element): void {
  panels.get(mount)?.();
  panels.delete(mount);
}


import { ANY_APP, parseAppScope, scopeToText, type AppScope } from './app-scope.ts';
import { storedEntrySchema, toSavedUserId, type EntryRef, type SavedUserId, type StoredEntry } from './entry.ts';
import { storageError } from './errors.ts';
import { toCsvExport, toJsonExport, exportOrder } from './export.ts';
import { newEntryId } from './ids.ts';
import { parseImport, type ImportFormat } from './import-parse.ts';
import { importIntoList, planImport, type ImportPreview } from './import-plan.ts';
import type { ListArea } from './keys.ts';
import { upgradeLegacyData, type UpgradeReport } from './legacy-upgrade.ts';
import { createListIo, type ListIo, type WriteReport } from './list-io.ts';
import {
  editEntry,
  markEntryUsed,
  moveEntry,
  placeEntry,
  removeEntry,
  upsertEntry,
  type Changed,
  type EntryPatch,
  type OpContext,
  type SaveAction,
} from './list-ops.ts';
import { findLive, liveEntries, type ListState } from './list-state.ts';
import { buildPickerIndex, type PickerIndex } from './picker.ts';
import { discardQuarantined, listQuarantine, type QuarantineRecord } from './quarantine.ts';
import { fail, ok, type Result } from './result.ts';
import { searchEntries } from './search.ts';
import { loadSettings, updateSettings } from './settings.ts';
import type { SyncUsage } from './sync-quota.ts';
import { normalizeOptionalText, normalizeUserId } from './userid.ts';

export interface UserIdStoreOptions {
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Where new lists go; by default storage.sync when the `syncUserIds` setting is on. */
  readonly preferredArea?: () => Promise<ListArea>;
  readonly confirmTimeoutMs?: number;
  readonly observerRepairDelayMs?: number;
}

export interface SaveInput {
  readonly sdkAppId: AppScope;
  readonly userId: string;
  readonly label?: string;
  readonly note?: string;
}

/** `undefined` keeps a field, `null` or '' clears label and note; a new sdkAppId moves the entry. */
export interface EditInput {
  readonly userId?: string;
  readonly label?: string | null;
  readonly note?: string | null;
  readonly sdkAppId?: AppScope;
}

export interface EntryOutcome extends WriteReport {
  readonly entry: SavedUserId;
}

export interface SaveOutcome extends EntryOutcome {
  readonly action: SaveAction;
}

export interface ListChangeEvent {
  readonly scope: AppScope;
  readonly entries: readonly SavedUserId[];
}

export interface ImportSummary {
  readonly added: number;
  readonly updated: number;
  readonly skipped: number;
  readonly lists: readonly ({ readonly scope: AppScope } & WriteReport)[];
}

export interface MoveReport {
  readonly lists: readonly ({ readonly scope: AppScope } & WriteReport)[];
}

export interface UserIdStore {
  /** Upgrades data of older schemas (once per store; every operation waits for it). */
  ready(): Promise<Result<UpgradeReport>>;
  /** One list in manual order. */
  list(scope: AppScope): Promise<Result<SavedUserId[]>>;
  /** Every list: "any app" first, then by SDKAppID, each in manual order. */
  listAll(): Promise<Result<SavedUserId[]>>;
  scopes(): Promise<Result<AppScope[]>>;
  /** Add, or update the entry with the same UserID in that list. */
  save(input: SaveInput): Promise<Result<SaveOutcome>>;
  edit(ref: EntryRef, input: EditInput): Promise<Result<EntryOutcome>>;
  /** The removed entry is the undo token: pass it to restore. */
  remove(ref: EntryRef): Promise<Result<EntryOutcome>>;
  restore(removed: SavedUserId): Promise<Result<EntryOutcome>>;
  /** Manual reordering: moves the entry to `toIndex` in its list. */
  move(ref: EntryRef, toIndex: number): Promise<Result<EntryOutcome>>;
  markUsed(ref: EntryRef): Promise<Result<EntryOutcome>>;
  /** Case-insensitive on UserID, label and note; one list, or all lists. */
  search(query: string, scope?: AppScope): Promise<Result<SavedUserId[]>>;
  /** The picker for a UserID field on the console of `sdkAppId` (undefined: not known). */
  openPicker(sdkAppId: number | undefined): Promise<Result<PickerIndex>>;
  exportJson(): Promise<Result<string>>;
  exportCsv(options?: { bom?: boolean }): Promise<Result<string>>;
  /** Nothing is written: the preview says what applyImport would do, or why the file is refused. */
  previewImport(text: string, format?: ImportFormat): Promise<Result<ImportPreview>>;
  applyImport(preview: ImportPreview): Promise<Result<ImportSummary>>;
  /** Moves every list to an area; lists too large for sync stay local, with the reason. */
  moveLists(to: ListArea): Promise<Result<MoveReport>>;
  /** Turns the `syncUserIds` setting on or off and moves the lists accordingly. */
  setSyncEnabled(enabled: boolean): Promise<Result<MoveReport>>;
  /** Whether a list would fit in storage.sync now (bytes and items it would take in total). */
  checkSyncFit(scope: AppScope): Promise<Result<SyncUsage>>;
  quarantined(): Promise<Result<QuarantineRecord[]>>;
  discardQuarantined(ids: readonly string[]): Promise<Result<void>>;
  /** Called with the fresh list whenever it changes, in this tab or any other. */
  watch(callback: (change: ListChangeEvent) => void): () => void;
  dispose(): void;
}

async function preferredAreaFromSettings(): Promise<ListArea> {
  const settings = await loadSettings();
  return settings.ok && settings.value.settings.syncUserIds ? 'sync' : 'local';
}

interface Normalized {
  readonly userId?: string;
  readonly label?: string | null;
  readonly note?: string | null;
}

/** Normalizes the fields an edit gives; `null`/'' for label and note mean "clear". */
function normalizeEdit(input: EditInput): Result<Normalized> {
  const out: { userId?: string; label?: string | null; note?: string | null } = {};
  if (input.userId !== undefined) {
    const userId = normalizeUserId(input.userId);
    if (!userId.ok) return userId;
    out.userId = userId.value;
  }
  for (const field of ['label', 'note'] as const) {
    const raw = input[field];
    if (raw === undefined) continue;
    const text = normalizeOptionalText(field, raw);
    if (!text.ok) return text;
    out[field] = text.value ?? null;
  }
  return ok(out);
}

function asStored(entry: SavedUserId, rev: number): StoredEntry {
  const { sdkAppId: _scope, ...rest } = entry;
  return { ...rest, rev };
}

export function createUserIdStore(options: UserIdStoreOptions = {}): UserIdStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? newEntryId;
  const io: ListIo = createListIo({
    now,
    preferredArea: options.preferredArea ?? preferredAreaFromSettings,
    ...(options.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: options.confirmTimeoutMs }),
    ...(options.observerRepairDelayMs === undefined ? {} : { observerRepairDelayMs: options.observerRepairDelayMs }),
  });
  const ctx = (): OpContext => ({ now: now(), newId });
  let upgrade: Promise<Result<UpgradeReport>> | undefined;
  const ready = () => (upgrade ??= upgradeLegacyData(io, now));

  async function list(scope: AppScope): Promise<Result<SavedUserId[]>> {
    const checked = parseAppScope(scope);
    if (!checked.ok) return checked;
    await ready();
    const read = await io.read(checked.value);
    if (!read.ok) return read;
    return ok(liveEntries(read.value.state).map((entry) => toSavedUserId(entry, checked.value)));
  }

  async function listAll(): Promise<Result<SavedUserId[]>> {
    await ready();
    const scopes = await io.scopes();
    if (!scopes.ok) return scopes;
    const all: SavedUserId[] = [];
    for (const scope of scopes.value) {
      const entries = await list(scope);
      if (!entries.ok) return entries;
      all.push(...entries.value);
    }
    return ok(exportOrder(all));
  }

  /** Runs a one-list operation that yields the changed entry. */
  async function change(scope: AppScope, op: (state: ListState, context: OpContext) => Result<Changed>): Promise<Result<EntryOutcome>> {
    await ready();
    const done = await io.update(scope, (state) => {
      const result = op(state, ctx());
      return result.ok ? ok({ state: result.value.state, value: result.value.entry }) : result;
    });
    if (!done.ok) return done;
    const { value, ...report } = done.value;
    return ok({ ...report, entry: toSavedUserId(value, scope) });
  }

  function scopeOf(ref: EntryRef): Result<AppScope> {
    return parseAppScope(ref.sdkAppId);
  }

  async function moveToOtherList(ref: EntryRef, from: AppScope, to: AppScope, fields: Normalized): Promise<Result<EntryOutcome>> {
    const source = await io.read(from);
    if (!source.ok) return source;
    const current = findLive(source.value.state, ref.id);
    if (!current) return fail(storageError('entry-not-found', { id: ref.id }));
    const moved: SavedUserId = {
      ...toSavedUserId(current, to),
      userId: fields.userId ?? current.userId,
      label: fields.label === undefined ? current.label : (fields.label ?? undefined),
      note: fields.note === undefined ? current.note : (fields.note ?? undefined),
    };
    // Target first, then source: an interruption can leave a copy in both lists, never in neither.
    const placed = await change(to, (state, context) =>
      placeEntry(state, asStored({ ...moved, updatedAt: context.now }, 0), context, 'end'),
    );
    if (!placed.ok) return placed;
    const removed = await change(from, (state, context) => removeEntry(state, ref.id, context));
    if (!removed.ok && removed.error.code !== 'entry-not-found') return removed;
    return placed;
  }

  async function moveLists(to: ListArea): Promise<Result<MoveReport>> {
    await ready();
    const scopes = await io.scopes();
    if (!scopes.ok) return scopes;
    const lists: ({ scope: AppScope } & WriteReport)[] = [];
    for (const scope of scopes.value) {
      const done = await io.update(scope, (state) => ok({ state, value: undefined }), { area: to });
      if (!done.ok) return done;
      lists.push({ scope, area: done.value.area, ...(done.value.fallback ? { fallback: done.value.fallback } : {}) });
    }
    return ok({ lists });
  }

  return {
    ready,
    list,
    listAll,
    async scopes() {
      await ready();
      return io.scopes();
    },

    async save(input) {
      const scope = parseAppScope(input.sdkAppId);
      if (!scope.ok) return scope;
      const userId = normalizeUserId(input.userId);
      if (!userId.ok) return userId;
      const label = normalizeOptionalText('label', input.label);
      if (!label.ok) return label;
      const note = normalizeOptionalText('note', input.note);
      if (!note.ok) return note;
      await ready();
      const done = await io.update(scope.value, (state) => {
        const result = upsertEntry(state, { userId: userId.value, label: label.value, note: note.value }, ctx());
        return ok({ state: result.state, value: result });
      });
      if (!done.ok) return done;
      const { value, ...report } = done.value;
      return ok({ ...report, entry: toSavedUserId(value.entry, scope.value), action: value.action });
    },

    async edit(ref, input) {
      const from = scopeOf(ref);
      if (!from.ok) return from;
      const fields = normalizeEdit(input);
      if (!fields.ok) return fields;
      if (input.sdkAppId !== undefined) {
        const to = parseAppScope(input.sdkAppId);
        if (!to.ok) return to;
        if (scopeToText(to.value) !== scopeToText(from.value)) {
          await ready();
          return moveToOtherList(ref, from.value, to.value, fields.value);
        }
      }
      const patch: EntryPatch = fields.value;
      return change(from.value, (state, context) => editEntry(state, ref.id, patch, context));
    },

    async remove(ref) {
      const scope = scopeOf(ref);
      if (!scope.ok) return scope;
      return change(scope.value, (state, context) => removeEntry(state, ref.id, context));
    },

    async restore(removed) {
      const scope = scopeOf(removed);
      if (!scope.ok) return scope;
      // The undo token may have been kept by the UI for a while: check it like anything stored.
      const entry = storedEntrySchema.safeParse(asStored(removed, 0));
      if (!entry.success) return fail(storageError('value-invalid', { field: String(entry.error.issues[0]?.path[0] ?? 'entry') }));
      return change(scope.value, (state, context) => placeEntry(state, entry.data, context, 'keep'));
    },

    async move(ref, toIndex) {
      const scope = scopeOf(ref);
      if (!scope.ok) return scope;
      return change(scope.value, (state, context) => moveEntry(state, ref.id, toIndex, context));
    },

    async markUsed(ref) {
      const scope = scopeOf(ref);
      if (!scope.ok) return scope;
      return change(scope.value, (state, context) => markEntryUsed(state, ref.id, context));
    },

    async search(query, scope) {
      const entries = scope === undefined ? await listAll() : await list(scope);
      return entries.ok ? ok(searchEntries(entries.value, query)) : entries;
    },

    async openPicker(sdkAppId) {
      const any = await list(ANY_APP);
      if (!any.ok) return any;
      const app = sdkAppId === undefined ? ok([]) : await list(sdkAppId);
      if (!app.ok) return app;
      return ok(buildPickerIndex({ app: app.value, any: any.value }));
    },

    async exportJson() {
      const all = await listAll();
      return all.ok ? ok(toJsonExport(all.value, now())) : all;
    },

    async exportCsv(exportOptions) {
      const all = await listAll();
      return all.ok ? ok(toCsvExport(all.value, exportOptions)) : all;
    },

    async previewImport(text, format) {
      const parsed = parseImport(text, format);
      if (!parsed.ok) return parsed;
      await ready();
      const states = new Map<string, ListState>();
      for (const scope of new Set(parsed.value.entries.map((entry) => entry.sdkAppId))) {
        const read = await io.read(scope);
        if (!read.ok) return read;
        states.set(scopeToText(scope), read.value.state);
      }
      return ok(planImport(parsed.value, states, ctx()));
    },

    async applyImport(preview) {
      await ready();
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      const lists: ({ scope: AppScope } & WriteReport)[] = [];
      for (const scope of preview.scopes) {
        const items = preview.byScope.get(scopeToText(scope)) ?? [];
        const done = await io.update(scope, (state) => {
          const result = importIntoList(state, scope, items, ctx());
          return ok({ state: result.state, value: result });
        });
        // Lists written so far stay written: each is whole, and re-applying the import is harmless.
        if (!done.ok) return done;
        added += done.value.value.added.length;
        updated += done.value.value.updated.length;
        unchanged += done.value.value.unchanged.length;
        lists.push({ scope, area: done.value.area, ...(done.value.fallback ? { fallback: done.value.fallback } : {}) });
      }
      const duplicates = preview.skip.filter((skip) => skip.reason === 'duplicate-in-file').length;
      return ok({ added, updated, skipped: unchanged + duplicates, lists });
    },

    moveLists,

    async setSyncEnabled(enabled) {
      const saved = await updateSettings({ syncUserIds: enabled });
      if (!saved.ok) return saved;
      return moveLists(enabled ? 'sync' : 'local');
    },

    async checkSyncFit(scope) {
      await ready();
      return io.syncFit(scope);
    },

    quarantined: listQuarantine,
    discardQuarantined,

    watch(callback) {
      return io.onChange((scope) => {
        void list(scope).then((entries) => {
          if (!entries.ok) return;
          try {
            callback({ scope, entries: entries.value });
          } catch (thrown) {
            console.error('[saved UserIDs] a watch callback threw', thrown);
          }
        });
      });
    },

    dispose: () => io.dispose(),
  };
}

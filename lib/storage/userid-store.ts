import { browser } from 'wxt/browser';
import { ANY_APP, parseAppScope, scopeToText, type AppScope } from './app-scope.ts';
import { toSavedUserId, type EntryRef, type SavedUserId } from './entry.ts';
import { describeThrown, storageError, type StorageErrorCode } from './errors.ts';
import { toCsvExport, toJsonExport, exportOrder } from './export.ts';
import { parseImport, type ImportFormat } from './import-parse.ts';
import { planImport, type ImportPreview } from './import-plan.ts';
import { scopeOfListKey } from './keys.ts';
import type { UpgradeReport } from './legacy-upgrade.ts';
import { readLists } from './list-read.ts';
import type { EntryOutcome, ImportSummary, MoveReport, WriteReport } from './list-writer.ts';
import type { SaveAction } from './list-ops.ts';
import { liveEntries, type ListState } from './list-state.ts';
import { buildPickerIndex, type PickerIndex } from './picker.ts';
import { fail, ok, type Result } from './result.ts';
import { answerSchema } from './settings.ts';
import { USERIDS_WRITE, type UserIdOp } from './userid-message.ts';

export type { EntryOutcome, ImportSummary, MoveReport, SaveAction, WriteReport };

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

export interface SaveOutcome extends EntryOutcome {
  readonly action: SaveAction;
}

/** The lists that changed in one burst of writes (a move between areas is a write and a removal). */
export interface ListChangeEvent {
  readonly scopes: readonly AppScope[];
}

/** A preview and the text it was made from: the background applies the text again to the lists as they are then. */
export interface StoredImportPreview extends ImportPreview {
  readonly text: string;
}

export interface UserIdStore {
  /** Waits for the background to upgrade data of older schemas (it does so once per start). */
  ready(): Promise<Result<UpgradeReport>>;
  /** One list in manual order. */
  list(scope: AppScope): Promise<Result<SavedUserId[]>>;
  /** Every list: "any app" first, then by SDKAppID, each in manual order. */
  listAll(): Promise<Result<SavedUserId[]>>;
  /** Add, or update the entry with the same UserID in that list. */
  save(input: SaveInput): Promise<Result<SaveOutcome>>;
  edit(ref: EntryRef, input: EditInput): Promise<Result<EntryOutcome>>;
  /** The removed entry is the undo token: pass it to restore. */
  remove(ref: EntryRef): Promise<Result<EntryOutcome>>;
  restore(removed: SavedUserId): Promise<Result<EntryOutcome>>;
  /** Manual reordering: moves the entry to `toIndex` in its list. */
  move(ref: EntryRef, toIndex: number): Promise<Result<EntryOutcome>>;
  markUsed(ref: EntryRef): Promise<Result<EntryOutcome>>;
  /** The picker for a UserID field on the console of `sdkAppId` (undefined: not known). */
  openPicker(sdkAppId: number | undefined): Promise<Result<PickerIndex>>;
  exportJson(): Promise<Result<string>>;
  exportCsv(options?: { bom?: boolean }): Promise<Result<string>>;
  /** Nothing is written: the preview says what applyImport would do, or why the file is refused. */
  previewImport(text: string, format?: ImportFormat): Promise<Result<StoredImportPreview>>;
  applyImport(preview: StoredImportPreview): Promise<Result<ImportSummary>>;
  /** Turns the `syncUserIds` setting on or off and moves the lists accordingly. */
  setSyncEnabled(enabled: boolean): Promise<Result<MoveReport>>;
  /** Called once per burst of changes to the lists, made by this page or any other. */
  watch(callback: (change: ListChangeEvent) => void): () => void;
  dispose(): void;
}

/** Sends one write to the background and checks its answer. */
async function send<T>(op: UserIdOp): Promise<Result<T>> {
  try {
    const parsed = answerSchema.safeParse(await browser.runtime.sendMessage({ type: USERIDS_WRITE, op }));
    if (!parsed.success) return fail(storageError('storage-write-failed', { detail: 'no answer from the background' }));
    if (parsed.data.ok) return ok(parsed.data.value as T);
    return fail(storageError(parsed.data.error.code as StorageErrorCode, (parsed.data.error.params ?? {}) as never));
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}

const refOf = (ref: EntryRef) => ({ id: ref.id, sdkAppId: ref.sdkAppId });

/**
 * A page's view of the saved UserIDs: it reads storage itself and follows its changes, and asks
 * the background (list-writer.ts) for every write.
 */
export function createUserIdStore(): UserIdStore {
  let upgrade: Promise<Result<UpgradeReport>> | undefined;
  const ready = () => (upgrade ??= send<UpgradeReport>({ kind: 'ready' }));
  const listeners = new Set<(change: ListChangeEvent) => void>();

  async function states(scopes?: readonly AppScope[]): Promise<Result<Map<string, { scope: AppScope; state: ListState }>>> {
    await ready();
    return readLists(scopes);
  }

  async function list(scope: AppScope): Promise<Result<SavedUserId[]>> {
    const checked = parseAppScope(scope);
    if (!checked.ok) return checked;
    const read = await states([checked.value]);
    if (!read.ok) return read;
    const found = read.value.get(scopeToText(checked.value));
    return ok(found ? liveEntries(found.state).map((entry) => toSavedUserId(entry, checked.value)) : []);
  }

  async function listAll(): Promise<Result<SavedUserId[]>> {
    const read = await states();
    if (!read.ok) return read;
    return ok(exportOrder([...read.value.values()].flatMap(({ scope, state }) => liveEntries(state).map((entry) => toSavedUserId(entry, scope)))));
  }

  const pending = new Set<AppScope>();
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' && area !== 'sync') return;
    const first = pending.size === 0;
    for (const key of Object.keys(changes)) {
      const scope = scopeOfListKey(key);
      if (scope !== undefined) pending.add(scope);
    }
    if (first && pending.size > 0) {
      setTimeout(() => {
        const change = { scopes: [...pending] };
        pending.clear();
        for (const listener of listeners) {
          try {
            listener(change);
          } catch (thrown) {
            console.error('[saved UserIDs] a watch callback threw', thrown);
          }
        }
      }, 0);
    }
  };

  return {
    ready,
    list,
    listAll,
    save: (input) => send({ kind: 'save', input: { ...input } }),
    edit: (ref, input) => send({ kind: 'edit', ref: refOf(ref), input: { ...input } }),
    remove: (ref) => send({ kind: 'remove', ref: refOf(ref) }),
    restore: (removed) => send({ kind: 'restore', entry: { ...removed } }),
    move: (ref, toIndex) => send({ kind: 'move', ref: refOf(ref), toIndex }),
    markUsed: (ref) => send({ kind: 'markUsed', ref: refOf(ref) }),
    async openPicker(sdkAppId) {
      const any = await list(ANY_APP);
      if (!any.ok) return any;
      const app = sdkAppId === undefined ? ok([]) : await list(sdkAppId);
      return app.ok ? ok(buildPickerIndex({ app: app.value, any: any.value })) : app;
    },
    async exportJson() {
      const all = await listAll();
      return all.ok ? ok(toJsonExport(all.value, Date.now())) : all;
    },
    async exportCsv(exportOptions) {
      const all = await listAll();
      return all.ok ? ok(toCsvExport(all.value, exportOptions)) : all;
    },
    async previewImport(text, format) {
      const parsed = parseImport(text, format);
      if (!parsed.ok) return parsed;
      const read = await states([...new Set(parsed.value.entries.map((entry) => entry.sdkAppId))]);
      if (!read.ok) return read;
      const lists = new Map([...read.value].map(([key, value]) => [key, value.state]));
      return ok({ ...planImport(parsed.value, lists, { now: Date.now(), newId: () => '' }), text });
    },
    applyImport: (preview) => send({ kind: 'import', text: preview.text, format: preview.format }),
    setSyncEnabled: (enabled) => send({ kind: 'setSync', enabled }),
    watch(callback) {
      if (listeners.size === 0) browser.storage.onChanged.addListener(onChanged);
      listeners.add(callback);
      return () => {
        listeners.delete(callback);
        if (listeners.size === 0) browser.storage.onChanged.removeListener(onChanged);
      };
    },
    dispose() {
      listeners.clear();
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

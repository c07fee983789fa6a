import { browser } from 'wxt/browser';
import { ANY_APP, parseAppScope, type AppScope } from './app-scope.ts';
import { toSavedUserId, type EntryRef, type SavedUserId } from './entry.ts';
import { ok, type Result } from './errors.ts';
import { exportOrder, toCsvExport, toJsonExport } from './export.ts';
import { parseImport, type ImportFormat } from './import-parse.ts';
import { planImport, type ImportPreview } from './import-plan.ts';
import type { UpgradeReport } from './legacy.ts';
import { liveEntries, type SaveAction } from './list-ops.ts';
import { readLists, scopeOfListKey } from './list-read.ts';
import type { EntryOutcome, ImportSummary, MoveReport } from './list-writer.ts';
import { buildPickerIndex, type PickerIndex } from './search.ts';
import { askBackground } from './settings.ts';
import { USERIDS_WRITE, type UserIdOp } from './userid-message.ts';

export type { EntryOutcome, ImportSummary, MoveReport };

/** The lists that changed in one burst of writes (a move between areas is a write and a removal). */
export interface ListChangeEvent {
  readonly scopes: readonly AppScope[];
}

/** A preview and the text it was made from: the background applies the text again to the lists as they are then. */
export interface StoredImportPreview extends ImportPreview {
  readonly text: string;
}

export type UserIdStore = ReturnType<typeof createUserIdStore>;

const send = <T,>(op: UserIdOp) => askBackground<T>({ type: USERIDS_WRITE, op });

/**
 * A page's view of the saved UserIDs: it reads storage itself and follows its changes, and asks
 * the background (list-writer.ts) for every write.
 */
export function createUserIdStore() {
  let upgrade: Promise<Result<UpgradeReport>> | undefined;
  /** Waits for the background to upgrade data of older schemas (it does so once per start). */
  const ready = () => (upgrade ??= send<UpgradeReport>({ kind: 'ready' }));
  const listeners = new Set<(change: ListChangeEvent) => void>();

  /** The entries of `scopes` (or of every list): "any app" first, then by SDKAppID, each list in manual order. */
  async function entries(scopes?: AppScope[]): Promise<Result<SavedUserId[]>> {
    await ready();
    const read = await readLists(scopes);
    if (!read.ok) return read;
    return ok(exportOrder([...read.value.values()].flatMap(({ scope, state }) => liveEntries(state).map((entry) => toSavedUserId(entry, scope)))));
  }

  /** One list in manual order. */
  async function list(scope: AppScope): Promise<Result<SavedUserId[]>> {
    const checked = parseAppScope(scope);
    return checked.ok ? entries([checked.value]) : checked;
  }

  const pending = new Set<AppScope>();
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' && area !== 'sync') return;
    const first = pending.size === 0;
    for (const key of Object.keys(changes)) {
      const scope = scopeOfListKey(key);
      if (scope !== undefined) pending.add(scope);
    }
    if (!first || pending.size === 0) return;
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
  };

  return {
    ready,
    list,
    listAll: () => entries(),
    /** Add, or update the entry with the same UserID in that list. */
    save: (input: { sdkAppId: AppScope; userId: string; label?: string; note?: string }) =>
      send<EntryOutcome & { action: SaveAction }>({ kind: 'save', input: { ...input } }),
    /** `undefined` keeps a field, `null` or '' clears label and note; a new sdkAppId moves the entry. */
    edit: (ref: EntryRef, input: { userId?: string; label?: string | null; note?: string | null; sdkAppId?: AppScope }) =>
      send<EntryOutcome>({ kind: 'edit', ref, input: { ...input } }),
    /** The removed entry is the undo token: pass it to restore. */
    remove: (ref: EntryRef) => send<EntryOutcome>({ kind: 'remove', ref }),
    restore: (removed: SavedUserId) => send<EntryOutcome>({ kind: 'restore', entry: { ...removed } }),
    /** Manual reordering: moves the entry to `toIndex` in its list. */
    move: (ref: EntryRef, toIndex: number) => send<EntryOutcome>({ kind: 'move', ref, toIndex }),
    markUsed: (ref: EntryRef) => send<EntryOutcome>({ kind: 'markUsed', ref }),
    /** The picker for a UserID field on the console of `sdkAppId` (undefined: not known). */
    async openPicker(sdkAppId: number | undefined): Promise<Result<PickerIndex>> {
      const any = await list(ANY_APP);
      if (!any.ok) return any;
      const app = sdkAppId === undefined ? ok([]) : await list(sdkAppId);
      return app.ok ? ok(buildPickerIndex({ app: app.value, any: any.value })) : app;
    },
    async exportJson(): Promise<Result<string>> {
      const all = await entries();
      return all.ok ? ok(toJsonExport(all.value, Date.now())) : all;
    },
    async exportCsv(exportOptions?: { bom?: boolean }): Promise<Result<string>> {
      const all = await entries();
      return all.ok ? ok(toCsvExport(all.value, exportOptions)) : all;
    },
    /** Nothing is written: the preview says what applyImport would do, or why the file is refused. */
    async previewImport(text: string, format?: ImportFormat): Promise<Result<StoredImportPreview>> {
      const parsed = parseImport(text, format);
      if (!parsed.ok) return parsed;
      await ready();
      const read = await readLists([...new Set(parsed.value.entries.map((entry) => entry.sdkAppId))]);
      if (!read.ok) return read;
      const lists = new Map([...read.value].map(([key, value]) => [key, value.state]));
      return ok({ ...planImport(parsed.value, lists, { now: Date.now(), newId: () => '' }), text });
    },
    applyImport: (preview: StoredImportPreview) => send<ImportSummary>({ kind: 'import', text: preview.text, format: preview.format }),
    /** Turns the `syncUserIds` setting on or off and moves the lists accordingly. */
    setSyncEnabled: (enabled: boolean) => send<MoveReport>({ kind: 'setSync', enabled }),
    /** Called once per burst of changes to the lists, made by this page or any other. */
    watch(callback: (change: ListChangeEvent) => void): () => void {
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

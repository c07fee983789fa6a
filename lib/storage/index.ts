/**
 * Saved UserID lists and settings. The pure modules (list logic, picker, search, CSV,
 * import/export, legacy migrations, sync quota) import nothing from the browser and can be used
 * directly, e.g. in Node; this barrel also brings in the storage-backed store and settings.
 */
export { ANY_APP, parseAppScope, scopeToText, type AppScope } from './app-scope.ts';
export type { EntryRef, SavedUserId } from './entry.ts';
export { STORAGE_ERROR_CODES, type StorageError, type StorageErrorCode } from './errors.ts';
export { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION, toCsvExport, toJsonExport, type ExportEnvelope, type ExportedEntry } from './export.ts';
export { detectImportFormat, parseImport, type ImportedEntry, type ImportFormat, type ImportLocation, type ParsedImport } from './import-parse.ts';
export { planImport, type ImportPreview, type ImportSkip, type ImportUpdate, type SkipReason } from './import-plan.ts';
export type { ListArea } from './keys.ts';
export type { UpgradeReport } from './legacy-upgrade.ts';
export { LIST_SCHEMA_VERSION, type WriteReport } from './list-io.ts';
export type { SaveAction } from './list-ops.ts';
export * from './limits.ts';
export { formatStorageError, STORAGE_MESSAGES } from './messages.ts';
export { buildPickerIndex, filterPicker, type PickerGroup, type PickerIndex, type PickerItem } from './picker.ts';
export type { QuarantineRecord } from './quarantine.ts';
export type { Result } from './result.ts';
export { searchEntries } from './search.ts';
export { DEFAULT_SETTINGS, loadSettings, resolveLanguage, updateSettings, watchSettings, type Settings, type SettingsRead } from './settings.ts';
export { checkSyncFit, syncItemBytes, type SyncUsage } from './sync-quota.ts';
export { isImSdkUserId, normalizeUserId } from './userid.ts';
export { inspectUserId, isLookalikeUserId, type LookalikeReason, type LookalikeReport } from './lookalike.ts';
export { escapeCsvFormula, unescapeCsvFormula } from './csv-formula.ts';
export {
  createUserIdStore,
  type EditInput,
  type EntryOutcome,
  type ImportSummary,
  type ListChangeEvent,
  type MoveReport,
  type SaveInput,
  type SaveOutcome,
  type UserIdStore,
  type UserIdStoreOptions,
} from './userid-store.ts';

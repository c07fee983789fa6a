import { scopeToText, type AppScope } from './app-scope.ts';
import type { SavedUserId } from './entry.ts';
import { formatCsv } from './csv.ts';
import { escapeCsvFormula } from './csv-formula.ts';

export const EXPORT_FORMAT = 'im-console-helper/userids';
/** Version of the export envelope (independent of the storage schema version). */
export const EXPORT_VERSION = 1;
export const CSV_COLUMNS = ['sdkAppId', 'userId', 'label', 'note'] as const;

/** "Any app" first, then by SDKAppID, each list in manual order. */
export function exportOrder(entries: readonly SavedUserId[]): SavedUserId[] {
  const rank = (scope: AppScope) => (scope === 'any' ? -1 : scope);
  return [...entries].sort((a, b) => rank(a.sdkAppId) - rank(b.sdkAppId) || a.order - b.order || a.createdAt - b.createdAt);
}

/** Every field of every entry (undefined ones left out), in an envelope naming the format; `exportedAt` is ISO 8601. */
export function toJsonExport(entries: readonly SavedUserId[], now: number): string {
  const exported = exportOrder(entries).map((e) => ({
    sdkAppId: e.sdkAppId, userId: e.userId, label: e.label, note: e.note, id: e.id,
    createdAt: e.createdAt, updatedAt: e.updatedAt, lastUsedAt: e.lastUsedAt, useCount: e.useCount, order: e.order,
  }));
  const envelope = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), entries: exported };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * CSV keeps only what a person edits: SDKAppID (`any` for any app), UserID, label, note. A BOM is
 * written by default so that Excel reads the Chinese correctly; the importer accepts either. Cells a
 * spreadsheet would run as a formula get a leading `'`, which the import strips.
 */
export function toCsvExport(entries: readonly SavedUserId[], options: { bom?: boolean } = {}): string {
  const rows = exportOrder(entries).map((entry) => [scopeToText(entry.sdkAppId), entry.userId, entry.label ?? '', entry.note ?? ''].map(escapeCsvFormula));
  return formatCsv([[...CSV_COLUMNS], ...rows], { bom: options.bom ?? true });
}

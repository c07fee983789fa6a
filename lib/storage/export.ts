import { scopeToText, type AppScope } from './app-scope.ts';
import type { SavedUserId } from './entry.ts';
import { formatCsv } from './csv.ts';
import { escapeCsvFormula } from './csv-formula.ts';

export const EXPORT_FORMAT = 'im-console-helper/userids';
/** Version of the export envelope (independent of the storage schema version). */
export const EXPORT_VERSION = 1;
export const CSV_COLUMNS = ['sdkAppId', 'userId', 'label', 'note'] as const;

export interface ExportedEntry {
  readonly sdkAppId: AppScope;
  readonly userId: string;
  readonly label?: string;
  readonly note?: string;
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastUsedAt?: number;
  readonly useCount: number;
  readonly order: number;
}

export interface ExportEnvelope {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  readonly exportedAt: string;
  readonly entries: readonly ExportedEntry[];
}

/** "Any app" first, then by SDKAppID, each list in manual order. */
export function exportOrder(entries: readonly SavedUserId[]): SavedUserId[] {
  const rank = (scope: AppScope) => (scope === 'any' ? -1 : scope);
  return [...entries].sort((a, b) => rank(a.sdkAppId) - rank(b.sdkAppId) || a.order - b.order || a.createdAt - b.createdAt);
}

export function toExportEnvelope(entries: readonly SavedUserId[], now: number): ExportEnvelope {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    entries: exportOrder(entries).map((entry) => {
      const out: ExportedEntry = {
        sdkAppId: entry.sdkAppId,
        userId: entry.userId,
        ...(entry.label === undefined ? {} : { label: entry.label }),
        ...(entry.note === undefined ? {} : { note: entry.note }),
        id: entry.id,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        ...(entry.lastUsedAt === undefined ? {} : { lastUsedAt: entry.lastUsedAt }),
        useCount: entry.useCount,
        order: entry.order,
      };
      return out;
    }),
  };
}

export function toJsonExport(entries: readonly SavedUserId[], now: number): string {
  return `${JSON.stringify(toExportEnvelope(entries, now), null, 2)}\n`;
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

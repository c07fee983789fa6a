import { parseAppScope, type AppScope } from './app-scope.ts';
import { parseCsv } from './csv.ts';
import { unescapeCsvFormula } from './csv-formula.ts';
import { normalizeFields, storedEntrySchema, type EntryFieldName, type StoredEntry } from './entry.ts';
import { fail, ok, storageError, type Result, type StorageError } from './errors.ts';
import { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION } from './export.ts';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ENTRIES } from './limits.ts';
import { z } from '../zod.ts';

export type ImportFormat = 'json' | 'csv';

/** Where an imported entry came from: a CSV line or a JSON path. */
export type ImportLocation = { readonly line: number } | { readonly path: string };

/** Fields only a JSON export carries; kept when the entry is added. */
type ImportedExtras = Partial<Omit<StoredEntry, 'userId' | 'label' | 'note'>>;

export interface ImportedEntry {
  readonly at: ImportLocation;
  readonly sdkAppId: AppScope;
  readonly userId: string;
  readonly label?: string;
  readonly note?: string;
  readonly extras: ImportedExtras;
}

export interface ParsedImport {
  readonly format: ImportFormat;
  readonly entries: readonly ImportedEntry[];
}

const encoder = new TextEncoder();

/**
 * Reads an import whole or not at all: the first problem rejects it, with its reason and its line
 * (CSV) or JSON path. Never throws, whatever the text. Without a format: JSON when the text starts
 * with `{` or `[` (after a BOM and blanks), CSV otherwise.
 */
export function parseImport(text: string, format: ImportFormat = /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv'): Result<ParsedImport> {
  try {
    if (text.length > IMPORT_MAX_BYTES || encoder.encode(text).byteLength > IMPORT_MAX_BYTES) {
      return fail(storageError('import-too-large', { limit: IMPORT_MAX_BYTES }));
    }
    if (text.replace(/^\uFEFF/, '').trim() === '') return fail(storageError('import-empty'));
    return format === 'json' ? parseJsonImport(text) : parseCsvImport(text);
  } catch (thrown) {
    // Defence in depth: the parsers are written not to throw.
    return fail(storageError('import-unreadable', { detail: thrown instanceof Error ? thrown.message : String(thrown) }));
  }
}

type FieldName = 'sdkAppId' | EntryFieldName;

function readFields(fields: Record<FieldName, unknown>): Result<Omit<ImportedEntry, 'at' | 'extras'>, { field: FieldName; error: StorageError }> {
  const sdkAppId = parseAppScope(fields.sdkAppId);
  if (!sdkAppId.ok) return fail({ field: 'sdkAppId', error: sdkAppId.error });
  // A missing UserID is not "unchanged" here: null makes it an error.
  const read = normalizeFields({ userId: fields.userId ?? null, label: fields.label, note: fields.note });
  if (!read.ok) return read;
  const { userId = '', label, note } = read.value;
  return ok({ sdkAppId: sdkAppId.value, userId, ...(label ? { label } : {}), ...(note ? { note } : {}) });
}

// ---- CSV

function parseCsvImport(text: string): Result<ParsedImport> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.value;
  if (!header) return fail(storageError('import-empty'));
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const wanted = CSV_COLUMNS.map((name) => name.toLowerCase());
  const columns = wanted.map((name) => names.indexOf(name));
  if (names.length !== wanted.length || columns.some((index) => index < 0)) {
    return fail(storageError('csv-bad-header', { line: header.line, expected: CSV_COLUMNS.join(','), found: header.fields.join(',').slice(0, 80) }));
  }
  if (rows.length > IMPORT_MAX_ENTRIES) return fail(storageError('import-too-many-entries', { count: rows.length, limit: IMPORT_MAX_ENTRIES }));
  const entries: ImportedEntry[] = [];
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      return fail(storageError('csv-field-count', { line: row.line, expected: names.length, found: row.fields.length }));
    }
    const cell = (index: number) => unescapeCsvFormula(row.fields[columns[index] ?? -1] ?? '');
    const read = readFields({ sdkAppId: cell(0), userId: cell(1), label: cell(2), note: cell(3) });
    if (!read.ok) return fail(storageError('csv-invalid-entry', { line: row.line, field: read.error.field }, read.error.error));
    entries.push({ ...read.value, at: { line: row.line }, extras: {} });
  }
  return ok({ format: 'csv', entries });
}

// ---- JSON

const timestamp = z.int().check(z.nonnegative());
const extrasSchema = z.object({
  id: z.optional(storedEntrySchema.shape.id),
  createdAt: z.optional(timestamp),
  updatedAt: z.optional(timestamp),
  lastUsedAt: z.optional(z.nullable(timestamp)),
  useCount: z.optional(timestamp),
  order: z.optional(z.number()),
});

/**
 * Line and column of a JSON.parse error. Chromium says "… at position N (line L column C)",
 * Firefox "… at line L column C of the JSON data"; with neither (e.g. "Unexpected end of JSON
 * input") the problem is at the end of the text.
 */
function syntaxErrorPlace(text: string, thrown: unknown): { line: number; column: number } {
  const message = thrown instanceof Error ? thrown.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const before = text.slice(0, position ? Number(position[1]) : text.length);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJsonImport(text: string): Result<ParsedImport> {
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (thrown) {
    return fail(storageError('json-syntax', syntaxErrorPlace(source, thrown)));
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) {
    const found = isRecord(data) ? String(data.format).slice(0, 60) : Array.isArray(data) ? 'array' : typeof data;
    return fail(storageError('json-wrong-format', { path: 'format', expected: EXPORT_FORMAT, found }));
  }
  if (data.version !== EXPORT_VERSION) {
    return fail(storageError('json-unsupported-version', { path: 'version', version: String(data.version).slice(0, 20), supported: EXPORT_VERSION }));
  }
  if (data.exportedAt !== undefined && typeof data.exportedAt !== 'string') {
    return fail(storageError('json-invalid-structure', { path: 'exportedAt', expected: 'string' }));
  }
  const items = data.entries;
  if (!Array.isArray(items)) return fail(storageError('json-invalid-structure', { path: 'entries', expected: 'array' }));
  if (items.length > IMPORT_MAX_ENTRIES) return fail(storageError('import-too-many-entries', { count: items.length, limit: IMPORT_MAX_ENTRIES }));
  const entries: ImportedEntry[] = [];
  for (let index = 0; index < items.length; index++) {
    const path = `entries[${index}]`;
    const item: unknown = items[index];
    if (!isRecord(item)) return fail(storageError('json-invalid-structure', { path, expected: 'object' }));
    const read = readFields({ sdkAppId: item.sdkAppId, userId: item.userId, label: item.label, note: item.note });
    if (!read.ok) return fail(storageError('json-invalid-entry', { path: `${path}.${read.error.field}` }, read.error.error));
    const extras = extrasSchema.safeParse(item);
    if (!extras.success) {
      const field = String(extras.error.issues[0]?.path[0] ?? '');
      return fail(storageError('json-invalid-entry', { path: `${path}.${field}` }, storageError('value-invalid', { field })));
    }
    // An export writes `null` for "never used".
    entries.push({ ...read.value, at: { path }, extras: { ...extras.data, lastUsedAt: extras.data.lastUsedAt ?? undefined } });
  }
  return ok({ format: 'json', entries });
}

import { fail, ok, storageError, type Result } from './errors.ts';

/** RFC 4180 CSV. Reading also accepts a UTF-8 BOM, LF or CR line ends, and skips blank lines. */

export interface CsvRecord {
  /** 1-based line on which the record starts (quoted fields may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

export function parseCsv(text: string): Result<CsvRecord[]> {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let recordHasText = false;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    if (recordHasText) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordHasText = false;
  };
  /** Consumes a line break at i (CRLF, LF or CR); false if there is none. */
  const lineBreak = (): boolean => {
    const c = input[i];
    if (c === '\r') i += input[i + 1] === '\n' ? 2 : 1;
    else if (c === '\n') i += 1;
    else return false;
    line += 1;
    return true;
  };

  while (i < input.length) {
    if (!recordHasText && fields.length === 0 && field === '') recordLine = line;
    const c = input[i];
    if (c === '"') {
      if (field !== '') return fail(storageError('csv-stray-quote', { line }));
      recordHasText = true;
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= input.length) return fail(storageError('csv-unterminated-quote', { line: quoteLine }));
        const q = input[i];
        if (q === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\r' || q === '\n') {
          field += q === '\r' && input[i + 1] === '\n' ? '\r\n' : q;
          lineBreak();
          continue;
        }
        field += q;
        i += 1;
      }
      const after = input[i];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
        return fail(storageError('csv-stray-quote', { line }));
      }
      continue;
    }
    if (c === ',') {
      recordHasText = true;
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (lineBreak()) {
      endRecord();
      continue;
    }
    recordHasText = true;
    // Fast path: copy the run of plain characters at once.
    let j = i + 1;
    while (j < input.length && !',"\r\n'.includes(input[j] ?? ',')) j += 1;
    if (input[j] === '"') return fail(storageError('csv-stray-quote', { line }));
    field += input.slice(i, j);
    i = j;
  }
  if (recordHasText || fields.length > 0) endRecord();
  return ok(records);
}

/** A leading U+FEFF is quoted so that a reader does not take it for a BOM. */
function quoteField(field: string, onlyField: boolean): string {
  if (/[",\r\n]|^\uFEFF/.test(field) || (onlyField && field === '')) return `"${field.replaceAll('"', '""')}"`;
  return field;
}

/** One CRLF-terminated line per row. Rows need at least one field. */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => `${row.map((field) => quoteField(field, row.length === 1)).join(',')}\r\n`).join('');
  return options.bom ? `\uFEFF${body}` : body;
}

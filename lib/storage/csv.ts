import { fail, ok, storageError, type Result } from './errors.ts';

/** RFC 4180 CSV. Reading also accepts a UTF-8 BOM, LF or CR line ends, and skips blank lines. */

export interface CsvRecord {
  /** 1-based line on which the record starts (quoted fields may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

const QUOTED = /"([^"]*(?:""[^"]*)*)"/y;
const PLAIN = /[^",\r\n]*/y;
const LINE_BREAKS = /\r\n?|\n/g;

export function parseCsv(text: string): Result<CsvRecord[]> {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  // One field per turn, then what ends it: a comma, a line break (the record ends) or the end.
  while (i < input.length || fields.length > 0) {
    if (fields.length === 0) recordLine = line;
    let field: string;
    if (input[i] === '"') {
      QUOTED.lastIndex = i;
      const match = QUOTED.exec(input);
      // No closing quote (a match followed by `"` only ends inside a doubled quote).
      if (!match || input[QUOTED.lastIndex] === '"') return fail(storageError('csv-unterminated-quote', { line }));
      field = match[1]!.replaceAll('""', '"');
      line += field.match(LINE_BREAKS)?.length ?? 0;
      i = QUOTED.lastIndex;
      quoted = true;
    } else {
      PLAIN.lastIndex = i;
      field = PLAIN.exec(input)![0];
      i = PLAIN.lastIndex;
    }
    const end = input.startsWith('\r\n', i) ? '\r\n' : (input[i] ?? '');
    if (end !== '' && !',\r\n'.includes(end)) return fail(storageError('csv-stray-quote', { line }));
    fields.push(field);
    i += end.length;
    if (end === ',') continue;
    // A blank line (one empty unquoted field) is no record.
    if (quoted || fields.length > 1 || field !== '') records.push({ line: recordLine, fields });
    fields = [];
    quoted = false;
    if (end !== '') line += 1;
  }
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

// Spreadsheet formula injection: the one rule for every CSV the extension writes (saved UserIDs,
// diagnostics log rows) and the reverse for the saved-UserID import.

/** A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets. */
const FORMULA_LEADS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
const APOSTROPHE = "'";
/** Plain numbers and IM group IDs (`@TGS#…`, letters and digits only) cannot run anything. */
const HARMLESS = /^(?:-\d+(?:\.\d+)?|@TGS#[A-Za-z0-9_]+)$/;

/**
 * The cell as written: a leading `'` before a formula lead. A value that already starts with `'`
 * gets one more, so that the import's unescape gives it back exactly.
 */
export function escapeCsvFormula(value: string): string {
  const lead = value.charAt(0);
  if (lead === APOSTROPHE || (FORMULA_LEADS.has(lead) && !HARMLESS.test(value))) return APOSTROPHE + value;
  return value;
}

/** Reverse of `escapeCsvFormula`: drops exactly the one `'` it adds, and nothing else. */
export function unescapeCsvFormula(cell: string): string {
  if (cell.charAt(0) !== APOSTROPHE) return cell;
  const next = cell.charAt(1);
  return next === APOSTROPHE || FORMULA_LEADS.has(next) ? cell.slice(1) : cell;
}

// Reads a console data table by its column headers. Works for one <table> and for TEA's layout
// (header and body in two separate tables). Reads textContent only, so 5,000 rows stay cheap.
import { normalizeLabel } from './text.ts';
import { textOf } from './dom.ts';

export type ColumnSpec<K extends string> = Record<K, readonly string[]>;

export interface TableReading<K extends string> {
  /** Which columns the header row has (a column absent from the header is absent here). */
  columns: K[];
  rows: Partial<Record<K, string>>[];
}

const HEADER_CELL = 'th, [role="columnheader"]';

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

/** A <tr>'s children are its cells (no copy: this runs for every row); ARIA rows are filtered. */
export function cellsOf(row: Element): ArrayLike<Element> {
  if (row.tagName === 'TR') return row.children;
  return [...row.children].filter((c) => CELL_ROLES.has(c.getAttribute('role') ?? ''));
}

/** The column index of each known column, from the first header row that names at least `minColumns`. */
function headerIndex<K extends string>(root: Element, spec: ColumnSpec<K>, minColumns: number) {
  const byLabel = new Map<string, K>();
  for (const key of Object.keys(spec) as K[]) for (const label of spec[key]) byLabel.set(normalizeLabel(label), key);
  const seenRows = new Set<Element>();
  for (const cell of root.querySelectorAll(HEADER_CELL)) {
    const row = cell.parentElement;
    if (!row || seenRows.has(row)) continue;
    seenRows.add(row);
    const index = new Map<K, number>();
    const cells = cellsOf(row);
    for (let i = 0; i < cells.length; i++) {
      const key = byLabel.get(normalizeLabel(cells[i]?.textContent ?? ''));
      if (key !== undefined && !index.has(key)) index.set(key, i);
    }
    if (index.size >= minColumns) return { row, index };
  }
  return undefined;
}

export interface TableLayout<K extends string> {
  /** The header row, and each known column's index in it. */
  header: Element;
  index: Map<K, number>;
  /** Every row under the root (live), the header row and rows of other tables included: filter with `isDataRow`. */
  rows: ArrayLike<Element>;
  /** Cells a data row needs to reach every known column. */
  needed: number;
}

/** Where the table under `root` whose header names the columns in `spec` is; undefined when no such header exists. */
export function locateTable<K extends string>(root: Element, spec: ColumnSpec<K>, minColumns = 2): TableLayout<K> | undefined {
  const header = headerIndex(root, spec, minColumns);
  if (!header) return undefined;
  const rows = header.row.tagName === 'TR' ? root.getElementsByTagName('tr') : root.querySelectorAll('[role="row"]');
  return { header: header.row, index: header.index, rows, needed: Math.max(...header.index.values()) + 1 };
}

/** A row of data (not the header, not an empty-state or loading row spanning all columns): its cells, else undefined. */
export function dataCells(layout: TableLayout<string>, row: Element): ArrayLike<Element> | undefined {
  if (row === layout.header) return undefined;
  const cells = cellsOf(row);
  if (cells.length < layout.needed || cells[0]?.tagName === 'TH' || cells[0]?.getAttribute('role') === 'columnheader') return undefined;
  return cells;
}

/**
 * Rows of the table under `root` whose header names the columns in `spec`; undefined when no
 * such header exists. Rows with fewer cells than the header needs (empty-state or loading rows
 * spanning all columns) are skipped. Cell texts are whitespace-collapsed and capped.
 */
export function readTable<K extends string>(root: Element, spec: ColumnSpec<K>, minColumns = 2): TableReading<K> | undefined {
  const layout = locateTable(root, spec, minColumns);
  if (!layout) return undefined;
  const entries = [...layout.index.entries()];
  const rows: Partial<Record<K, string>>[] = [];
  for (let r = 0; r < layout.rows.length; r++) {
    const tr = layout.rows[r];
    const cells = tr && dataCells(layout, tr);
    if (!cells) continue;
    const row: Partial<Record<K, string>> = {};
    for (const [key, i] of entries) row[key] = textOf(cells[i], 4000);
    rows.push(row);
  }
  return { columns: entries.map(([k]) => k), rows };
}

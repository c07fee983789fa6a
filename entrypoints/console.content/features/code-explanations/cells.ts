import { LOG_COLUMNS, LOG_MIN_COLUMNS } from '../../../../lib/console/log-columns.ts';
import { dataCells, locateTable, type TableLayout } from '../../../../lib/console/table.ts';
import type { FeatureContext } from '../../feature.ts';
import { createSlicer } from '../../slicer.ts';
import { isOurs } from '../../ui/host.ts';
import { createAnchors } from '../decode-buttons/anchors.ts';
import { createLayer } from '../decode-buttons/layer.ts';
import { createCodeControl } from './control.tsx';

/** A cell that holds one error code and nothing else ("0" is success: no explanation). */
const CODE_CELL = /^\s*(-?\d{1,7})\s*$/;
const ROW = 'tr, [role="row"]';

/** The text node of a cell that holds its code, with its code; undefined when the cell holds none. */
function codeIn(cell: Element): { node: Text; code: number } | undefined {
  if (!CODE_CELL.test(cell.textContent ?? '')) return undefined;
  const walker = cell.ownerDocument.createTreeWalker(cell, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const m = CODE_CELL.exec((node as Text).data);
    if (m) return Number(m[1]) === 0 ? undefined : { node: node as Text, code: Number(m[1]) };
  }
  return undefined;
}

export interface CodeCellsContext extends FeatureContext {
  /** The console UI's stylesheet, for the panels. */
  styles: string;
  onError: (error: unknown) => void;
}

/**
 * A "?" beside every error code in the troubleshooting-log table (see index.ts). Bounded like the
 * decode controls (anchors.ts: near the viewport, capped), and every row is looked at in slices
 * (slicer.ts): a table of 50,000 rows costs no long task.
 */
export function startCodeCells({ signal, lang, tools, document, onPageChange, styles, onError }: CodeCellsContext): void {
  const slicer = createSlicer({ signal, onError });
  const anchors = createAnchors({
    createControl: (code) => createCodeControl(Number(code), lang, document, styles, onError),
    soon: (step) => slicer.addUrgent(step),
    document,
    signal,
    overPage: async () => createLayer(document, signal),
  });
  const roots = tools.map((t) => t.root);
  const layouts = new Map<Element, TableLayout<keyof typeof LOG_COLUMNS>>();
  /** Each code cell's anchor (the element holding the code's text) and that text node. */
  const placed = new Map<Element, { el: Element; node: Text }>();

  const processRow = (row: Element) => {
    const root = roots.find((r) => r.contains(row));
    const layout = root && layouts.get(root);
    if (!layout) return;
    const cells = dataCells(layout, row);
    const cell = cells?.[layout.index.get('errorCode') ?? -1];
    if (!cell) return;
    const found = codeIn(cell);
    const was = placed.get(cell);
    if (was && was.node !== found?.node) anchors.set(was.el, was.node, [], false);
    if (!found?.node.parentElement) return void placed.delete(cell);
    placed.set(cell, { el: found.node.parentElement, node: found.node });
    anchors.set(found.node.parentElement, found.node, [String(found.code)], false);
  };

  /** Rows waiting to be looked at; one per step. */
  const waiting = new Set<Element>();
  const queueRow = (row: Element) => {
    if (waiting.size === 0) {
      slicer.add(() => {
        const next = waiting.values().next();
        if (next.done) return false;
        waiting.delete(next.value);
        processRow(next.value);
        return waiting.size > 0;
      });
    }
    waiting.add(row);
  };
  const queueRows = (rows: ArrayLike<Element>) => {
    let i = 0;
    slicer.add(() => {
      const row = rows[i++];
      if (row) processRow(row);
      return i < rows.length;
    });
  };

  let rescanQueued = false;
  /** Finds each tool's table again (a new one after a query) and looks at all its rows. */
  const rescan = () => {
    if (rescanQueued) return;
    rescanQueued = true;
    slicer.add(() => {
      rescanQueued = false;
      for (const root of roots) {
        const layout = locateTable(root, LOG_COLUMNS, LOG_MIN_COLUMNS);
        if (layout?.index.has('errorCode')) {
          layouts.set(root, layout);
          queueRows(layout.rows);
        } else layouts.delete(root);
      }
      return false;
    });
  };

  let sweepQueued = false;
  /** Code cells that left the page lose their controls. */
  const sweep = () => {
    if (sweepQueued) return;
    sweepQueued = true;
    slicer.add(() => {
      sweepQueued = false;
      for (const [cell, { el }] of placed) {
        if (cell.isConnected) continue;
        placed.delete(cell);
        anchors.removed(el);
      }
      return false;
    });
  };

  onPageChange((records) => {
    const stale = roots.some((root) => {
      const layout = layouts.get(root);
      return !layout || !layout.header.isConnected;
    });
    for (const record of records) {
      const target = record.target;
      const root = roots.find((r) => r.contains(target));
      if (!root) continue;
      if (stale) {
        if (record.type === 'childList') rescan();
        if (record.removedNodes.length > 0) sweep();
        continue;
      }
      if (record.type === 'characterData') {
        const row = target.parentElement?.closest(ROW);
        if (row) queueRow(row);
        continue;
      }
      if (record.type !== 'childList') continue;
      if (record.removedNodes.length > 0) sweep();
      const own = (target as Element).closest(ROW);
      if (own && record.addedNodes.length > 0) queueRow(own);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || isOurs(node) || own) continue;
        const el = node as Element;
        if (el.matches(ROW)) queueRow(el);
        else queueRows(el.querySelectorAll(ROW));
      }
    }
    anchors.moved();
  });

  rescan();
  signal.addEventListener('abort', () => {
    anchors.clear();
    placed.clear();
  });
}

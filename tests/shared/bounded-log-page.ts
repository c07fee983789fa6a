// The 50,000-row log of attack 4 in the hostile page suite (hostile-page.spec.ts and its Firefox check): a plain
// console-origin page whose script builds a log of ROWS rows, each holding one UserSig, in one go.
// Block rows of a fixed height: with an auto-layout <table> of 50,000 rows, the browser's own
// layout takes seconds for any change in a cell, ours or the page's, and the tests would wait on that.

export const BOUNDED_ROWS = 50_000;
export const BOUNDED_URL = 'https://console.cloud.tencent.com/im/tool-log-bounded';

export function boundedLogPage(token: string, rows = BOUNDED_ROWS): string {
  const build = `
    const body = document.querySelector('[role=rowgroup]');
    const frag = document.createDocumentFragment();
    for (let i = 0; i < ${rows}; i++) {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.dataset.row = String(i);
      const at = document.createElement('span');
      at.textContent = 'row ' + i + ' ';
      const cell = document.createElement('span');
      cell.textContent = '{"UserSig":"' + ${JSON.stringify(token)} + '"}';
      row.append(at, cell);
      frag.append(row);
    }
    body.append(frag);
    document.body.dataset.built = 'true';
  `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Logs</title>
<style>body{margin:0;font:13px sans-serif} [role=row]{height:24px;line-height:24px;white-space:nowrap;overflow:hidden;border-top:1px solid #ddd}</style></head>
<body><h2>Self-service troubleshooting logs</h2><div role="table"><div role="rowgroup"></div></div>
<script>${build}</script></body></html>`;
}

/**
 * In the page: the rows on screen and whether the user sees a decode control beside each; every row
 * with a control beside it; the count. By geometry, as the user sees it: beside a log this long the
 * controls are drawn over the page (anchors.ts, layer.ts), level with their rows, not inside them.
 */
export function readBoundedRows(): { onScreen: { row: number; control: boolean }[]; withControl: number[]; controls: number } {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-row]')];
  // The row at a height, by a binary search over the rows' own boxes (a fixed pitch drifts by
  // rows over 50,000 of them: Firefox lays them out in fractions of a pixel).
  const rowAt = (y: number) => {
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rows[mid]!.getBoundingClientRect().top <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const controls = [...document.querySelectorAll<HTMLElement>('[data-imch=decode]')];
  const beside = new Set<number>();
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    if (!box.height) continue;
    // A control the user cannot see (hidden with its row, or not placed yet) has no box.
    beside.add(rowAt(box.top + box.height / 2));
  }
  // Only rows around the scroll position: a layout read per row for 50,000 rows is the test's own cost.
  const onScreen: { row: number; control: boolean }[] = [];
  for (let i = Math.max(0, rowAt(0) - 5); i < Math.min(rows.length, rowAt(0) + 200); i++) {
    const box = rows[i]!.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight) onScreen.push({ row: i, control: beside.has(i) });
  }
  return { onScreen, withControl: [...beside].sort((a, b) => a - b), controls: controls.length };
}

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

/** In the page: the rows on screen and whether each has a decode control; every row with one; the count. */
export function readBoundedRows(): { onScreen: { row: number; control: boolean }[]; withControl: number[]; controls: number } {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-row]')];
  const withControl = rows.filter((r) => r.querySelector('[data-imch=decode]')).map((r) => Number(r.dataset.row));
  // Only rows around the scroll position: a layout read per row for 50,000 rows is the test's own cost.
  const pitch = rows[1]!.getBoundingClientRect().top - rows[0]!.getBoundingClientRect().top;
  const first = Math.max(0, Math.floor(window.scrollY / pitch) - 5);
  const onScreen: { row: number; control: boolean }[] = [];
  for (let i = first; i < Math.min(rows.length, first + 200); i++) {
    const box = rows[i]!.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight) onScreen.push({ row: i, control: !!rows[i]!.querySelector('[data-imch=decode]') });
  }
  return { onScreen, withControl, controls: document.querySelectorAll('[data-imch=decode]').length };
}

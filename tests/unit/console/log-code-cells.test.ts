// @vitest-environment happy-dom
// The log table's layout as the code explanations find it (lib/console/table.ts locateTable and
// dataCells, with the log's column words from log-columns.ts): on TEA markup, whose header and
// body are two tables, the error-code column's cells are the codes the page model reads.
import { describe, expect, it } from 'vitest';
import { LOG_COLUMNS, LOG_MIN_COLUMNS } from '../../../lib/console/log-columns.ts';
import { dataCells, locateTable } from '../../../lib/console/table.ts';
import { readTroubleshootingLog } from '../../../lib/console/troubleshooting-log.ts';
import { detectTools } from '../../../lib/console/tools.ts';
import { parsePage } from './parse-page.ts';
import { troubleshootingLog } from './tea/tools.ts';

const URL = { zh: 'https://console.cloud.tencent.com/im/tool-log', en: 'https://console.tencentcloud.com/im/tool-log' };

for (const lang of ['zh', 'en'] as const) {
  describe(`log code cells on TEA (${lang})`, () => {
    it('finds the error-code column and one cell per data row, the codes the page model reads', () => {
      const doc = parsePage(troubleshootingLog(lang, 4), lang === 'zh' ? 'zh-CN' : 'en');
      const [tool] = detectTools(doc, URL[lang]);
      const layout = locateTable(tool!.root, LOG_COLUMNS, LOG_MIN_COLUMNS);
      expect(layout).toBeDefined();
      const column = layout!.index.get('errorCode');
      expect(column).toBeTypeOf('number');
      const codes: string[] = [];
      for (const row of Array.from(layout!.rows)) {
        const cells = dataCells(layout!, row);
        if (cells) codes.push((cells[column!]?.textContent ?? '').trim());
      }
      const reading = readTroubleshootingLog(tool!.root);
      expect(codes).toHaveLength(4);
      expect(codes).toEqual(reading.data.rows!.map((r) => String(r.errorCode)));
      // The header row is no data row.
      expect(dataCells(layout!, layout!.header)).toBeUndefined();
    });

    it('finds no table before the first query (filters only)', () => {
      const doc = parsePage(troubleshootingLog(lang, 0), lang === 'zh' ? 'zh-CN' : 'en');
      const [tool] = detectTools(doc, URL[lang]);
      const layout = locateTable(tool!.root, LOG_COLUMNS, LOG_MIN_COLUMNS);
      const rows = layout ? Array.from(layout.rows).filter((r) => dataCells(layout, r)) : [];
      expect(rows).toEqual([]);
    });
  });
}

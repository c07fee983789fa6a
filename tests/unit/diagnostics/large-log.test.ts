// A 5,000-row log: every format renders it whole, quickly (the e2e times the same in Chromium).
import { describe, expect, it } from 'vitest';
import type { ToolReading } from '../../../lib/console/snapshot.ts';
import { parseDiagnostics, renderReport, toJson } from '../../../lib/diagnostics/index.ts';
import { build, fixtures } from './records.ts';

function bigLog(n: number): ToolReading {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const login = i % 700 === 0;
    rows.push({
      time: `2026-11-21 ${String(10 + (i % 12)).padStart(2, '0')}:00:${String(i % 60).padStart(2, '0')}`,
      eventLabel: login ? 'Login' : 'Send group message',
      event: login ? ('login' as const) : ('group-message' as const),
      userId: `user_${i % 97}`,
      ...(login ? {} : { peerId: '@TGS#1NVTZEAZA' }),
      errorCode: i % 11 === 0 ? 10010 : 0,
      errorInfo: i % 11 === 0 ? 'Group does not exist' : 'OK',
      detail: login ? JSON.stringify({ Platform: 'iOS', SDKAppID: 1400000001, UserSig: fixtures.tokens.valid.token }) : `{"Platform":"Android","SDKAppID":1400000001,"MsgRandom":${100000 + i},"MsgType":"TIMTextElem"}`,
    });
  }
  return { tool: 'troubleshooting-log', data: { filters: { eventLabel: 'All', event: 'all' }, rows, skippedRows: 0 }, missing: [] };
}

describe('a 5,000-row log', () => {
  it('renders whole in every format, masked', async () => {
    const reading = bigLog(5000);
    let t = performance.now();
    const record = await build(reading);
    const timings: Record<string, number> = { build: performance.now() - t };
    for (const format of ['markdown', 'text', 'json', 'csv'] as const) {
      t = performance.now();
      const text = renderReport(record, format);
      timings[format] = performance.now() - t;
      expect(text).not.toContain(fixtures.tokens.valid.token);
      if (format === 'csv') expect(text.trimEnd().split('\r\n')).toHaveLength(5001);
      if (format === 'markdown') expect(text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))).toHaveLength(5001);
    }
    console.log(`5,000 rows (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    const parsed = parseDiagnostics(JSON.parse(toJson(record, { includeTokens: true })));
    expect(parsed.ok && parsed.record.tool === 'troubleshooting-log' && parsed.record.data.rows?.length).toBe(5000);
  });
});

// One definition of each enum: lib/console/enums.ts holds the tuples; the diagnostics schema
// builds its zod enums from them and writes none of their values itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_STATUSES, LOG_EVENTS, PUSH_VENDORS, SDKAPPID_SOURCES, TOOL_IDS } from '../../../lib/console/enums.ts';
import { DiagnosticsSchema } from '../../../lib/diagnostics/schema.ts';
import { READINGS, build } from './records.ts';

const schemaSource = readFileSync(new URL('../../../lib/diagnostics/schema.ts', import.meta.url), 'utf8');

describe('enums', () => {
  it('the schema spells no value of the page model’s enums (it imports them)', () => {
    const own = new Set<string>(TOOL_IDS); // discriminated-union literals name the tools, checked by type
    for (const value of [...PUSH_VENDORS, ...CLIENT_STATUSES, ...LOG_EVENTS, ...SDKAPPID_SOURCES]) {
      if (own.has(value)) continue;
      expect(schemaSource, value).not.toContain(`'${value}'`);
    }
  });

  it('accepts every value of each tuple and nothing else', async () => {
    const base = await build(READINGS.statusAlice);
    for (const source of SDKAPPID_SOURCES) expect(DiagnosticsSchema.safeParse({ ...base, sdkAppIdSource: source }).success, source).toBe(true);
    expect(DiagnosticsSchema.safeParse({ ...base, sdkAppIdSource: 'elsewhere' }).success).toBe(false);
    for (const status of CLIENT_STATUSES) {
      expect(DiagnosticsSchema.safeParse({ ...base, data: { ...base.data, status } }).success, status).toBe(true);
    }
    expect(DiagnosticsSchema.safeParse({ ...base, data: { ...base.data, status: 'away' } }).success).toBe(false);
  });
});

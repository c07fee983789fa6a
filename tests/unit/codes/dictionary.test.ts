import { describe, expect, it } from 'vitest';
import { codeEntry, codeEntrySchema, knownCodes, PRODUCTS } from '../../../lib/codes/index.ts';
import { CORE_ROWS } from '../../../lib/codes/data-core.ts';
import { coreRowSchema } from '../../../lib/codes/schema.ts';
import { SOURCES } from '../../../lib/codes/sources.ts';
import { TEXTS_EN } from '../../../lib/codes/texts-en.ts';
import { TEXTS_ZH } from '../../../lib/codes/texts-zh.ts';

const entries = await Promise.all(knownCodes().map((code) => codeEntry(code)));

describe('the error-code dictionary', () => {
  it('holds at least 300 codes, each once, in every product', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORE_ROWS.map((r) => r[0])).size).toBe(CORE_ROWS.length);
    for (const product of PRODUCTS) expect(entries.filter((e) => e?.product === product).length).toBeGreaterThan(50);
  });

  it('every core row and every entry passes its schema', () => {
    for (const row of CORE_ROWS) expect(coreRowSchema.safeParse(row).success, String(row[0])).toBe(true);
    for (const entry of entries) {
      const parsed = codeEntrySchema.safeParse(entry);
      expect(parsed.success, `${entry?.code}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('every entry has zh and en texts, not empty and not the same', () => {
    for (const e of entries) {
      for (const field of ['meaning', 'cause', 'fix'] as const) {
        expect(e![field].zh.trim(), `${e!.code} ${field} zh`).not.toBe('');
        expect(e![field].en.trim(), `${e!.code} ${field} en`).not.toBe('');
        expect(e![field].zh, `${e!.code} ${field}`).not.toBe(e![field].en);
      }
    }
  });

  it('has texts for exactly the codes of the core, in both languages', () => {
    const core = CORE_ROWS.map((r) => r[0]).sort((a, b) => a - b);
    expect(Object.keys(TEXTS_EN.codes).map(Number).sort((a, b) => a - b)).toEqual(core);
    expect(Object.keys(TEXTS_ZH.codes).map(Number).sort((a, b) => a - b)).toEqual(core);
  });

  it('cites an official page for every entry, in each language', () => {
    for (const row of CORE_ROWS) expect(SOURCES[row[2]], `${row[0]} source ${row[2]}`).toBeDefined();
    for (const { zh, en } of Object.values(SOURCES)) {
      expect(zh).toMatch(/^https:\/\/(cloud\.tencent\.com|web\.sdk\.qcloud\.com|trtc\.io|www\.tencentcloud\.com)\//);
      expect(en).toMatch(/^https:\/\/(cloud\.tencent\.com|web\.sdk\.qcloud\.com|trtc\.io|www\.tencentcloud\.com)\//);
    }
  });

  it('explains the UserSig codes the Chat SDKs raise', async () => {
    const expected: Record<number, string> = {
      20002: 'MSG_A2KEY_EXPIRED', 3004: 'KICKED_OUT_USERSIG_EXPIRED', 2003: 'NO_USERSIG', 2002: 'NO_IDENTIFIER',
      2000: 'NO_SDKAPPID', 3001: 'LOGIN_FAILED', 2023: 'NO_A2KEY', 70001: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED',
      [-100018]: 'ERR_SERVER_INFO_ECDH_GET_TINYID', [-100006]: 'ERR_SERVER_INFO_PRIVILEGE_FLAG_ERROR',
    };
    for (const [code, name] of Object.entries(expected)) {
      const e = await codeEntry(Number(code));
      expect([e?.constant, ...(e?.aliases ?? [])], code).toContain(name);
    }
    expect((await codeEntry(70009))?.meaning.en).toMatch(/another SDKAppID/);
    expect((await codeEntry(-100018))?.meaning.zh).toMatch(/userSig 校验失败/);
  });
});

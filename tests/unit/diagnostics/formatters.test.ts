import { describe, expect, it } from 'vitest';
import {
  DiagnosticsSchema,
  csvField,
  formatsFor,
  maskRecord,
  maskSecret,
  maskText,
  parseDiagnostics,
  renderReport,
  toCsv,
  toJson,
  toMarkdown,
  toText,
  type Diagnostics,
} from '../../../lib/diagnostics/index.ts';
import { parseCsv } from '../../../lib/storage/csv.ts';
import { lookupCode, unknownCode } from '../../../lib/codes/lookup.ts';
import { REPORT_LABELS } from '../../../lib/diagnostics/labels.ts';
import { APNS_TOKEN, OPPO_TOKEN, READINGS, build, fixtures } from './records.ts';

const KEY_LIKE = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i;

describe('maskSecret / maskText', () => {
  it('keeps the first and last characters and the length', () => {
    expect(maskSecret(APNS_TOKEN)).toBe('a1b2c3…7e8f90 (64 chars)');
    expect(maskSecret('0866471036250553300009154000CN01')).toBe('086647…00CN01 (32 chars)');
  });
  it('never shows the whole of a short value', () => {
    expect(maskSecret('abcdefgh')).toBe('ab…gh (8 chars)');
    expect(maskSecret('abc')).toBe('… (3 chars)');
    expect(maskSecret('')).toBe('');
  });
  it('masks UserSigs and 64-hex key-like strings inside free text, nothing else', () => {
    const text = `{"UserSig":"${fixtures.tokens.valid.token}","key":"${'ab'.repeat(32)}","Platform":"iOS"}`;
    const masked = maskText(text);
    expect(masked).not.toContain(fixtures.tokens.valid.token);
    expect(masked).not.toMatch(KEY_LIKE);
    expect(masked).toContain(maskSecret(fixtures.tokens.valid.token));
    expect(masked).toContain('"Platform":"iOS"');
    expect(maskText('short text')).toBe('short text');
  });
});

describe('Markdown (default)', () => {
  it('reports the offline push finder: tool, console, app, times, version, devices, result', async () => {
    const md = toMarkdown(await build(READINGS.pushDave));
    expect(md.split('\n')[0]).toBe('## IM Console Helper diagnostics: Offline push issue finder');
    expect(md).toContain('- **Console**: console.tencentcloud.com (English)');
    expect(md).toContain('- **SDKAppID**: `1400000001`');
    expect(md).toContain('- **Captured (UTC)**: 2026-11-22 00:30:00 UTC');
    expect(md).toContain('- **Captured (local time)**: 2026-11-22 08:30:00 (UTC+08:00)');
    expect(md).toContain('- **Extension**: IM Console Helper 0.1.0');
    expect(md).toContain('- **UserID**: `dave`');
    expect(md).toContain('- **Chosen certificate**: `15001`');
    expect(md).toContain('| Certificate ID | Vendor | Platform | Device token | Reported at |');
    expect(md).toContain('| `15001` | Apple \\(APNs\\) | iOS | `a1b2c3…7e8f90 (64 chars)` | 2026-11-22 08:18:00 |'.replace(/\\\(|\\\)/g, (m) => m.slice(1)));
    expect(md).toContain('| `15002` | OPPO | Android | `OPPO_C…3a4b5c (40 chars)` | 2026-11-21 22:30:00 |');
    expect(md).toContain('- **Result**: failed');
    expect(md).toContain('- **Failure reason**: APNs returned BadDeviceToken');
    expect(md).not.toContain('Partial report');
  });

  it('escapes page text that would become markup, and pipes inside table code spans', async () => {
    const reading = structuredClone(READINGS.logs);
    reading.data.rows[0]!.errorInfo = 'a | b <script> *bold* [link](x)';
    const md = toMarkdown(await build(reading));
    expect(md).toContain('a \\| b \\<script\\> \\*bold\\* \\[link\\](x)');
    expect(md).toContain('`=cmd\\|calc`');
    // Every table row keeps its 7 columns.
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
  });

  it('follows the console language', async () => {
    const md = toMarkdown(await build(READINGS.pushDave, { lang: 'zh', url: 'https://console.cloud.tencent.com/im/tool-push-check' }));
    expect(md.split('\n')[0]).toBe('## IM Console Helper 诊断信息：离线推送定位工具');
    expect(md).toContain('- **控制台**: console.cloud.tencent.com (中文)');
    expect(md).toContain('| 证书 ID | 推送通道 | 平台 | 设备 Token | 上报时间 |');
  });
});

describe('masking on and off', () => {
  for (const format of ['markdown', 'text', 'json'] as const) {
    it(`${format}: tokens masked by default, in full only when asked`, async () => {
      const record = await build(READINGS.pushDave);
      const masked = renderReport(record, format);
      expect(masked).not.toContain(APNS_TOKEN);
      expect(masked).not.toContain(OPPO_TOKEN);
      expect(masked).not.toMatch(KEY_LIKE);
      expect(masked).toContain(maskSecret(OPPO_TOKEN));
      const full = renderReport(record, format, { includeTokens: true });
      expect(full).toContain(APNS_TOKEN);
      expect(full).toContain(OPPO_TOKEN);
    });
  }

  it('masks UserSigs: the generator, the verifier and log details', async () => {
    for (const [reading, token] of [
      [READINGS.generatorAlice, fixtures.tokens.valid.token],
      [READINGS.verifierExpired, fixtures.tokens.expired.token],
      [READINGS.logs, fixtures.tokens.expired.token],
    ] as const) {
      const record = await build(reading);
      for (const format of formatsFor(record)) {
        expect(renderReport(record, format)).not.toContain(token);
        expect(renderReport(record, format, { includeTokens: true })).toContain(token);
      }
    }
  });

  it('masking does not change the record it was given', async () => {
    const record = await build(READINGS.logs);
    const before = JSON.stringify(record);
    maskRecord(record);
    toMarkdown(record);
    expect(JSON.stringify(record)).toBe(before);
  });

  it('has no place for a key: unknown fields are dropped when a record is read back', async () => {
    const record = await build(READINGS.verifierExpired);
    const parsed = parseDiagnostics({ ...JSON.parse(toJson(record)), secretKey: 'ab'.repeat(32) });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(JSON.stringify(parsed.record)).not.toContain('ab'.repeat(32));
  });
});

describe('plain text', () => {
  it('has no Markdown syntax and one line per field', async () => {
    const text = toText(await build(READINGS.pushDave));
    expect(text).not.toMatch(/\*\*|^#|\| --- \|/m);
    expect(text).toContain('\nUserID: dave\n');
    expect(text).toContain('15001 | Apple (APNs) | iOS | a1b2c3…7e8f90 (64 chars) | 2026-11-22 08:18:00');
    expect(text).toContain('Failure reason: APNs returned BadDeviceToken');
  });
});

describe('JSON', () => {
  const all = Object.entries(READINGS);
  for (const [name, reading] of all) {
    it(`${name}: validates against the schema and round-trips`, async () => {
      const record = await build(reading);
      for (const includeTokens of [false, true]) {
        const json = toJson(record, { includeTokens });
        const parsed = parseDiagnostics(JSON.parse(json));
        expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.record).toEqual(includeTokens ? record : maskRecord(record));
        expect(toJson(parsed.record, { includeTokens })).toBe(json);
        expect(parsed.record.tokens).toBe(includeTokens ? 'full' : 'masked');
      }
    });
  }

  it('rejects what is not a diagnostics record, as a value', () => {
    const result = parseDiagnostics({ format: 'imch-diagnostics', version: 1, tool: 'offline-push' });
    expect(result.ok).toBe(false);
    expect(parseDiagnostics('nope').ok).toBe(false);
  });
});

describe('CSV (log rows)', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas (RFC 4180, CRLF)', async () => {
    const csv = toCsv(await build(READINGS.logs), { includeTokens: true });
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [header, ...rows] = parsed.value.map((r) => r.fields);
    expect(header).toEqual(['time', 'event', 'eventLabel', 'userId', 'peerId', 'errorCode', 'errorMeaning', 'errorInfo', 'detail']);
    expect(rows).toHaveLength(3);
    const expired = (await lookupCode(70001, 'en'))!;
    const meaning = `ERR_SVR_ACCOUNT_USERSIG_EXPIRED: ${expired.meaning} Fix: ${expired.fix}`;
    expect(rows[0]).toEqual(['2026-11-22 08:27:00', 'login', 'Login', 'alice', '', '70001', meaning, 'UserSig expired', READINGS.logs.data.rows[0]!.detail]);
    expect(rows[2]![7]).toBe('Push failed, "token", invalid\nretry');
    expect(rows[2]![8]).toBe("'=cmd|calc");
  });

  it('csvField', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('-1')).toBe('-1');
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@TGS#1NVTZEAZA')).toBe('@TGS#1NVTZEAZA');
  });

  it('is offered for logs only', async () => {
    expect(formatsFor(await build(READINGS.logs))).toEqual(['markdown', 'text', 'json', 'csv']);
    expect(formatsFor(await build(READINGS.pushDave))).toEqual(['markdown', 'text', 'json']);
    expect(toCsv(await build(READINGS.pushDave)).split('\r\n')).toHaveLength(2);
  });
});

describe('error codes link to their meaning', () => {
  /** The report's entry of a code the dictionary holds: its explanation in the report's language. */
  const entryOf = async (code: number, lang: 'en' | 'zh' = 'en') => {
    const e = (await lookupCode(code, lang))!;
    return { code, constant: e.constant, known: true, meaning: e.meaning, cause: e.cause, fix: e.fix, source: e.source };
  };

  it('server codes get their constant, meaning, cause, fix and page from the dictionary, with what the console said', async () => {
    const record = await build(READINGS.verifierExpired);
    const expired = await entryOf(70001);
    expect(record.errorCodes).toEqual([{ ...expired, consoleText: 'The UserSig has expired.' }]);
    expect(expired.meaning).toBe('userSig has expired. Please generate again.');
    const md = toMarkdown(record);
    expect(md).toContain('- **Error code**: `70001 (ERR_SVR_ACCOUNT_USERSIG_EXPIRED)`');
    expect(md).toContain('### Error codes');
    expect(md).toContain('- `70001` `ERR_SVR_ACCOUNT_USERSIG_EXPIRED`: userSig has expired. Please generate again. · Cause: ');
    expect(md).toContain(`· console: The UserSig has expired. · official page: ${expired.source}`);
    for (const words of [expired.cause, expired.fix]) expect(toText(record)).toContain(words);
  });

  it('log codes are counted, each with its meaning and fix', async () => {
    const record = await build(READINGS.logs);
    expect(record.errorCodes).toEqual([
      { ...(await entryOf(70001)), consoleText: 'UserSig expired', rows: 1 },
      { ...(await entryOf(90001)), consoleText: 'Push failed, "token", invalid\nretry', rows: 1 },
    ]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`codes the dictionary does not hold say so, with the official pages (Markdown, text, CSV, JSON; ${lang})`, async () => {
      const reading = structuredClone(READINGS.logs);
      reading.data.rows![2]!.errorCode = 70010;
      const record = await build(reading, { lang });
      const unknown = unknownCode(70010, lang);
      expect(record.errorCodes.find((e) => e.code === 70010)).toEqual({ code: 70010, known: false, pages: unknown.pages, consoleText: 'Push failed, "token", invalid\nretry', rows: 1 });
      const says = REPORT_LABELS[lang].notInDictionary(unknown.pages.join(' '));
      expect(toText(record)).toContain(`70010: ${says}`);
      expect(toMarkdown(record)).toContain('- `70010`: ');
      expect(toMarkdown(record)).toContain(unknown.pages[0]!);
      const csv = parseCsv(toCsv(record));
      expect(csv.ok && csv.value[3]!.fields[6]).toBe(says);
      const known = (await lookupCode(70001, lang))!;
      expect(csv.ok && csv.value[1]!.fields[6]).toBe(`ERR_SVR_ACCOUNT_USERSIG_EXPIRED: ${known.meaning} ${REPORT_LABELS[lang].fix}: ${known.fix}`);
      expect(JSON.parse(toJson(record)).errorCodes.find((e: { code: number }) => e.code === 70010).known).toBe(false);
    });
  }
});

describe('our decode of UserSigs', () => {
  it('the generator: issue time, validity, expiry, checks', async () => {
    const record = (await build(READINGS.generatorAlice)) as Extract<Diagnostics, { tool: 'usersig-generator' }>;
    expect(record.data.decoded).toMatchObject({
      ok: true,
      format: '2.0',
      sdkAppId: 1400000001,
      userId: 'alice',
      issuedAt: fixtures.tokens.valid.time,
      validitySeconds: fixtures.tokens.valid.expire,
      expiresAt: fixtures.tokens.valid.time + fixtures.tokens.valid.expire,
      valid: true,
      problems: [],
    });
    const md = toMarkdown(record);
    expect(md).toContain('- **Issued**: 2025-01-01 00:00:00 UTC · 2025-01-01 08:00:00 (UTC+08:00)');
    expect(md).toContain('signature: not checked');
  });

  it('a truncated UserSig: a problem with its server code, not an error', async () => {
    const record = (await build(READINGS.verifierTruncated)) as Extract<Diagnostics, { tool: 'usersig-verifier' }>;
    expect(record.data.decoded?.ok).toBe(false);
    expect(record.data.decoded?.problems[0]).toMatchObject({ serverCode: 70003 });
    expect(record.missing).toEqual([{ part: 'verdict', why: 'not-shown' }]);
    expect(toMarkdown(record)).toContain('`70003 (ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED)`');
  });

  it('a UserSig of another app is a 70014 problem of our decode', async () => {
    const record = (await build(READINGS.generatorAlice, { sdkAppId: 1400000002 })) as Extract<Diagnostics, { tool: 'usersig-generator' }>;
    expect(record.data.decoded).toMatchObject({ ok: true, valid: false, problems: [{ code: 'sdkappid-mismatch', serverCode: 70014 }] });
  });
});

describe('partial records', () => {
  const cases = [
    ['an untouched offline push finder', READINGS.pushEmpty, [{ part: 'userId', why: 'not-shown' }, { part: 'devices', why: 'not-shown' }]],
    ['no devices: nothing to test, so no test result is missing', READINGS.pushNoDevices, []],
    ['a status checker whose markup changed', READINGS.statusBroken, [{ part: 'userId', why: 'not-found' }, { part: 'getStatusButton', why: 'not-found' }, { part: 'status', why: 'not-shown' }]],
    ['a log page without filters or table', READINGS.logsBroken, [
      { part: 'filters.event', why: 'not-found' },
      { part: 'filters.userId', why: 'not-found' },
      { part: 'filters.peerId', why: 'not-found' },
      { part: 'filters.errorCode', why: 'not-found' },
      { part: 'filters.timeRange', why: 'not-found' },
      { part: 'rows', why: 'not-found' },
    ]],
  ] as const;
  for (const [name, reading, missing] of cases) {
    it(`${name}: says what is missing, in every format`, async () => {
      const record = await build(reading);
      expect(record.missing).toEqual(missing);
      expect(DiagnosticsSchema.safeParse(record).success).toBe(true);
      for (const format of formatsFor(record)) expect(() => renderReport(record, format)).not.toThrow();
      const md = toMarkdown(record);
      if (missing.length > 0) expect(md).toContain('### Partial report: not captured');
      else expect(md).not.toContain('Partial report');
    });
  }

  it('no SDKAppID on the page: listed first', async () => {
    const record = await build(READINGS.statusAlice, { sdkAppId: undefined });
    expect(record.missing[0]).toEqual({ part: 'sdkAppId', why: 'not-found' });
    expect(toMarkdown(record)).toContain('- **SDKAppID**: not shown');
  });

  it('a reader that failed: the tool itself is missing, the report still goes out', async () => {
    const record = await build({ tool: 'usersig-generator', data: {}, missing: ['reader'] });
    expect(record.missing).toContainEqual({ part: 'tool', why: 'not-found' });
    expect(toText(record)).toContain('the tool: not found on the page');
  });

  it('an unparsable URL gives an empty host, not an error', async () => {
    const record = await build(READINGS.statusAlice, { url: 'not a url' });
    expect(record.console).toEqual({ host: '', path: '', lang: 'en' });
  });
});

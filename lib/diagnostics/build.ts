// From what a lib/console reader saw to a diagnostics record. Pure: no DOM, no extension APIs;
// the caller passes the reading, the page's URL and SDKAppID, the clock and the version.
import type { Lang } from '../i18n.ts';
import type { ToolReading } from '../console/snapshot.ts';
import { TOOLS, type ToolId } from '../console/tools.ts';
import type { PushVendor } from '../console/offline-push.ts';
import type { SdkAppIdSource } from '../console/enums.ts';
import { assess } from '../usersig/assess.ts';
import { decodeUserSig } from '../usersig/decode.ts';
import { describeProblem, describeWarning } from '../usersig/problems.ts';
import { explainCodes } from '../codes/lookup.ts';
import type { CodeExplanation, UnknownCode } from '../codes/schema.ts';
import type { Problem } from '../usersig/types.ts';
import {
  DIAGNOSTICS_FORMAT,
  DIAGNOSTICS_VERSION,
  type Diagnostics,
  type ErrorCodeInfo,
  type Missing,
  type PushDeviceRecord,
  type UserSigDecode,
} from './schema.ts';
import { localOffsetMinutes, localText } from '../time.ts';

export interface CaptureInput {
  reading: ToolReading;
  lang: Lang;
  /** The console page's URL (only host and path go into the report). */
  url: string;
  sdkAppId?: number;
  /** Where the page showed the SDKAppID (`readSdkAppIdWithSource`); printed beside it. */
  sdkAppIdSource?: SdkAppIdSource;
  /** Unix milliseconds of the capture; defaults to the clock. */
  now?: number;
  /** Minutes east of UTC; defaults to the browser's zone at `now`. */
  tzOffsetMinutes?: number;
  extension: { name: string; version: string };
}

export function platformOf(vendor: PushVendor): PushDeviceRecord['platform'] {
  if (vendor === 'apns') return 'ios';
  if (vendor === 'other') return 'unknown';
  return 'android';
}

/** What each reader's `missing` name means for the report. */
function readerMissing(name: string, tool: ToolId): Missing {
  const invalid = /^devices\[\d+\]$/.test(name) || ['testResult', 'status', 'userSig', 'verdict'].includes(name);
  if (invalid) return { part: name, why: 'invalid' };
  const part: Record<string, string> = {
    userIdInput: tool === 'troubleshooting-log' ? 'filters.userId' : 'userId',
    userSigInput: 'userSig',
    deviceTable: 'devices',
    resultTable: 'rows',
    eventSelect: 'filters.event',
    peerIdInput: 'filters.peerId',
    errorCodeInput: 'filters.errorCode',
    timeRange: 'filters.timeRange',
    reader: 'tool',
  };
  return { part: part[name] ?? name, why: 'not-found' };
}

function describe(problem: Problem, lang: Lang) {
  const d = describeProblem(problem, lang);
  return { code: problem.code, ...(problem.serverCode !== undefined ? { serverCode: problem.serverCode } : {}), title: d.title, cause: d.cause, fix: d.fix };
}

/** Our own decode of a UserSig, judged by `assess` without a key: times, validity, and the problems that need no key. */
export async function decodeForReport(userSig: string, expected: { sdkAppId?: number; userId?: string }, nowSeconds: number, lang: Lang): Promise<UserSigDecode> {
  const decoded = await decodeUserSig(userSig, { now: nowSeconds });
  const judged = await assess(decoded, { sdkAppId: expected.sdkAppId, userId: expected.userId, now: nowSeconds });
  const warnings = judged.warnings.map((w) => describeWarning(w, lang));
  const problems = judged.problems.map((p) => describe(p, lang));
  const t = judged.token;
  if (!t) return { ok: false, problems, warnings };
  const result: UserSigDecode = {
    ok: true,
    format: t.version,
    sdkAppId: t.sdkAppId,
    userId: t.identifier,
    issuedAt: t.time,
    validitySeconds: t.expire,
    expiresAt: t.expiresAt,
    valid: judged.problems.length === 0,
    checks: [{ check: 'signature', status: 'skipped' }, ...judged.checks],
    problems,
    warnings,
  };
  if (t.userbuf) {
    result.privateMapKey = {
      roomId: t.userbuf.roomId,
      ...(t.userbuf.version === 1 && t.userbuf.roomStr !== undefined ? { roomStr: t.userbuf.roomStr } : {}),
      privileges: t.userbuf.privileges,
      expiresAt: t.userbuf.expiresAt,
    };
  }
  return result;
}

/** A code's entry in the report, with its explanation from the dictionary (or said to be unknown). */
function explained(info: ErrorCodeInfo, e: CodeExplanation | UnknownCode): ErrorCodeInfo {
  const seen = { ...(info.consoleText !== undefined ? { consoleText: info.consoleText } : {}), ...(info.rows !== undefined ? { rows: info.rows } : {}) };
  if ('unknown' in e) return { code: info.code, known: false, pages: e.pages, ...seen };
  return { code: info.code, ...(e.constant ? { constant: e.constant } : {}), known: true, meaning: e.meaning, cause: e.cause, fix: e.fix, source: e.source, ...seen };
}

class Codes {
  private map = new Map<number, ErrorCodeInfo>();
  constructor(private lang: Lang) {}
  add(code: number | undefined, consoleText?: string, countRow = false) {
    if (code === undefined || code === 0) return;
    let info = this.map.get(code);
    if (!info) this.map.set(code, (info = { code }));
    if (consoleText && info.consoleText === undefined) info.consoleText = consoleText;
    if (countRow) info.rows = (info.rows ?? 0) + 1;
  }
  /** Every code seen, explained in the report's language (one load of the dictionary's texts). */
  async list(): Promise<ErrorCodeInfo[]> {
    const infos = [...this.map.values()];
    if (infos.length === 0) return [];
    const explanations = await explainCodes(infos.map((i) => i.code), this.lang);
    return infos.map((info, i) => explained(info, explanations[i]!));
  }
}

/**
 * The diagnostics record of one tool, with tokens in full (`tokens: 'full'`): mask it with
 * `maskRecord` (or render it with `renderReport`, which masks unless asked not to). Never throws
 * on a partial reading: what is not there is listed in `missing`.
 */
export async function buildDiagnostics(input: CaptureInput): Promise<Diagnostics> {
  const { reading, lang } = input;
  const now = input.now ?? Date.now();
  const offset = input.tzOffsetMinutes ?? localOffsetMinutes(now);
  let host = '';
  let path = '';
  try {
    const u = new URL(input.url);
    host = u.host;
    path = u.pathname;
  } catch {
    host = '';
  }
  const missing: Missing[] = reading.missing.map((name) => readerMissing(name, reading.tool));
  const has = (part: string) => missing.some((m) => m.part === part);
  const notShown = (part: string) => {
    if (!has(part)) missing.push({ part, why: 'not-shown' });
  };
  if (input.sdkAppId === undefined) missing.unshift({ part: 'sdkAppId', why: 'not-found' });
  const codes = new Codes(lang);
  const nowSeconds = Math.floor(now / 1000);

  const common = {
    format: DIAGNOSTICS_FORMAT,
    version: DIAGNOSTICS_VERSION,
    toolName: TOOLS[reading.tool as ToolId].headings[lang][0] ?? reading.tool,
    console: { host, path, lang },
    ...(input.sdkAppId !== undefined ? { sdkAppId: input.sdkAppId } : {}),
    ...(input.sdkAppId !== undefined && input.sdkAppIdSource !== undefined ? { sdkAppIdSource: input.sdkAppIdSource } : {}),
    capturedAt: { utc: new Date(now).toISOString(), local: localText(now, offset), tzOffsetMinutes: offset },
    extension: input.extension,
    tokens: 'full',
    missing,
  } as const;

  switch (reading.tool) {
    case 'offline-push': {
      const d = reading.data;
      if (d.userId === undefined) notShown('userId');
      if (d.devices === undefined) notShown('devices');
      else if (d.devices.length > 0 && d.testResult === undefined) notShown('testResult');
      const data = {
        ...(d.userId !== undefined ? { userId: d.userId } : {}),
        ...(d.devices ? { devices: d.devices.map((dev) => ({ certificateId: dev.certificateId, vendor: dev.vendor, vendorLabel: dev.vendorLabel, platform: platformOf(dev.vendor), token: dev.token, ...(dev.reportedAt ? { reportedAt: dev.reportedAt } : {}) })) } : {}),
        ...(d.noDevicesMessage !== undefined && d.devices?.length === 0 ? { noDevicesMessage: d.noDevicesMessage } : {}),
        ...(d.selectedCertificate !== undefined && (d.devices?.length ?? 0) > 0 ? { selectedCertificate: d.selectedCertificate } : {}),
        ...(d.testResult ? { testResult: { ...d.testResult } } : {}),
      };
      return { ...common, tool: 'offline-push', data, errorCodes: await codes.list() };
    }
    case 'user-status': {
      const d = reading.data;
      if (d.userId === undefined) notShown('userId');
      if (d.statusLabel === undefined && d.conclusion === undefined) notShown('status');
      return { ...common, tool: 'user-status', data: { ...d }, errorCodes: await codes.list() };
    }
    case 'usersig-generator': {
      const d = reading.data;
      if (d.userId === undefined) notShown('userId');
      if (d.userSig === undefined) notShown('userSig');
      const data: Extract<Diagnostics, { tool: 'usersig-generator' }>['data'] = { ...d };
      if (d.userSig !== undefined) {
        data.decoded = await decodeForReport(d.userSig, { sdkAppId: input.sdkAppId, userId: d.userId }, nowSeconds, lang);
        for (const p of data.decoded.problems) codes.add(p.serverCode);
      }
      return { ...common, tool: 'usersig-generator', data, errorCodes: await codes.list() };
    }
    case 'usersig-verifier': {
      const d = reading.data;
      if (d.userId === undefined) notShown('userId');
      if (d.userSig === undefined) notShown('userSig');
      if (d.verdict === undefined) notShown('verdict');
      const data: Extract<Diagnostics, { tool: 'usersig-verifier' }>['data'] = {
        ...(d.userId !== undefined ? { userId: d.userId } : {}),
        ...(d.userSig !== undefined ? { userSig: d.userSig } : {}),
        ...(d.verdict ? { verdict: { ...d.verdict } } : {}),
      };
      if (d.verdict && !d.verdict.ok) codes.add(d.verdict.errorCode, d.verdict.reason);
      if (d.userSig !== undefined) {
        data.decoded = await decodeForReport(d.userSig, { sdkAppId: input.sdkAppId, userId: d.userId }, nowSeconds, lang);
        for (const p of data.decoded.problems) codes.add(p.serverCode);
      }
      return { ...common, tool: 'usersig-verifier', data, errorCodes: await codes.list() };
    }
    case 'troubleshooting-log': {
      const d = reading.data;
      if (d.rows === undefined) notShown('rows');
      codes.add(d.filters.errorCode);
      if (d.rows) for (const row of d.rows) codes.add(row.errorCode, row.errorInfo, true);
      const data = { filters: { ...d.filters }, ...(d.rows ? { rows: d.rows } : {}), skippedRows: d.skippedRows };
      const list = (await codes.list()).sort((a, b) => a.code - b.code);
      return { ...common, tool: 'troubleshooting-log', data, errorCodes: list };
    }
  }
}

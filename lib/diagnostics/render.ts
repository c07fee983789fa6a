// Formatters: Markdown (default), plain text and JSON for every tool; CSV for log rows. Every
// formatter masks tokens unless `includeTokens` is set.
import type { Lang } from '../i18n.ts';
import { REPORT_LABELS, partLabel, type ReportLabels } from './labels.ts';
import { maskRecord } from './mask.ts';
import { escapeCsvFormula } from '../storage/csv-formula.ts';
import { DiagnosticsSchema, type Diagnostics, type DiagnosticsOf, type ErrorCodeInfo, type UserSigDecode } from './schema.ts';
import { localText, spanText, utcText } from '../time.ts';

export const REPORT_FORMATS = ['markdown', 'text', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** Include device tokens and UserSigs in full (default: masked). */
  includeTokens?: boolean;
}

/** Which formats a record can be rendered in (CSV only for log rows). */
export function formatsFor(record: Diagnostics): ReportFormat[] {
  return record.tool === 'troubleshooting-log' ? ['markdown', 'text', 'json', 'csv'] : ['markdown', 'text', 'json'];
}

// ------------------------------------------------------------------ a small document model

/** A value: `code` ones are identifiers (UserIDs, tokens, codes) shown verbatim. */
interface Value {
  text: string;
  code?: boolean;
  /** Plain words after the value, e.g. where the SDKAppID was read. */
  note?: string;
}
type Cell = Value | string;
type Block =
  | { kind: 'fields'; rows: Array<[string, Cell]> }
  | { kind: 'table'; columns: string[]; rows: Cell[][] }
  | { kind: 'list'; items: Cell[][] }
  | { kind: 'paragraph'; text: string };
interface Section {
  title: string;
  blocks: Block[];
}
interface Doc {
  title: string;
  sections: Section[];
}

const code = (text: string | number): Value => ({ text: String(text), code: true });
const textOf = (cell: Cell) => (typeof cell === 'string' ? cell : `${cell.text}${cell.note ?? ''}`);

function codeRef(c: number, l: ReportLabels, glossary: ErrorCodeInfo[]): string {
  const info = glossary.find((e) => e.code === c);
  return info?.constant ? `${c} (${info.constant})` : String(c);
}

/** The SDKAppID, and where the page showed it when known: "1400000001 (from the app selector)". */
function sdkAppIdCell(r: Diagnostics, l: ReportLabels): Cell {
  if (r.sdkAppId === undefined) return l.notShown;
  return r.sdkAppIdSource ? { ...code(r.sdkAppId), note: l.sourceNote(l.sdkAppIdFrom[r.sdkAppIdSource]) } : code(r.sdkAppId);
}

function overview(r: Diagnostics, l: ReportLabels): Section {
  const rows: Array<[string, Cell]> = [
    [l.tool, r.toolName],
    [l.console, `${r.console.host || '?'} (${l.langName[r.console.lang]})`],
    [l.page, code(r.console.path || '/')],
    [l.sdkAppId, sdkAppIdCell(r, l)],
    [l.capturedUtc, utcText(Date.parse(r.capturedAt.utc))],
    [l.capturedLocal, r.capturedAt.local],
    [l.extension, `${r.extension.name} ${r.extension.version}`],
    [l.tokens, r.tokens === 'masked' ? l.tokensMasked : l.tokensFull],
  ];
  return { title: l.overview, blocks: [{ kind: 'fields', rows }] };
}

function optional(rows: Array<[string, Cell]>, label: string, value: Cell | undefined) {
  if (value !== undefined && textOf(value) !== '') rows.push([label, value]);
}

function offlinePush(r: DiagnosticsOf<'offline-push'>, l: ReportLabels): Section[] {
  const d = r.data;
  const sections: Section[] = [];
  const query: Array<[string, Cell]> = [[l.userId, d.userId === undefined ? l.notShown : code(d.userId)]];
  optional(query, l.chosenCertificate, d.selectedCertificate === undefined ? undefined : code(d.selectedCertificate));
  sections.push({ title: l.query, blocks: [{ kind: 'fields', rows: query }] });
  if (d.devices) {
    const blocks: Block[] = [];
    if (d.devices.length === 0) blocks.push({ kind: 'paragraph', text: d.noDevicesMessage ?? l.noDevices });
    else {
      blocks.push({
        kind: 'table',
        columns: [l.certificateId, l.vendor, l.platform, l.deviceToken, l.reportedAt],
        rows: d.devices.map((dev) => [code(dev.certificateId), dev.vendorLabel || dev.vendor, l.platforms[dev.platform], code(dev.token), dev.reportedAt ?? '']),
      });
    }
    sections.push({ title: `${l.devices} (${d.devices.length})`, blocks });
  }
  if (d.testResult) {
    const t = d.testResult;
    const rows: Array<[string, Cell]> = [];
    rows.push([l.result, t.ok ? l.succeeded : l.failed]);
    optional(rows, l.reason, t.reason);
    optional(rows, l.fix, t.fix);
    // The whole result text repeats reason and fix; it is the only text of a success, or of a
    // failure whose reason and fix could not be told apart.
    if (t.ok || (t.reason === undefined && t.fix === undefined)) rows.push([l.message, t.message]);
    sections.push({ title: l.testPush, blocks: [{ kind: 'fields', rows }] });
  }
  return sections;
}

function userStatus(r: DiagnosticsOf<'user-status'>, l: ReportLabels): Section[] {
  const d = r.data;
  const rows: Array<[string, Cell]> = [[l.userId, d.userId === undefined ? l.notShown : code(d.userId)]];
  optional(rows, l.status, d.statusLabel === undefined ? undefined : d.status ? `${d.statusLabel} (${d.status})` : d.statusLabel);
  optional(rows, l.clientType, d.clientType);
  optional(rows, l.sdkVersion, d.sdkVersion === undefined ? undefined : code(d.sdkVersion));
  optional(rows, l.lastLogin, d.lastLoginTime);
  optional(rows, l.conclusion, d.conclusion);
  if (d.conclusion !== undefined) rows.push([l.canReceivePush, d.canReceivePush === undefined ? l.unknown : d.canReceivePush ? l.yes : l.no]);
  return [{ title: l.statusSection, blocks: [{ kind: 'fields', rows }] }];
}

function decodeSection(decoded: UserSigDecode, r: Diagnostics, l: ReportLabels, lang: Lang): Section {
  const blocks: Block[] = [];
  const offset = r.capturedAt.tzOffsetMinutes;
  const nowSeconds = Math.floor(Date.parse(r.capturedAt.utc) / 1000);
  if (decoded.ok) {
    const left = decoded.expiresAt - nowSeconds;
    const rows: Array<[string, Cell]> = [
      [l.format, l.formats[decoded.format]],
      [l.sdkAppId, code(decoded.sdkAppId)],
      [l.userId, code(decoded.userId)],
      [l.issued, `${utcText(decoded.issuedAt * 1000)} · ${localText(decoded.issuedAt * 1000, offset)}`],
      [l.validity, `${spanText(decoded.validitySeconds, lang)} (${decoded.validitySeconds} s)`],
      [l.expires, `${utcText(decoded.expiresAt * 1000)} · ${localText(decoded.expiresAt * 1000, offset)} · ${left >= 0 ? l.expiresIn(spanText(left, lang)) : l.expiredAgo(spanText(left, lang))}`],
      [l.verdict, decoded.valid ? l.validNoProblem : l.problemsFound(decoded.problems.length)],
      [l.checks, decoded.checks.map((c) => `${l.checkNames[c.check]}: ${l.checkStatus[c.status]}`).join(', ')],
    ];
    if (decoded.privateMapKey) {
      const p = decoded.privateMapKey;
      rows.push([l.room, p.roomStr !== undefined ? p.roomStr : String(p.roomId)], [l.privileges, code(p.privileges)]);
    }
    blocks.push({ kind: 'fields', rows });
  } else {
    blocks.push({ kind: 'paragraph', text: l.decodeFailed });
  }
  if (decoded.problems.length > 0) {
    blocks.push({
      kind: 'list',
      items: decoded.problems.map((p) => [...(p.serverCode !== undefined ? [code(codeRef(p.serverCode, l, r.errorCodes)), ' '] : []), `${p.title}${l.stop} ${l.cause}: ${p.cause} ${l.fix}: ${p.fix}`]),
    });
  }
  if (decoded.warnings.length > 0) blocks.push({ kind: 'list', items: decoded.warnings.map((w) => [`${l.warnings}: ${w}`]) });
  return { title: l.ourDecode, blocks };
}

function generator(r: DiagnosticsOf<'usersig-generator'>, l: ReportLabels, lang: Lang): Section[] {
  const d = r.data;
  const rows: Array<[string, Cell]> = [
    [l.userId, d.userId === undefined ? l.notShown : code(d.userId)],
    [l.userSig, d.userSig === undefined ? l.notShown : code(d.userSig)],
  ];
  const sections: Section[] = [{ title: l.input, blocks: [{ kind: 'fields', rows }] }];
  if (d.decoded) sections.push(decodeSection(d.decoded, r, l, lang));
  return sections;
}

function verifier(r: DiagnosticsOf<'usersig-verifier'>, l: ReportLabels, lang: Lang): Section[] {
  const d = r.data;
  const sections: Section[] = [
    {
      title: l.input,
      blocks: [
        {
          kind: 'fields',
          rows: [
            [l.userId, d.userId === undefined ? l.notShown : code(d.userId)],
            [l.userSig, d.userSig === undefined ? l.notShown : code(d.userSig)],
          ],
        },
      ],
    },
  ];
  if (d.verdict) {
    const v = d.verdict;
    const rows: Array<[string, Cell]> = [[l.result, v.ok ? l.verdictOk : l.verdictFailed]];
    if (v.ok) {
      optional(rows, l.sdkAppId, v.sdkAppId === undefined ? undefined : code(v.sdkAppId));
      optional(rows, l.userId, v.userId === undefined ? undefined : code(v.userId));
      optional(rows, l.generatedAt, v.generatedAt);
      optional(rows, l.validity, v.validity);
      optional(rows, l.expiresAt, v.expiresAt);
    } else {
      optional(rows, l.errorCode, v.errorCode === undefined ? undefined : code(codeRef(v.errorCode, l, r.errorCodes)));
      optional(rows, l.reason, v.reason);
      optional(rows, l.fix, v.fix);
    }
    sections.push({ title: l.consoleVerdict, blocks: [{ kind: 'fields', rows }] });
  }
  if (d.decoded) sections.push(decodeSection(d.decoded, r, l, lang));
  return sections;
}

function logColumns(l: ReportLabels): string[] {
  return [l.time, l.event, l.userId, l.receiver, l.errorCode, l.errorInfo, l.detail];
}

function logs(r: DiagnosticsOf<'troubleshooting-log'>, l: ReportLabels): Section[] {
  const d = r.data;
  const f = d.filters;
  const filters: Array<[string, Cell]> = [
    [l.event, f.eventLabel ?? l.any],
    [l.userId, f.userId === undefined ? l.any : code(f.userId)],
    [l.receiver, f.peerId === undefined ? l.any : code(f.peerId)],
    [l.errorCode, f.errorCode === undefined ? l.any : code(f.errorCode)],
    [l.timeRange, f.timeRange === undefined ? l.notShown : code(f.timeRange)],
  ];
  const sections: Section[] = [{ title: l.filters, blocks: [{ kind: 'fields', rows: filters }] }];
  if (d.rows) {
    const blocks: Block[] = [];
    if (d.rows.length === 0) blocks.push({ kind: 'paragraph', text: l.noRows });
    else {
      const rows: Cell[][] = new Array(d.rows.length);
      for (let i = 0; i < d.rows.length; i++) {
        const row = d.rows[i]!;
        rows[i] = [
          row.time,
          row.eventLabel,
          row.userId === undefined ? '' : code(row.userId),
          row.peerId === undefined ? '' : code(row.peerId),
          row.errorCode === undefined ? '' : code(row.errorCode),
          row.errorInfo ?? '',
          row.detail === undefined ? '' : code(row.detail),
        ];
      }
      blocks.push({ kind: 'table', columns: logColumns(l), rows });
    }
    if (d.skippedRows > 0) blocks.push({ kind: 'paragraph', text: l.skippedRows(d.skippedRows) });
    sections.push({ title: l.rowsSection(d.rows.length), blocks });
  }
  return sections;
}

function glossary(r: Diagnostics, l: ReportLabels): Section | undefined {
  if (r.errorCodes.length === 0) return undefined;
  const items = r.errorCodes.map((e): Cell[] => [code(e.code), ...(e.constant ? [' ', code(e.constant)] : []), `: ${explanationText(e, l).join(' · ')}`]);
  return { title: l.errorCodes, blocks: [{ kind: 'list', items }] };
}

/** What the report says of a code: the dictionary's meaning, cause, fix and page (or that it has none), then what the console said. */
function explanationText(e: ErrorCodeInfo, l: ReportLabels): string[] {
  const parts: string[] = [];
  if (e.meaning === undefined) {
    if (e.known === false || e.consoleText === undefined) parts.push(l.notInDictionary((e.pages ?? []).join(' ')).trim());
  } else {
    parts.push(e.meaning);
    if (e.cause) parts.push(`${l.cause}: ${e.cause}`);
    if (e.fix) parts.push(`${l.fix}: ${e.fix}`);
  }
  if (e.consoleText !== undefined && e.consoleText !== e.meaning) parts.push(`${l.consoleSays}: ${e.consoleText}`);
  if (e.rows !== undefined) parts.push(l.errorCodeRows(e.rows));
  if (e.source) parts.push(`${l.officialPage}: ${e.source}`);
  return parts;
}

function missingSection(r: Diagnostics, l: ReportLabels, lang: Lang): Section | undefined {
  if (r.missing.length === 0) return undefined;
  return { title: l.partial, blocks: [{ kind: 'list', items: r.missing.map((m) => [`${partLabel(m.part, lang)}: ${l.why[m.why]}`]) }] };
}

function documentOf(r: Diagnostics): Doc {
  const lang = r.console.lang;
  const l = REPORT_LABELS[lang];
  const sections: Section[] = [overview(r, l)];
  const missing = missingSection(r, l, lang);
  if (missing) sections.push(missing);
  switch (r.tool) {
    case 'offline-push':
      sections.push(...offlinePush(r, l));
      break;
    case 'user-status':
      sections.push(...userStatus(r, l));
      break;
    case 'usersig-generator':
      sections.push(...generator(r, l, lang));
      break;
    case 'usersig-verifier':
      sections.push(...verifier(r, l, lang));
      break;
    case 'troubleshooting-log':
      sections.push(...logs(r, l));
      break;
  }
  const codes = glossary(r, l);
  if (codes) sections.push(codes);
  return { title: l.title(r.toolName), sections };
}

// ------------------------------------------------------------------ Markdown

const MD_SPECIAL = /[\\`*_[\]<>|#~]/g;
/** Page text in Markdown: characters that would start markup are escaped, lines joined. */
function mdText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(MD_SPECIAL, (c) => `\\${c}`);
}
/** Verbatim text as an inline code span (longer fences when it contains backticks). */
function mdCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function mdCell(cell: Cell, inTable: boolean): string {
  if (typeof cell === 'string') return mdText(cell);
  const value = cell.code ? mdCode(cell.text) : mdText(cell.text);
  // GFM splits table rows on every unescaped pipe, code spans included.
  const out = inTable && cell.code ? value.replace(/\|/g, '\\|') : value;
  return cell.note ? `${out}${mdText(cell.note)}` : out;
}

function markdown(doc: Doc): string {
  const out: string[] = [`## ${mdText(doc.title)}`];
  for (const s of doc.sections) {
    out.push('', `### ${mdText(s.title)}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'fields') {
        for (const [label, value] of b.rows) out.push(`- **${mdText(label)}**: ${mdCell(value, false)}`);
      } else if (b.kind === 'list') {
        for (const item of b.items) out.push(`- ${item.map((c) => mdCell(c, false)).join('')}`);
      } else if (b.kind === 'paragraph') {
        out.push(mdText(b.text));
      } else {
        out.push(`| ${b.columns.map(mdText).join(' | ')} |`, `|${b.columns.map(() => ' --- ').join('|')}|`);
        for (const row of b.rows) {
          let line = '|';
          for (const cell of row) line += ` ${mdCell(cell, true)} |`;
          out.push(line);
        }
      }
      out.push('');
    }
    if (out[out.length - 1] === '') out.pop();
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------ plain text

const flat = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

function plain(doc: Doc): string {
  const out: string[] = [doc.title, '='.repeat(Math.min(72, doc.title.length + 8))];
  for (const s of doc.sections) {
    out.push('', s.title, '-'.repeat(Math.min(72, s.title.length + 4)));
    for (const b of s.blocks) {
      if (b.kind === 'fields') for (const [label, value] of b.rows) out.push(`${label}: ${flat(textOf(value))}`);
      else if (b.kind === 'list') for (const item of b.items) out.push(`- ${flat(item.map(textOf).join(''))}`);
      else if (b.kind === 'paragraph') out.push(flat(b.text));
      else {
        out.push(b.columns.join(' | '));
        for (const row of b.rows) out.push(row.map((c) => flat(textOf(c)) || '-').join(' | '));
      }
    }
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------ CSV

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas escaped as in every CSV we write. */
export function csvField(value: string): string {
  const v = escapeCsvFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Log rows as CSV (header + one line per row, CRLF). Other tools have no rows: header only. */
export function toCsv(record: Diagnostics, options: RenderOptions = {}): string {
  const r = options.includeTokens ? record : maskRecord(record);
  const header = ['time', 'event', 'eventLabel', 'userId', 'peerId', 'errorCode', 'errorMeaning', 'errorInfo', 'detail'];
  const lines = [header.join(',')];
  if (r.tool === 'troubleshooting-log') {
    const l = REPORT_LABELS[r.console.lang];
    // The code's constant, meaning and fix (or that the dictionary lacks it), in one column.
    const meaning = new Map(
      r.errorCodes.map((e) => {
        const words = e.meaning === undefined ? (e.known === false ? l.notInDictionary((e.pages ?? []).join(' ')) : '') : `${e.meaning}${e.fix ? ` ${l.fix}: ${e.fix}` : ''}`;
        return [e.code, [e.constant, words].filter(Boolean).join(': ')];
      }),
    );
    for (const row of r.data.rows ?? []) {
      lines.push(
        [
          row.time,
          row.event ?? '',
          row.eventLabel,
          row.userId ?? '',
          row.peerId ?? '',
          row.errorCode === undefined ? '' : String(row.errorCode),
          row.errorCode === undefined ? '' : (meaning.get(row.errorCode) ?? ''),
          row.errorInfo ?? '',
          row.detail ?? '',
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ entry points

export function toMarkdown(record: Diagnostics, options: RenderOptions = {}): string {
  return markdown(documentOf(options.includeTokens ? record : maskRecord(record)));
}

export function toText(record: Diagnostics, options: RenderOptions = {}): string {
  return plain(documentOf(options.includeTokens ? record : maskRecord(record)));
}

/** The zod-validated record as JSON (masked unless asked otherwise). */
export function toJson(record: Diagnostics, options: RenderOptions = {}): string {
  const r = options.includeTokens ? record : maskRecord(record);
  const checked = DiagnosticsSchema.safeParse(r);
  // Built from validated readings, the record always fits; if it ever did not, the report still
  // goes out (never an error in the user's face), and the test suite catches it.
  return `${JSON.stringify(checked.success ? checked.data : r, null, 2)}\n`;
}

export function renderReport(record: Diagnostics, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(record, options);
    case 'text':
      return toText(record, options);
    case 'json':
      return toJson(record, options);
    case 'csv':
      return toCsv(record, options);
  }
}

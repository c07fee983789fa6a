// Masking: device tokens and UserSigs are shortened to their first and last characters (as
// components/report.ts's maskToken does), enough to tell them apart, useless to log in with.
import { findUserSigs } from '../usersig/find.ts';
import type { Diagnostics } from './schema.ts';

/** `0866471036…000CN01 (32 chars)`: first and last characters, never the whole of a short one. */
export function maskSecret(value: string, keep = 6): string {
  const n = value.length;
  if (n === 0) return value;
  if (n <= 4) return `… (${n} chars)`;
  const k = n >= keep * 4 ? keep : Math.max(1, Math.floor(n / 4));
  return `${value.slice(0, k)}…${value.slice(-k)} (${n} chars)`;
}

/** 64 hex characters: the shape of a console SecretKey (also of an APNs device token). */
const KEY_LIKE = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g;

/** Free text with every UserSig-shaped and key-shaped substring masked. */
export function maskText(text: string): string {
  let out = text;
  if (out.length >= 40) {
    const found = findUserSigs(out);
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i]!;
      out = out.slice(0, f.index) + maskSecret(f.text) + out.slice(f.end);
    }
  }
  if (out.length >= 64) out = out.replace(KEY_LIKE, (m) => maskSecret(m));
  return out;
}

const maybe = (text: string | undefined) => (text === undefined ? undefined : maskText(text));

function assign<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

/**
 * The record as it may be shared: tokens and UserSigs shortened, and any UserSig- or key-shaped
 * text the page showed (a log's request details, a reason) masked too. Returns a new record.
 */
export function maskRecord(record: Diagnostics): Diagnostics {
  if (record.tokens === 'masked') return record;
  const base = { ...record, tokens: 'masked' as const, errorCodes: record.errorCodes.map((e) => assign({ ...e }, { consoleText: maybe(e.consoleText) })) };
  switch (record.tool) {
    case 'offline-push': {
      const d = record.data;
      const data = { ...d };
      if (d.devices) data.devices = d.devices.map((dev) => ({ ...dev, token: maskSecret(dev.token) }));
      if (d.noDevicesMessage) data.noDevicesMessage = maskText(d.noDevicesMessage);
      if (d.testResult) data.testResult = assign({ ...d.testResult, message: maskText(d.testResult.message) }, { reason: maybe(d.testResult.reason), fix: maybe(d.testResult.fix) });
      return { ...base, tool: record.tool, data };
    }
    case 'user-status': {
      const d = record.data;
      return { ...base, tool: record.tool, data: assign({ ...d }, { conclusion: maybe(d.conclusion) }) };
    }
    case 'usersig-generator': {
      const d = record.data;
      return { ...base, tool: record.tool, data: assign({ ...d }, { userSig: d.userSig === undefined ? undefined : maskSecret(d.userSig) }) };
    }
    case 'usersig-verifier': {
      const d = record.data;
      const data = assign({ ...d }, { userSig: d.userSig === undefined ? undefined : maskSecret(d.userSig) });
      if (d.verdict && !d.verdict.ok) data.verdict = assign({ ...d.verdict }, { reason: maybe(d.verdict.reason), fix: maybe(d.verdict.fix) });
      return { ...base, tool: record.tool, data };
    }
    case 'troubleshooting-log': {
      const d = record.data;
      const data = { ...d };
      if (d.rows) {
        const rows = new Array(d.rows.length);
        for (let i = 0; i < d.rows.length; i++) {
          const row = d.rows[i]!;
          rows[i] = row.detail === undefined && row.errorInfo === undefined ? row : assign({ ...row }, { detail: maybe(row.detail), errorInfo: maybe(row.errorInfo) });
        }
        data.rows = rows;
      }
      return { ...base, tool: record.tool, data };
    }
  }
}

import type { Lang } from '../lib/i18n.ts';
import { describeProblem, describeWarning } from '../lib/usersig/problem-texts.ts';
import type { Assessment } from '../lib/usersig/assess.ts';
import type { DecodeResult } from '../lib/usersig/types.ts';
import { formatExpiry, formatLocal, formatSpan, formatUtc } from './format.ts';
import { MESSAGES } from './messages.ts';
import { assessmentFor } from './DecodedView.tsx';
import { maskSecret } from '../lib/diagnostics/mask.ts';

/** A plain-text verdict to paste into a ticket or chat. Never contains a key; the token is masked. */
export function buildReport(text: string, decoded: DecodeResult, lang: Lang, now: number, assessment?: Assessment): string {
  const m = MESSAGES[lang];
  const { problems, verdict, warnings, checks, keyed } = assessmentFor(decoded, now, assessment);
  const lines = [m.reportTitle, `UserSig: ${maskSecret(text.trim())}`];
  lines.push(`${m.verdictLabel}: ${{ verified: m.statusVerified, decoded: m.statusValid, expired: m.statusExpired, problem: m.statusProblem }[verdict]}`);
  if (decoded.ok) {
    const t = decoded.token;
    lines.push(
      `${m.fieldSdkAppId}: ${t.sdkAppId}`,
      `${m.fieldUserId}: ${t.identifier}`,
      `${m.fieldIssued}: ${formatLocal(t.time)} / ${formatUtc(t.time)}`,
      `${m.fieldValidity}: ${formatSpan(t.expire, lang)} (${t.expire} s)`,
      `${m.fieldExpires}: ${formatLocal(t.expiresAt)} / ${formatUtc(t.expiresAt)} (${formatExpiry(t.expiresAt, now, lang)})`,
      `${m.fieldVersion}: ${t.version === 'v1' ? m.versionV1 : m.versionV2}`,
    );
    if (t.userbuf) {
      const room = t.userbuf.version === 1 ? `${m.pmkRoomStr}: ${t.userbuf.roomStr}` : `${m.pmkRoom}: ${t.userbuf.roomId}`;
      const granted = t.userbuf.privilegeNames.map((n) => m.privilege[n]).join(', ');
      lines.push(room, `${m.pmkPrivileges}: ${t.userbuf.privileges} (${granted})`);
    }
  }
  if (keyed) {
    for (const c of checks) {
      const word = { passed: m.checkPassed, failed: m.checkFailed, skipped: m.checkSkipped }[c.status];
      lines.push(`${m.checkNames[c.check]}: ${word}`);
    }
  }
  for (const p of problems) {
    const d = describeProblem(p, lang);
    lines.push('', `[${p.serverCode ?? '-'}] ${d.title}`, `${m.cause}: ${d.cause}`, `${m.fix}: ${d.fix}`);
  }
  if (warnings.length > 0) lines.push('', `${m.warnings}:`, ...warnings.map((w) => `- ${describeWarning(w, lang)}`));
  return lines.join('\n');
}

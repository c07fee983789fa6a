import type { Lang } from '../../lib/i18n.ts';
import type { Assessment } from '../../lib/usersig/assess.ts';
import { compareTokens, type CompareField } from '../../lib/usersig/compare.ts';
import { describeProblem } from '../../lib/usersig/problem-texts.ts';
import { privilegeNames } from '../../lib/usersig/userbuf.ts';
import { formatLocal, formatSpan } from '../../components/format.ts';
import { MESSAGES } from '../../components/messages.ts';

const TEXTS = {
  en: {
    title: 'Side by side',
    field: 'Field',
    differs: 'differs',
    server: 'Server',
    accepts: 'accepts it',
    rejects: 'rejects it',
    unchecked: 'signature not checked',
    otherKey: ' Signed with another key, it is rejected (70009).',
    withoutKey: 'Checked without the key: ',
    fields: {
      sdkAppId: 'SDKAppID',
      identifier: 'UserID',
      time: 'Issued',
      expire: 'Validity',
      expiresAt: 'Expires',
      version: 'Format',
      alphabet: 'Encoding',
      sig: 'Signature',
      room: 'Room',
      privileges: 'Privileges',
    } satisfies Record<CompareField, string>,
    alphabet: { tencent: 'UserSig alphabet (* - _)', standard: 'standard base64 (+ / =)', plaintext: 'plain JSON' } as Record<string, string>,
  },
  zh: {
    title: '并排对比',
    field: '字段',
    differs: '不同',
    server: '服务端',
    accepts: '接受',
    rejects: '拒绝',
    unchecked: '签名未校验',
    otherKey: '若由其他密钥签名，服务端会拒绝（70009）。',
    withoutKey: '无需密钥的检查：',
    fields: {
      sdkAppId: 'SDKAppID',
      identifier: 'UserID',
      time: '签发时间',
      expire: '有效期',
      expiresAt: '过期时间',
      version: '格式',
      alphabet: '编码',
      sig: '签名',
      room: '房间',
      privileges: '权限',
    } satisfies Record<CompareField, string>,
    alphabet: { tencent: 'UserSig 字符集（* - _）', standard: '标准 base64（+ / =）', plaintext: 'JSON 明文' } as Record<string, string>,
  },
};

function shown(field: CompareField, value: string | number | undefined, lang: Lang): string {
  if (value === undefined) return '—';
  switch (field) {
    case 'time':
    case 'expiresAt':
      return formatLocal(Number(value));
    case 'expire':
      return `${formatSpan(Number(value), lang)} (${value} s)`;
    case 'version':
      return value === 'v1' ? MESSAGES[lang].versionV1 : MESSAGES[lang].versionV2;
    case 'alphabet':
      return TEXTS[lang].alphabet[String(value)] ?? String(value);
    case 'sig':
      return String(value).length > 16 ? `${String(value).slice(0, 12)}…` : String(value);
    case 'privileges':
      return `${value} (${privilegeNames(Number(value)).map((name) => MESSAGES[lang].privilege[name]).join(', ')})`;
    default:
      return String(value);
  }
}

const DIFFERS = 'background: var(--warn-bg); color: var(--warn)';

/** Two tokens field by field, the differing fields marked, and what the server says to each. */
export function Compare({ assessments, lang }: { assessments: [Assessment, Assessment]; lang: Lang }) {
  const t = TEXTS[lang];
  const m = MESSAGES[lang];
  const { rows, server } = compareTokens(...assessments);
  return (
    <section data-part="compare" aria-labelledby="compare-title">
      <h2 class="section-title" id="compare-title">{t.title}</h2>
      <table style="width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12px">
        <thead>
          <tr>
            <th scope="col" style="width: 24%; text-align: start">{t.field}</th>
            <th scope="col" style="text-align: start">{m.tokenN(1)}</th>
            <th scope="col" style="text-align: start">{m.tokenN(2)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-compare={row.field} data-differs={String(row.differs)} style={row.differs ? DIFFERS : undefined}>
              <th scope="row" style="text-align: start; font-weight: 600">
                {t.fields[row.field]}
                {row.differs && <span aria-hidden="true"> ≠</span>}
                {row.differs && <span class="sr-only"> ({t.differs})</span>}
              </th>
              {row.values.map((value, i) => (
                <td key={i} class={row.field === 'sig' || row.field === 'identifier' ? 'mono' : undefined} style="overflow-wrap: anywhere; padding: 2px 4px">
                  {shown(row.field, value, lang)}
                </td>
              ))}
            </tr>
          ))}
          <tr data-compare="server" data-differs={String(server[0] !== server[1])}>
            <th scope="row" style="text-align: start">{t.server}</th>
            {server.map((verdict, i) => (
              <td key={i} data-rejected={String(verdict === 'rejects')} data-server={verdict} style="padding: 2px 4px">
                <strong>{t[verdict]}</strong>
                {verdict === 'unchecked' && (
                  <>
                    <div data-part="needs-key">
                      {m.enterKeyToVerify}
                      {t.otherKey}
                    </div>
                    <div data-part="keyless-checks">
                      {t.withoutKey}
                      {assessments[i]!.checks.map((c) => `${m.checkNames[c.check]} ${{ passed: m.checkPassed, failed: m.checkFailed, skipped: m.checkSkipped }[c.status]}`).join(' · ')}
                    </div>
                  </>
                )}
                {assessments[i]!.problems.map((p, j) => (
                  <div key={j} data-problem={p.code}>
                    {p.serverCode === undefined ? '' : `${p.serverCode} · `}
                    {describeProblem(p, lang).title}
                  </div>
                ))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

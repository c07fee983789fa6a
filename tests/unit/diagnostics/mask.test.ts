/** The one masking rule: every run of 40+ token characters, wherever it starts, URL-decoded or not. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MASK_MIN_RUN, maskSecret, maskText } from '../../../lib/diagnostics/mask.ts';
import { toCsv, toMarkdown, toText } from '../../../lib/diagnostics/render.ts';
import { READINGS, build } from './records.ts';
import { buildReport } from '../../../components/report.ts';
import '../../../components/all-languages.ts';
import { decodeUserSig } from '../../../lib/usersig/index.ts';
import { SAMPLE_KEY, WORKED_EXAMPLE as W } from '../../fixtures/usersig/hand-built.ts';

const STD = W.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
const BODY = W.token.replace(/_+$/, '');
const RUN = /[A-Za-z0-9*\-_+/]{40,}/;
/** URL-decoding as a browser would, nested escapes (`%252B`) included. */
const urlDecoded = (text: string) => text.replace(/%(?:25)*([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Neither the text nor its URL-decoded form holds a run of 40+ token characters. */
function expectNoLongRun(masked: string) {
  expect(masked).not.toMatch(RUN);
  expect(urlDecoded(masked)).not.toMatch(RUN);
}

describe('maskText: the attacks of issue #12', () => {
  it('a token right after a letter or digit: URL-encoded JSON (%22eJw…) and sig=ZeJ…', () => {
    const encodedJson = `https://x.test/?q=%7B%22userSig%22%3A%22${W.token}%22%7D`;
    const masked = maskText(encodedJson);
    expect(masked).not.toContain(BODY.slice(0, 40));
    expect(masked).toContain('%7B%22userSig%22%3A%22');
    expectNoLongRun(masked);
    for (const glued of [`sig=Z${W.token}`, `x${W.token}`, `7${STD}`, `userSig${W.token}`]) {
      const out = maskText(glued);
      expectNoLongRun(out);
      expect(out).not.toContain(BODY.slice(10, 30));
    }
  });

  it('URL-encoded standard base64: %2B, %2F and %3D cannot split a token into short pieces', () => {
    const encoded = encodeURIComponent(STD);
    expect(encoded).toContain('%2B');
    const masked = maskText(`userSig=${encoded}&roomId=8888`);
    expectNoLongRun(masked);
    expect(masked).toMatch(/^userSig=eJyrVg…/);
    expect(masked.endsWith('&roomId=8888')).toBe(true);
    // Encoded twice (%252B) too.
    expectNoLongRun(maskText(`userSig=${encodeURIComponent(encoded)}`));
    for (const piece of encoded.split(/%2B|%2F|%3D/)) if (piece.length >= 8) expect(maskText(encoded)).not.toContain(piece);
  });

  it('64-hex keys, Tencent padding, and `+` kept as a token character', () => {
    const masked = maskText(`key=${SAMPLE_KEY}; tok ${W.token}; std ${STD}.`);
    expect(masked).toBe(`key=${maskSecret(SAMPLE_KEY)}; tok ${maskSecret(W.token)}; std ${maskSecret(STD.replace(/=+$/, ''))}.`);
  });

  it('leaves short runs and ordinary text alone', () => {
    const text = 'TIM login failed: 70001 userSig expired, userID=xiaojun, 2026-11-22 08:16:00 %E5%BC%A0';
    expect(maskText(text)).toBe(text);
    expect(maskText('a'.repeat(MASK_MIN_RUN - 1))).toBe('a'.repeat(MASK_MIN_RUN - 1));
    expect(maskText('a'.repeat(MASK_MIN_RUN))).toBe(maskSecret('a'.repeat(MASK_MIN_RUN)));
  });

  // No clock: a quadratic masker would need hours on 3 MB of this, far past the test's timeout.
  it("'_eJ'.repeat(N) + '===' at 3 MB is masked in one pass (a quadratic masker would not finish)", () => {
    const small = '_eJ'.repeat(30_000) + '===';
    expect(maskText(small)).toBe(maskSecret(small.slice(0, -3)));
    const large = '_eJ'.repeat(1_000_000) + '===';
    expect(maskText(large)).toBe(maskSecret(large.slice(0, -3)));
  });
});

describe('maskText properties', () => {
  const piece = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'abcXYZ0189*-_+/e'), minLength: 1, maxLength: 45 }),
    fc.constantFrom('%2B', '%2F', '%3D', '%22', '%25', '%252B', '%41', '%2', '%', '=', '==', '"', ' ', 'sig=', '&', '\n', '张', '…'),
    fc.constantFrom(W.token, STD, encodeURIComponent(STD), SAMPLE_KEY),
  );
  const text = fc.array(piece, { maxLength: 16 }).map((p) => p.join(''));

  it('no run of 40+ token characters survives, as written or URL-decoded (1,000 cases)', () => {
    fc.assert(fc.property(text, (t) => expectNoLongRun(maskText(t))), { numRuns: 1000 });
  });

  it('text without such a run comes back unchanged', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (!RUN.test(t) && !RUN.test(urlDecoded(t))) expect(maskText(t)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the popup report uses the same rule', () => {
  it('never shows a short token in full, masks a long one as diagnostics do', async () => {
    const short = 'eJyrVgrxCdYrSy1';
    const report = buildReport(short, await decodeUserSig(short), 'en', W.time * 1000);
    expect(report).not.toContain(short);
    expect(report).toContain(`UserSig: ${maskSecret(short)}`);
    const full = buildReport(W.token, await decodeUserSig(W.token), 'en', W.time * 1000);
    expect(full).toContain(`UserSig: ${maskSecret(W.token)}`);
    expect(full).not.toMatch(RUN);
  });
});

describe('masked diagnostics (the default) of a log whose rows glue tokens to letters and digits', () => {
  it('Markdown, text and CSV hold no run of 40+ token characters', async () => {
    const base = READINGS.logs;
    const rows = [
      { ...base.data.rows[0]!, detail: `GET /login?q=%7B%22userSig%22%3A%22${W.token}%22%7D` },
      { ...base.data.rows[1]!, detail: `sig=Z${W.token}; std=${encodeURIComponent(STD)}`, errorInfo: `x${STD}` },
    ];
    const record = await build({ ...base, data: { ...base.data, rows } });
    for (const out of [toMarkdown(record), toText(record), toCsv(record)]) {
      expectNoLongRun(out);
      expect(out).not.toContain(BODY.slice(20, 40));
    }
    // Not vacuous: asked to include tokens, the same record holds them.
    expect(toCsv(record, { includeTokens: true })).toContain(W.token);
  });
});

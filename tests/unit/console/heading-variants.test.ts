// @vitest-environment happy-dom
// Property: however the console spaces, cases or widens a documented heading, the tool is found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS, TOOLS, detectTool } from '../../../lib/console/tools.ts';
import { parsePage } from './parse-page.ts';

const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ':': '：', '&': '＆' };
const HALF_WIDTH: Record<string, string> = { '（': '(', '）': ')', '：': ':', '＆': '&' };
const SPACES = [' ', '\u00a0', '\u3000', '\n', '\t'];

const variant = (text: string, seed: number[]) =>
  [...text]
    .map((ch, i) => {
      const r = seed[i % seed.length] ?? 0;
      const swapped = r % 3 === 0 ? (FULL_WIDTH[ch] ?? HALF_WIDTH[ch] ?? ch) : ch;
      const cased = r % 5 === 0 ? swapped.toUpperCase() : r % 7 === 0 ? swapped.toLowerCase() : swapped;
      return r % 4 === 0 ? cased + SPACES[r % SPACES.length] : cased;
    })
    .join('');

describe('heading variants', () => {
  const headings = TOOL_IDS.flatMap((id) => [...TOOLS[id].headings.zh, ...TOOLS[id].headings.en].map((h) => ({ id, h })));

  it('detects every documented heading through spacing, case and width changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...headings), fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), ({ id, h }, seed) => {
        const text = variant(h, seed);
        const doc = parsePage(`<section><h3>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</h3><input></section>`);
        // On an unrelated route, so only the exact (normalized) match can succeed.
        expect(detectTool(id, doc, 'https://console.cloud.tencent.com/im/detail')?.heading.tagName).toBe('H3');
      }),
      { numRuns: 300 },
    );
  });

  it('does not detect a heading that lost a word', () => {
    for (const { id, h } of headings) {
      const words = h.split(/(?<=[\s)）])/);
      if (words.length < 2) continue;
      const doc = parsePage(`<section><h3>${words.slice(1).join('')}</h3><input></section>`);
      expect(detectTool(id, doc, 'https://console.cloud.tencent.com/im/detail'), h).toBeUndefined();
    }
  });
});

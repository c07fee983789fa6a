import { describe, expect, it } from 'vitest';
import { explainCodes, isKnownCode, lookupCode, lookupLoaded, unknownCode } from '../../../lib/codes/index.ts';
import { describeServerCode, SERVER_CODES } from '../../../lib/usersig/index.ts';
import { describeProblemServerCode } from '../../../lib/usersig/problem-texts.ts';

describe('lookupCode', () => {
  it('explains a code in the language asked, with cause, fix, product, constant and page', async () => {
    const en = await lookupCode(70009, 'en');
    expect(en).toMatchObject({ code: 70009, product: 'chat-server', constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY', usersig: true });
    expect(en!.fix).toMatch(/SecretKey/);
    expect(en!.source).toBe('https://trtc.io/document/34348');
    const zh = await lookupCode(70009, 'zh');
    expect(zh!.meaning).toMatch(/SDKAppID/);
    expect(zh!.source).toBe('https://cloud.tencent.com/document/product/269/1671');
  });

  it('falls back to the kind’s cause and fix when a code has none of its own', async () => {
    const e = await lookupCode(9510, 'en');
    expect(e).toMatchObject({ kind: 'network', meaning: 'Connection timed out' });
    expect(e!.fix).toMatch(/connectivity/);
  });

  it('answers synchronously once the language is loaded', async () => {
    await lookupCode(1, 'zh');
    expect(lookupLoaded(-100018, 'zh')?.constant).toBe('ERR_SERVER_INFO_ECDH_GET_TINYID');
  });

  it('says plainly when a code is unknown, with the official pages to check', async () => {
    expect(isKnownCode(70777)).toBe(false);
    expect(await lookupCode(70777, 'en')).toBeUndefined();
    expect(unknownCode(70777, 'en')).toEqual({ code: 70777, unknown: true, pages: ['https://trtc.io/document/34348'] });
    expect(unknownCode(-123456, 'zh').pages).toEqual(['https://cloud.tencent.com/document/product/647/38308']);
    expect(unknownCode(1234, 'en').pages).toHaveLength(3);
  });
});

describe('explainCodes', () => {
  it('explains a report’s codes in order, the unknown ones said to be unknown', async () => {
    const [a, b, c] = await explainCodes([70001, 12345, -100006], 'zh');
    expect(a).toMatchObject({ code: 70001, constant: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED' });
    expect(b).toEqual(unknownCode(12345, 'zh'));
    expect(c).toMatchObject({ code: -100006, product: 'trtc', kind: 'permission' });
  });
});

describe('the codec reads its code meanings from the dictionary', () => {
  it('describeServerCode and the problem cards use the dictionary’s wording', async () => {
    for (const code of [70001, 70003, 70009, 70013, 70014, 70016, 70500]) {
      const zh = await lookupCode(code, 'zh');
      const en = await lookupCode(code, 'en');
      expect(describeServerCode(code)).toEqual({ constant: en!.constant, zh: zh!.meaning, en: en!.meaning });
    }
    for (const code of [70001, 70003, 70009, 70013, 70014]) {
      const en = await lookupCode(code, 'en');
      expect(describeProblemServerCode(code, 'en')).toEqual({ constant: en!.constant, text: en!.meaning });
    }
    expect(Object.keys(SERVER_CODES).length).toBeGreaterThanOrEqual(20);
  });
});

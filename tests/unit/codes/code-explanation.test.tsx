// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import '../../../components/all-languages.ts';
import { CodeExplanation } from '../../../components/CodeExplanation.tsx';
import { lookupCode, unknownCode } from '../../../lib/codes/index.ts';

function rendered(node: Parameters<typeof render>[0]): HTMLElement {
  const host = document.createElement('div');
  render(node, host);
  return host;
}

describe('CodeExplanation', () => {
  it('shows a known code with its constant, product, meaning, cause, fix and official page', async () => {
    const entry = (await lookupCode(-100018, 'en'))!;
    const host = rendered(<CodeExplanation entry={entry} lang="en" />);
    const section = host.querySelector('.code-entry')!;
    expect(section.getAttribute('data-code')).toBe('-100018');
    expect(section.querySelector('h3 .constant')?.textContent).toBe('ERR_SERVER_INFO_ECDH_GET_TINYID');
    expect(section.querySelector('h3 .tag')?.textContent).toBe('TRTC');
    expect(section.querySelector('[data-part=meaning]')?.textContent).toContain('userSig check failed');
    expect(section.querySelector('[data-part=cause]')?.textContent).toContain(entry.cause);
    expect(section.querySelector('[data-part=fix]')?.textContent).toContain(entry.fix);
    expect(section.querySelector('a')?.getAttribute('href')).toBe('https://trtc.io/document/35142');
    expect(section.querySelector('a')?.getAttribute('rel')).toBe('noreferrer');
  });

  it('lists the SDKs’ other names of a code, in Chinese too', async () => {
    const host = rendered(<CodeExplanation entry={(await lookupCode(20002, 'zh'))!} lang="zh" level={4} />);
    expect(host.querySelector('h4 .tag')?.textContent).toBe('Chat 服务端');
    expect(host.textContent).toContain('其他名称: MSG_A2KEY_EXPIRED, MESSAGE_A2KEY_EXPIRED');
  });

  it('says plainly that an unknown code is not in the dictionary, with the pages to check', () => {
    const host = rendered(<CodeExplanation entry={unknownCode(70777, 'en')} lang="en" />);
    expect(host.querySelector('[data-known=false]')?.textContent).toContain('70777: not in the dictionary');
    expect([...host.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://trtc.io/document/34348']);
    expect(host.querySelector('[data-part=meaning]')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../components/all-languages.ts';

vi.mock('../../../lib/codes/lookup.ts', async (original) => ({
  ...(await original<typeof import('../../../lib/codes/lookup.ts')>()),
  explainCodes: vi.fn(),
}));
const { explainCodes } = await import('../../../lib/codes/lookup.ts');
const { ExplanationPanel } = await import('../../../entrypoints/console.content/features/code-explanations/ExplanationPanel.tsx');

/** Polls (no fixed sleep) until the panel reaches `state`, its texts loading as chunks. */
async function until(host: HTMLElement, state: string) {
  for (let i = 0; i < 200 && host.querySelector(`[data-code-panel=${state}]`) === null; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the error-code panel on the log table', () => {
  afterEach(() => vi.mocked(explainCodes).mockReset());

  it.each([
    ['en', 'The explanation could not be loaded. Reload the page to try again.'],
    ['zh', '说明加载失败，请刷新页面后重试。'],
  ] as const)('a dictionary that fails to load is reported once and said plainly, never an unhandled rejection (%s)', async (lang, text) => {
    const error = new Error('chunk failed');
    vi.mocked(explainCodes).mockRejectedValue(error);
    const onError = vi.fn();
    const host = document.createElement('div');
    render(<ExplanationPanel code={70001} lang={lang} onClose={() => {}} onError={onError} />, host);
    await until(host, 'failed');
    expect(host.querySelector('[data-code-panel]')?.getAttribute('data-code-panel')).toBe('failed');
    expect(host.querySelector('[role=alert]')?.textContent).toBe(text);
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    render(null, host);
  });

  it('a dictionary that loads shows the entry', async () => {
    const { explainCodes: real } = await vi.importActual<typeof import('../../../lib/codes/lookup.ts')>('../../../lib/codes/lookup.ts');
    vi.mocked(explainCodes).mockImplementation(real);
    const onError = vi.fn();
    const host = document.createElement('div');
    render(<ExplanationPanel code={70001} lang="en" onClose={() => {}} onError={onError} />, host);
    await until(host, 'ready');
    expect(host.querySelector('[data-code-panel]')?.getAttribute('data-code-panel')).toBe('ready');
    expect(host.querySelector('.code-entry')?.getAttribute('data-code')).toBe('70001');
    expect(onError).not.toHaveBeenCalled();
    render(null, host);
  });
});

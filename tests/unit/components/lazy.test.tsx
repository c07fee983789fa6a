// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { lazy } from '../../../components/lazy.tsx';

describe('lazy', () => {
  it('renders the loaded component with its props', async () => {
    const Panel = lazy(async () => ({ text }: { text: string }) => <p data-part="loaded">{text}</p>);
    const host = document.createElement('div');
    render(<Panel text="hello" />, host);
    expect(host.innerHTML).toBe('');
    // Waits for the render, not a fixed time: 20 ms was not enough for it on a loaded machine.
    await vi.waitFor(() => expect(host.querySelector('[data-part=loaded]')?.textContent).toBe('hello'));
  });

  it('a chunk that fails to load throws nothing and is tried again at the next render', async () => {
    let calls = 0;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const Panel = lazy(async () => {
        calls++;
        if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return () => <p data-part="loaded">ok</p>;
      });
      const first = document.createElement('div');
      render(<Panel />, first);
      // Waits for the failed load itself (its rejection is handled in the same turn), not a fixed
      // time: 20 ms was not always enough on a loaded machine.
      await vi.waitFor(() => expect(calls).toBe(1));
      expect(first.innerHTML).toBe('');
      const second = document.createElement('div');
      render(<Panel />, second);
      await vi.waitFor(() => expect(second.querySelector('[data-part=loaded]')?.textContent).toBe('ok'));
      expect(calls).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

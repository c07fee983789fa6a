/**
 * A big SDK-style log with many UserSigs, for the decoder tab (tests/e2e/big-log.spec.ts, its
 * Firefox mirror and tests/bench/big-log-bench.ts). Tokens rotate through `tokens`; every line
 * carries one, padded to about `lineChars` so the size is predictable.
 */
export function bigLog(count: number, tokens: readonly string[], lineChars = 1_000): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = `[2026-11-21 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}] TIM login #${i} user=u${i} userSig=${tokens[i % tokens.length]} ret=0`;
    lines.push(head.length < lineChars ? `${head} ${'·'.repeat(lineChars - head.length - 1)}` : head);
  }
  return lines.join('\n');
}

/**
 * Runs in the decoder page (passed to evaluate, so self-contained): builds the same log as
 * `bigLog`, opens it as a file through #big-file, and reports when the first result and all of
 * them were on the page, in ms from the file's change event (read from the page's own attributes).
 */
export function openBigLogInPage(args: { count: number; tokens: string[]; lineChars: number }): Promise<{ chars: number; first: number; all: number; count: number }> {
  const lines: string[] = [];
  for (let i = 0; i < args.count; i++) {
    const head = `[2026-11-21 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}] TIM login #${i} user=u${i} userSig=${args.tokens[i % args.tokens.length]} ret=0`;
    lines.push(head.length < args.lineChars ? `${head} ${'·'.repeat(args.lineChars - head.length - 1)}` : head);
  }
  const text = lines.join('\n');
  const input = document.querySelector<HTMLInputElement>('#big-file')!;
  const progress = document.querySelector<HTMLElement>('[data-part=progress]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'sdk.log', { type: 'text/plain' }));
  input.files = transfer.files;
  return new Promise((resolve) => {
    let start = 0;
    let first = NaN;
    // The previous text's results stay until the new search starts: count from there.
    let started = false;
    const observer = new MutationObserver(() => {
      if (progress.dataset.state === 'searching') started = true;
      if (!started) return;
      const count = Number(progress.dataset.count);
      if (Number.isNaN(first) && count > 0 && document.querySelector('[data-part=results] li button[data-ok]')) first = performance.now() - start;
      if (progress.dataset.state === 'done' && count > 0) {
        observer.disconnect();
        resolve({ chars: text.length, first, all: performance.now() - start, count });
      }
    });
    observer.observe(document.querySelector('main')!, { subtree: true, attributes: true, childList: true });
    start = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/**
 * Runs in a page (passed to evaluate): puts `text` into the field as one paste does, in a single
 * input event. Typing a megabyte (Playwright's fill, execCommand insertText) takes the browser's
 * editor 20–30 s and tests nothing a user does with a big log.
 */
export function pasteText(args: { selector: string; text: string }): boolean {
  const field = document.querySelector<HTMLTextAreaElement>(args.selector);
  if (!field || !field.checkVisibility() || field.disabled || field.readOnly) return false;
  field.focus();
  field.value = args.text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return field.value === args.text;
}

/** What the popup's storage says when it refuses a hand-over in the tests. */
export const HANDOFF_REFUSED = 'test: the extension storage refused the text';

/** In the popup: its IndexedDB refuses every opening, as where the extension may not store. */
export function breakHandoff(message: string): void {
  const refuse = () => {
    throw new DOMException(message, 'UnknownError');
  };
  Object.defineProperty(window, 'indexedDB', { value: { open: refuse } });
}

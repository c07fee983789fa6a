// Times a diagnostics copy from the outside, on the page's clock: from the key that triggers it to
// the moment the clipboard holds something other than the marker the test put there first. The
// product leaves no timing entries of its own (a page could read them).

export const CLIPBOARD_MARKER = '__imch-test: before the copy__';

/** Arms the page: the next key down starts a watch of the clipboard (which holds the marker). */
export function watchCopyAfterNextKey(marker: string): void {
  const w = window as unknown as { __copyTiming: { keyAt: number; copiedAt: number } };
  w.__copyTiming = { keyAt: NaN, copiedAt: NaN };
  document.addEventListener(
    'keydown',
    () => {
      w.__copyTiming.keyAt = performance.now();
      const tick = () =>
        navigator.clipboard.readText().then(
          (text) => (text !== marker ? (w.__copyTiming.copiedAt = performance.now()) : setTimeout(tick, 0)),
          () => setTimeout(tick, 0),
        );
      tick();
    },
    { capture: true, once: true },
  );
}

/** ms from that key down to the clipboard changing (NaN until it has). */
export function copyTiming(): number {
  const t = (window as unknown as { __copyTiming?: { keyAt: number; copiedAt: number } }).__copyTiming;
  return t ? t.copiedAt - t.keyAt : NaN;
}

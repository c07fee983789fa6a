// The diagnostics copy's figures, read inside the console page from the product's own User Timing
// entries (the e2e and Firefox runs send these functions' source to the page).

/** Notes when the next key goes down, on the page's clock (the timeline of our entries). */
export function markNextKeyDown(): void {
  document.addEventListener('keydown', () => ((window as unknown as { enterAt: number }).enterAt = performance.now()), { capture: true, once: true });
}

/** The last copy's steps in ms (-1 for a step with no entry), and key down → on the clipboard. */
export function diagnosticsFigures(): { read: number; capture: number; render: number; copy: number; enterToCopied: number } {
  const last = (name: string) => performance.getEntriesByName(name, 'measure').at(-1);
  const copy = last('imch:diagnostics:copy');
  const enterAt = (window as unknown as { enterAt: number }).enterAt;
  return {
    read: last('imch:diagnostics:read')?.duration ?? -1,
    capture: last('imch:diagnostics:capture')?.duration ?? -1,
    render: last('imch:diagnostics:render')?.duration ?? -1,
    copy: copy?.duration ?? -1,
    enterToCopied: copy ? copy.startTime + copy.duration - enterAt : -1,
  };
}

/** Runs `start` once the document has loaded (at once if it has). */
export function afterLoad(start: () => void): void {
  if (document.readyState === 'complete') start();
  else addEventListener('load', () => start(), { once: true });
}

// The popup's two timings, as functions run inside the popup page (Playwright and puppeteer both
// send a function's source to the page): the e2e and Firefox runs measure exactly the same thing.

/** ms from the navigation's start to the popup's own `imch:input-ready` mark (NaN without it). */
export function openToInputReady(): number {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const ready = performance.getEntriesByName('imch:input-ready')[0];
  return ready && nav ? ready.startTime - nav.startTime : NaN;
}

/** ms from putting `token` into the paste box (one input event, as a paste) to the first result. */
export async function pasteToResult(token: string): Promise<number> {
  const input = document.querySelector('#paste') as HTMLTextAreaElement;
  const start = performance.now();
  input.value = token;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve) => {
    if (document.querySelector('[data-verdict]')) return resolve();
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-verdict]')) {
        observer.disconnect();
        resolve();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return performance.now() - start;
}

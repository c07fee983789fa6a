// The popup's two timings, as functions run inside the popup page (Playwright and puppeteer both
// send a function's source to the page): the e2e and Firefox runs measure exactly the same thing.
// The popup leaves no timing entries of its own; the browser's paint timing tells when it showed.

/**
 * ms from the navigation's start until the popup is on screen with a paste box that takes input:
 * the later of the first contentful paint (with #paste in the page) and the end of the document's
 * load event, since Chrome shows an action popup only once its document has loaded
 * (ExtensionPopup::DocumentOnLoadCompletedInPrimaryMainFrame) and Firefox sizes and shows its
 * panel after the load too. A paint before the load is not yet seen by the user. NaN before that.
 */
export function openToInputReady(): number {
  const input = document.querySelector('#paste');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!input || !paint || !nav || nav.loadEventEnd === 0) return NaN;
  return Math.max(paint.startTime, nav.loadEventEnd);
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

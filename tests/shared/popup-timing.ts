// The popup's two timings, as functions run inside the popup page (Playwright and puppeteer both
// send a function's source to the page): the e2e and Firefox runs measure exactly the same thing.
// The popup leaves no timing entries of its own; the browser's paint timing tells when it showed.

/**
 * ms from the navigation's start to the first contentful paint, once the paste box is there (the
 * popup renders whole in one go, so its first paint shows a usable input); NaN before that.
 */
export function openToInputReady(): number {
  const input = document.querySelector('#paste');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return input && paint ? paint.startTime : NaN;
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

/**
 * Runs in the console page (Playwright's evaluate, puppeteer's evaluate): the boxes of every
 * console button in a card that holds a saved-UserID chip, with the chips in place and, in the
 * same task, with them taken out (then put back, before anything else runs). Equal boxes: the
 * chips take no layout space. `neighbours` counts buttons in a field's row, right of it.
 */
export function measureChipLayout(): { withChips: number[][]; without: number[][]; chips: number; neighbours: number } {
  const hosts = [...document.querySelectorAll('[data-imch=userid-picker]')];
  const cards = new Set(hosts.map((h) => h.closest('.tea-card, section, form') ?? document.body));
  const buttons = [...cards].flatMap((c) => [...c.querySelectorAll('button')]).filter((b) => !b.closest('[data-imch]'));
  const boxes = () => buttons.map((b) => {
    const r = b.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
  });
  let neighbours = 0;
  for (const host of hosts) {
    const input = host.previousElementSibling;
    if (!input || input.tagName !== 'INPUT') continue;
    const f = input.getBoundingClientRect();
    neighbours += buttons.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.left >= f.right - 1 && r.top < f.bottom && r.bottom > f.top;
    }).length;
  }
  const withChips = boxes();
  const places = hosts.map((h) => [h.parentNode!, h.nextSibling] as const);
  for (const h of hosts) h.remove();
  const without = boxes();
  places.forEach(([parent, next], i) => parent.insertBefore(hosts[i]!, next));
  return { withChips, without, chips: hosts.length, neighbours };
}

/** The pages measured: the TEA push and UserSig pages, and the hand-written replica's push page. */
export function chipLayoutUrls(origin: string, tea: readonly { page: string; urls: readonly { url: string }[]; userIdInputs: number }[]): { url: string; chips: number }[] {
  return [
    ...tea.filter((s) => s.page !== 'log').map((s) => ({ url: s.urls[0]!.url, chips: s.userIdInputs })),
    { url: `${origin}/im/tool-push-check`, chips: 2 },
  ];
}

/** The log page, whose content area scrolls inside the page (as the console's does) in a low window. */
export const SCROLLED_LOG_URL = 'https://console.cloud.tencent.com/im/tool-log';
export const LOW_WINDOW = { width: 1280, height: 400 };

/**
 * Runs in the console page: scrolls the box that holds the log's UserID field until the field has
 * left it, then back. Out of flow, the chip is not clipped with its field: it must hide, not float
 * over the log table, and come back over the field's end. Waits frame by frame (5 s at most each).
 */
export async function chipThroughScroll(): Promise<{ inner: boolean; hiddenWhenOut: boolean; besideWhenBack: boolean }> {
  // Read again at each step: the console may re-render the filter (a new input, the chip moved after it).
  const chip = () => document.querySelector<HTMLElement>('[data-imch=userid-picker]');
  const field = () => chip()?.previousElementSibling as HTMLElement | null | undefined;
  const until = (ok: () => boolean) =>
    new Promise<boolean>((resolve) => {
      const start = performance.now();
      const look = () => (ok() ? resolve(true) : performance.now() - start > 5_000 ? resolve(false) : requestAnimationFrame(look));
      requestAnimationFrame(look);
    });
  const beside = () => {
    const c = chip()?.getBoundingClientRect();
    const f = field()?.getBoundingClientRect();
    return !!c && !!f && c.height > 0 && c.right <= f.right + 1 && c.left >= f.left && c.top >= f.top - 1 && c.bottom <= f.bottom + 1;
  };
  // Settled first: the chip over its field, as the user finds it.
  await until(beside);
  let box: HTMLElement | null = field()?.parentElement ?? null;
  while (box && !(/auto|scroll/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight)) box = box.parentElement;
  if (!box) return { inner: false, hiddenWhenOut: false, besideWhenBack: false };
  box.scrollTop = field()!.getBoundingClientRect().bottom - box.getBoundingClientRect().top + 2_000;
  const hiddenWhenOut = await until(() => chip()?.getBoundingClientRect().height === 0);
  box.scrollTop = 0;
  const besideWhenBack = await until(beside);
  return { inner: true, hiddenWhenOut, besideWhenBack };
}

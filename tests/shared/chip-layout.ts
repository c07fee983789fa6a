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

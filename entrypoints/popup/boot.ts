/**
 * Runs as the popup page's module script starts, before its load (when the browser shows the
 * popup): the page's markup is the popup as it first renders, in the page's language and the
 * system's theme, so this applies a theme named in the URL (the background puts the saved one
 * there) to the document, hides the markup when the URL asks for the other language, and
 * remembers a tab clicked, a language or a theme chosen before the app came (start.tsx makes those
 * choices again and takes the attributes over). Part of the page's module, not a classic script
 * in the head, which the parser had to fetch and run before going on (with the styles inline too,
 * the first opening went from 136 to 112 ms).
 */
export function bootPopup(): void {
  const query = new URLSearchParams(location.search);
  const root = document.documentElement;
  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  const lang = query.get('lang');
  if ((lang === 'zh' || lang === 'en') && root.lang.slice(0, 2) !== lang) root.setAttribute('data-other-lang', '');
  const early = (event: Event) => {
    const target = event.target as Element | null;
    if (root.hasAttribute('data-app') || !target?.closest) return;
    const tab = target.closest('[role=tab]');
    const pref = target.getAttribute('data-pref');
    if (tab?.id) root.setAttribute('data-early-tab', tab.id);
    if (pref) root.setAttribute(`data-early-${pref}`, (target as HTMLSelectElement).value);
  };
  document.addEventListener('click', early, true);
  document.addEventListener('change', early, true);
}

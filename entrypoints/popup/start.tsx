import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadLanguage } from '../../components/languages.ts';
import { initialPreferences, type Theme } from '../../components/preferences.ts';
import { readSavedPreferences, savePreference } from '../../components/saved-preferences.ts';
import type { Lang } from '../../lib/i18n.ts';
import { App } from './App.tsx';

/** What the user chose in this popup: the saved setting, arriving later, does not undo it. */
const chosen: Partial<{ lang: Lang; theme: Theme }> = {};

function Root({ initial, typed }: { initial: { lang: Lang; theme: Theme }; typed: string }) {
  const [prefs, setPrefs] = useState(initial);
  // The saved setting arrives after the first render; the paste box is usable before it does.
  useEffect(() => {
    readSavedPreferences().then(async (saved) => {
      const read = initialPreferences(location.search, saved);
      await loadLanguage(read.lang);
      setPrefs((p) => {
        const next = { ...read, ...chosen };
        return p.lang === next.lang && p.theme === next.theme ? p : next;
      });
    });
  }, []);
  const onLang = async (lang: Lang) => {
    chosen.lang = lang;
    await loadLanguage(lang);
    setPrefs((p) => ({ ...p, lang }));
    void savePreference({ language: lang });
  };
  const onTheme = (theme: Theme) => {
    chosen.theme = theme;
    setPrefs((p) => ({ ...p, theme }));
    void savePreference({ theme });
  };
  return <App lang={prefs.lang} theme={prefs.theme} onLang={onLang} onTheme={onTheme} typed={typed} />;
}

/**
 * Before the app, boot.ts has applied the URL's theme and language to the page's markup and
 * remembered a tab, a language or a theme chosen early. The app's own attributes take over once it
 * has rendered, and it makes those choices again (below).
 *
 * Renders the popup over the page's markup (its first render, in index.html), reusing its nodes:
 * the paste box keeps its focus, caret and whatever was typed into it before the app came. Each
 * popup page carries one language's texts (popup.html English, popup-zh.html Chinese; the
 * background points the toolbar button at the one the user reads). `?lang=` or the saved setting
 * can still ask for the other language, which then loads on demand.
 */
export function startPopup(pageLanguage: Lang): void {
  const initial = initialPreferences(location.search, { lang: pageLanguage });
  void loadLanguage(initial.lang).then(() => {
    const typed = document.querySelector<HTMLTextAreaElement>('#paste')?.value ?? '';
    render(<Root initial={initial} typed={typed} />, document.getElementById('app')!);
    // The app's own attributes carry the theme and language from here (boot.ts).
    const root = document.documentElement;
    root.removeAttribute('data-theme');
    root.removeAttribute('data-other-lang');
    root.setAttribute('data-app', '');
    const earlyTab = root.getAttribute('data-early-tab');
    root.removeAttribute('data-early-tab');
    if (earlyTab) document.getElementById(earlyTab)?.click();
    // A language or theme chosen before the app came: chosen again, through the app's own select.
    for (const pref of ['language', 'theme']) {
      const value = root.getAttribute(`data-early-${pref}`);
      const select = document.querySelector<HTMLSelectElement>(`[data-pref=${pref}]`)!;
      if (value && value !== select.value) {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  });
}

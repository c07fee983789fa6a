import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadLanguage } from '../../components/languages.ts';
import { initialPreferences, type Theme } from '../../components/preferences.ts';
import { readSavedPreferences, savePreference } from '../../components/saved-preferences.ts';
import type { Lang } from '../../lib/i18n.ts';
import { App } from './App.tsx';
import '../../components/theme.css';

function Root({ initial }: { initial: { lang: Lang; theme: Theme } }) {
  const [prefs, setPrefs] = useState(initial);
  // The saved setting arrives after the first render; the paste box is usable before it does.
  useEffect(() => {
    readSavedPreferences().then(async (saved) => {
      const next = initialPreferences(location.search, saved);
      await loadLanguage(next.lang);
      setPrefs((p) => (p.lang === next.lang && p.theme === next.theme ? p : next));
    });
  }, []);
  const onLang = async (lang: Lang) => {
    await loadLanguage(lang);
    setPrefs((p) => ({ ...p, lang }));
    void savePreference({ language: lang });
  };
  const onTheme = (theme: Theme) => {
    setPrefs((p) => ({ ...p, theme }));
    void savePreference({ theme });
  };
  return <App lang={prefs.lang} theme={prefs.theme} onLang={onLang} onTheme={onTheme} />;
}

/**
 * Renders the popup. Each popup page carries one language's texts in its own bundle (popup.html
 * English, popup-zh.html Chinese; the background points the toolbar button at the one the user
 * reads), so the texts arrive with the page and it opens in that language. `?lang=` or the saved
 * setting can still ask for the other language, which then loads on demand.
 */
export function startPopup(pageLanguage: Lang): void {
  const initial = initialPreferences(location.search, { lang: pageLanguage });
  void loadLanguage(initial.lang).then(() => {
    render(<Root initial={initial} />, document.getElementById('app')!);
  });
}

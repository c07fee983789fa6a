import { render } from 'preact';
import { useState } from 'preact/hooks';
import { loadLanguage } from '../../components/languages.ts';
import { initialPreferences, type Theme } from '../../components/preferences.ts';
import { readSavedPreferences, savePreference } from '../../components/saved-preferences.ts';
import type { Lang } from '../../lib/i18n.ts';
import { App } from './App.tsx';
import '../../components/theme.css';
import './popup.css';

function Root({ initial }: { initial: { lang: Lang; theme: Theme } }) {
  const [prefs, setPrefs] = useState(initial);
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

// The browser's language is a good guess: start loading its texts while the settings are read.
const guess = initialPreferences(location.search);
const [saved] = await Promise.all([readSavedPreferences(), loadLanguage(guess.lang)]);
const initial = initialPreferences(location.search, saved);
if (initial.lang !== guess.lang) await loadLanguage(initial.lang);
render(<Root initial={initial} />, document.getElementById('app')!);
// Read by the e2e timing test: the paste box exists and can take input from here on.
performance.mark('imch:input-ready');

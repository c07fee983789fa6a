import { render } from 'preact';
import { useState } from 'preact/hooks';
import { initialPreferences, type Theme } from '../../components/preferences.ts';
import type { Lang } from '../../lib/i18n.ts';
import { App } from './App.tsx';
import '../../components/theme.css';
import './popup.css';

function Root() {
  const [prefs, setPrefs] = useState(() => initialPreferences(location.search));
  return (
    <App
      lang={prefs.lang}
      theme={prefs.theme}
      onLang={(lang: Lang) => setPrefs({ ...prefs, lang })}
      onTheme={(theme: Theme) => setPrefs({ ...prefs, theme })}
    />
  );
}

render(<Root />, document.getElementById('app')!);
// Read by the e2e timing test: the paste box exists and can take input from here on.
performance.mark('imch:input-ready');

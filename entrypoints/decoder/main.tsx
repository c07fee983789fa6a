// The decoder as a full extension page, for inputs too big for the popup (decoder.html?lang=…&handoff=…).
// Both languages, each its own module (components/all-languages.ts would join the popup's at-open chunk).
import '../../components/messages-en.ts';
import '../../components/messages-zh.ts';
import '../../lib/usersig/problem-texts-en.ts';
import '../../lib/usersig/problem-texts-zh.ts';
import { render } from 'preact';
import { initialPreferences } from '../../components/preferences.ts';
import { readSavedPreferences } from '../../components/saved-preferences.ts';
import '../../components/theme.css';
import { App } from './App.tsx';

readSavedPreferences().then((saved) => {
  const { lang, theme } = initialPreferences(location.search, saved);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.body.style.margin = '0';
  render(<App lang={lang} theme={theme} handoff={new URLSearchParams(location.search).get('handoff') ?? undefined} />, document.getElementById('app')!);
});

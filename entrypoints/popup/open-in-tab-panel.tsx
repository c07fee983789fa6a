import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n.ts';
import { putText } from '../decoder/handoff.ts';

const TEXTS = {
  en: { large: (n: number) => `This text is large (${n.toLocaleString('en')} characters): the popup does not search it.`, open: 'Open in a tab' },
  zh: { large: (n: number) => `文本过大（${n.toLocaleString('zh-CN')} 个字符）：弹窗中不查找。`, open: '在标签页中打开' },
};

/** A text too big for the popup: the decoder page in a tab takes it over (through the extension's IndexedDB). */
export function OpenInTab({ text, lang }: { text: string; lang: Lang }) {
  const open = async (e: Event) => {
    // The tab looks as the popup does now (a theme chosen in it may not be saved yet): the popup's
    // theme is read where it is rendered, so the popup's own code at open carries nothing for it.
    const shown = (e.currentTarget as Element).closest('[data-theme]')?.getAttribute('data-theme');
    const theme = shown === 'light' || shown === 'dark' ? shown : 'auto';
    const id = await putText(text);
    await browser.tabs.create({ url: `${browser.runtime.getURL('/decoder.html')}?lang=${lang}&theme=${theme}&handoff=${id}` });
  };
  return (
    <p class="banner warn" role="status" data-part="open-in-tab">
      {TEXTS[lang].large(text.length)} <button type="button" onClick={open}>{TEXTS[lang].open}</button>
    </p>
  );
}

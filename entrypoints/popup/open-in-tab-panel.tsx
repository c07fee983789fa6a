import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n.ts';
import { putText } from '../decoder/handoff.ts';

const TEXTS = {
  en: { large: (n: number) => `This text is large (${n.toLocaleString('en')} characters): the popup does not search it.`, open: 'Open in a tab' },
  zh: { large: (n: number) => `文本过大（${n.toLocaleString('zh-CN')} 个字符）：弹窗中不查找。`, open: '在标签页中打开' },
};

/** A text too big for the popup: the decoder page in a tab takes it over (through the extension's IndexedDB). */
export function OpenInTab({ text, lang }: { text: string; lang: Lang }) {
  const open = async () => {
    const id = await putText(text);
    await browser.tabs.create({ url: `${browser.runtime.getURL('/decoder.html')}?lang=${lang}&handoff=${id}` });
  };
  return (
    <p class="banner warn" role="status" data-part="open-in-tab">
      {TEXTS[lang].large(text.length)} <button type="button" onClick={open}>{TEXTS[lang].open}</button>
    </p>
  );
}

import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n.ts';
import { describeThrown } from '../../lib/storage/errors.ts';
import { putText } from '../decoder/handoff.ts';

const TEXTS = {
  en: {
    large: (n: number) => `This text is large (${n.toLocaleString('en')} characters): the popup does not search it.`,
    open: 'Open in a tab',
    failed: (why: string) => `The text could not be handed to a tab (${why}). Open the tab empty, then paste the text or open the log file there.`,
    openEmpty: 'Open the tab empty',
  },
  zh: {
    large: (n: number) => `文本过大（${n.toLocaleString('zh-CN')} 个字符）：弹窗中不查找。`,
    open: '在标签页中打开',
    failed: (why: string) => `无法把文本交给标签页（${why}）。请打开空白的标签页，再在其中粘贴文本或打开日志文件。`,
    openEmpty: '打开空白标签页',
  },
};

/** A text too big for the popup: the decoder page in a tab takes it over (through the extension's IndexedDB). */
export function OpenInTab({ text, lang }: { text: string; lang: Lang }) {
  const [failure, setFailure] = useState('');
  // The tab looks as the popup does now (a theme chosen in it may not be saved yet): the popup's
  // theme is read where it is rendered, so the popup's own code at open carries nothing for it.
  const tabUrl = (e: Event) => {
    const shown = (e.currentTarget as Element).closest('[data-theme]')?.getAttribute('data-theme');
    const theme = shown === 'light' || shown === 'dark' ? shown : 'auto';
    return `${browser.runtime.getURL('/decoder.html')}?lang=${lang}&theme=${theme}`;
  };
  const failed = (error: unknown) => setFailure(describeThrown(error));
  const open = async (e: Event) => {
    setFailure('');
    // Read before the first await: the event is gone after it.
    const url = tabUrl(e);
    try {
      await browser.tabs.create({ url: `${url}&handoff=${await putText(text)}` });
    } catch (error) {
      // The extension's storage refused the text (a private window, a full disk): say so here.
      failed(error);
    }
  };
  const openEmpty = (e: Event) => void browser.tabs.create({ url: tabUrl(e) }).catch(failed);
  return (
    <>
      <p class="banner warn" role="status" data-part="open-in-tab">
        {TEXTS[lang].large(text.length)} <button type="button" onClick={open}>{TEXTS[lang].open}</button>
      </p>
      {failure && (
        <p class="banner bad" role="alert" data-part="open-in-tab-error">
          {TEXTS[lang].failed(failure)}{' '}
          <button type="button" onClick={openEmpty}>
            {TEXTS[lang].openEmpty}
          </button>
        </p>
      )}
    </>
  );
}

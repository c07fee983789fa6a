import type { Lang } from '../i18n.ts';

/** The official error-code pages the entries come from, per language. */
export const SOURCES: Record<string, Record<Lang, string>> = {
  // Chat error codes: client SDK (native), server, REST API.
  im: { zh: 'https://cloud.tencent.com/document/product/269/1671', en: 'https://trtc.io/document/34348' },
  // Chat Web SDK error codes (@tencentcloud/chat, tim-js-sdk).
  imWeb: { zh: 'https://web.sdk.qcloud.com/im/doc/v3/zh-cn/tutorial-08-error-code-en.html', en: 'https://web.sdk.qcloud.com/im/doc/en/module-ERROR_CODE.html' },
  // The web SDK's official code → message table (server codes included, zh and en).
  imMessages: { zh: 'https://web.sdk.qcloud.com/im/download/error-message/v3/0.0.4/tim-error-message.txt', en: 'https://web.sdk.qcloud.com/im/download/error-message/v3/0.0.4/tim-error-message.txt' },
  // Chat account FAQ (70009, 10019, 20003 …).
  imAuthFaq: { zh: 'https://cloud.tencent.com/document/product/269/2660', en: 'https://trtc.io/document/34456' },
  // TRTC native SDK error codes (TXLiteAVCode: room entry, UserSig, PrivateMapKey).
  trtc: { zh: 'https://cloud.tencent.com/document/product/647/38308', en: 'https://trtc.io/document/35142' },
  // TRTC Web SDK v4 ErrorCode.
  trtcWeb: { zh: 'https://web.sdk.qcloud.com/trtc/webrtc/doc/zh-cn/module-ErrorCode.html', en: 'https://web.sdk.qcloud.com/trtc/webrtc/doc/en/module-ErrorCode.html' },
  // TRTC Web SDK v5 ERROR_CODE.
  trtcWeb5: { zh: 'https://web.sdk.qcloud.com/trtc/webrtc/doc/zh-cn/module-ERROR_CODE.html', en: 'https://web.sdk.qcloud.com/trtc/webrtc/doc/en/module-ERROR_CODE.html' },
};

export function sourceUrl(key: string, lang: Lang): string {
  return (SOURCES[key] ?? SOURCES.im!)[lang];
}

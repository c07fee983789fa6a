export interface PageExample {
  /** What the example shows, used in test names. */
  name: string;
  url: string;
  /** Markup of the page body. The element with `data-expect-root` is the tool's expected section root. */
  html: string;
}

export const ZH = 'https://console.cloud.tencent.com';
export const EN = 'https://console.tencentcloud.com';

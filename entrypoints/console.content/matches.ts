/** The IM console on both Tencent Cloud sites: the only pages the extension touches. */
export const CONSOLE_MATCHES = ['https://console.cloud.tencent.com/im*', 'https://console.tencentcloud.com/im*'];

// The page model's enums, defined once: lib/console types its readings with them and
// lib/diagnostics builds its zod schemas from them. No imports, so any bundle can take them.
export const TOOL_IDS = ['offline-push', 'user-status', 'usersig-generator', 'usersig-verifier', 'troubleshooting-log'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export const PUSH_VENDORS = ['apns', 'huawei', 'honor', 'xiaomi', 'oppo', 'vivo', 'meizu', 'fcm', 'other'] as const;
export type PushVendor = (typeof PUSH_VENDORS)[number];

export const CLIENT_STATUSES = ['online', 'push-online', 'offline'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const LOG_EVENTS = ['all', 'login', 'c2c-message', 'group-message', 'offline-push'] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

/** Where the page showed the SDKAppID. */
export const SDKAPPID_SOURCES = ['url', 'app-selector', 'top-bar', 'page-text'] as const;
export type SdkAppIdSource = (typeof SDKAPPID_SOURCES)[number];

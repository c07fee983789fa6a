/**
 * Pages and content scripts never write the settings item: they send this message and the
 * background, the one writer (writer.ts), applies the changes in order, key by key.
 * No imports, so the popup can send it without the storage library.
 */
export const SETTINGS_UPDATE = 'imch:settings-update';

/** The storage.local key of the settings (WXT's item `local:settings`). */
export const SETTINGS_STORAGE_KEY = 'settings';

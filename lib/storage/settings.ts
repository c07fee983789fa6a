import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from '../zod.ts';
import { SETTINGS_UPDATE } from './settings-message.ts';
import type { Lang } from '../i18n.ts';
import { langFromLocale } from '../i18n.ts';
import { describeThrown, storageError, STORAGE_ERROR_CODES, type StorageErrorCode } from './errors.ts';
import { fail, ok, type Result } from './result.ts';
import { parseSettings, SETTINGS_STORAGE_KEY, type Settings, type SettingsPatch, type SettingsRead } from './settings-schema.ts';

export { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsPatch, type SettingsRead } from './settings-schema.ts';

/** What the background answers to any write (the value's shape depends on the request). */
export const answerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(STORAGE_ERROR_CODES), params: z.optional(z.record(z.string(), z.unknown())) }) }),
]);

export const SETTINGS_VERSION = 1;
const SETTINGS_KEY = `local:${SETTINGS_STORAGE_KEY}` as const;

/** Versioned with WXT: a future v2 adds `migrations: { 2: … }` here. */
export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, { version: SETTINGS_VERSION });

export async function loadSettings(): Promise<Result<SettingsRead>> {
  try {
    return ok(parseSettings(await settingsItem.getValue()));
  } catch (thrown) {
    return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
  }
}

/**
 * The write itself, read-modify-write: only the background calls it, one change at a time
 * (settings-writer.ts). Invalid values in `patch` are refused, not stored.
 */
export async function writeSettings(patch: SettingsPatch): Promise<Result<Settings>> {
  const [wrong] = parseSettings(patch).invalid;
  if (wrong) return fail(storageError('value-invalid', { field: wrong }));
  const current = await loadSettings();
  if (!current.ok) return current;
  const was = current.value.settings;
  const next: Settings = { ...was, ...patch, features: { ...was.features, ...patch.features } };
  const clean = parseSettings(next).settings;
  try {
    await settingsItem.setValue(clean);
    return ok(clean);
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}

/** Changes some settings: the background applies the change (pages never write the item themselves). */
export async function updateSettings(patch: SettingsPatch): Promise<Result<Settings>> {
  const [wrong] = parseSettings(patch).invalid;
  if (wrong) return fail(storageError('value-invalid', { field: wrong }));
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: SETTINGS_UPDATE, patch });
    const parsed = answerSchema.safeParse(answer);
    if (!parsed.success) return fail(storageError('storage-write-failed', { detail: 'no answer from the background' }));
    if (!parsed.data.ok) return fail(storageError(parsed.data.error.code as StorageErrorCode, parsed.data.error.params as never));
    return ok(parseSettings(parsed.data.value).settings);
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value).settings));
}

/** The language to show: the override, or the browser's UI language. */
export function resolveLanguage(setting: Settings['language'], browserLocale: string | undefined): Lang {
  return setting === 'auto' ? langFromLocale(browserLocale) : setting;
}

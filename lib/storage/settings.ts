import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from '../zod.ts';
import { describeThrown, fail, ok, storageError, type Result } from './errors.ts';
import { STORAGE_ERROR_CODES } from './messages.ts';
import { SETTINGS_UPDATE } from './settings-message.ts';
import { parseSettings, SETTINGS_STORAGE_KEY, type Settings, type SettingsRead } from './settings-schema.ts';

export { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsRead } from './settings-schema.ts';

/** A change to some settings; `features` names only the switches it changes. */
export type SettingsPatch = Partial<Omit<Settings, 'features'>> & { readonly features?: Partial<Settings['features']> };

/** What the background answers to any write (the value's shape depends on the request). */
const answerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(STORAGE_ERROR_CODES), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) }) }),
]);

/** Sends one change to the background, the one writer, and checks its answer. */
export async function askBackground<T>(message: unknown): Promise<Result<T>> {
  try {
    const answer = answerSchema.safeParse(await browser.runtime.sendMessage(message));
    if (!answer.success) return fail(storageError('storage-write-failed', { detail: 'no answer from the background' }));
    return answer.data.ok ? ok(answer.data.value as T) : fail(storageError(answer.data.error.code, answer.data.error.params));
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}

/** Versioned with WXT: a future v2 adds `migrations: { 2: … }` here. */
const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_STORAGE_KEY}`, { version: 1 });

export async function loadSettings(): Promise<Result<SettingsRead>> {
  try {
    return ok(parseSettings(await settingsItem.getValue()));
  } catch (thrown) {
    return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
  }
}

/** The write itself, read-modify-write: only the background calls it, one change at a time (writer.ts), with a checked patch. */
export async function writeSettings(patch: SettingsPatch): Promise<Result<Settings>> {
  const current = await loadSettings();
  if (!current.ok) return current;
  const was = current.value.settings;
  const next = parseSettings({ ...was, ...patch, features: { ...was.features, ...patch.features } }).settings;
  try {
    await settingsItem.setValue(next);
    return ok(next);
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}

/** Changes some settings: the background applies the change (pages never write the item themselves). */
export async function updateSettings(patch: SettingsPatch): Promise<Result<Settings>> {
  const saved = await askBackground<unknown>({ type: SETTINGS_UPDATE, patch });
  return saved.ok ? ok(parseSettings(saved.value).settings) : saved;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value).settings));
}

import { useEffect, useState } from 'preact/hooks';
import type { StorageError } from '../../lib/storage/errors.ts';
import { DEFAULT_SETTINGS, loadSettings, updateSettings, watchSettings, type Settings, type SettingsPatch } from '../../lib/storage/settings.ts';

/**
 * The settings as stored, following every change (this page's, another page's); a change goes to
 * the background, the one writer, and `onError` hears a refused one.
 */
export function useSettings(onError: (error: StorageError) => void) {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => {
    void loadSettings().then((read) => setSettings(read.ok ? read.value.settings : DEFAULT_SETTINGS));
    return watchSettings(setSettings);
  }, []);
  const change = async (patch: SettingsPatch) => {
    const result = await updateSettings(patch);
    if (result.ok) setSettings(result.value);
    else onError(result.error);
  };
  const reread = async () => {
    const loaded = await loadSettings();
    if (loaded.ok) setSettings(loaded.value.settings);
  };
  return { settings, change, reread };
}

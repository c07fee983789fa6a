import { z } from '../zod.ts';
import { DEFAULT_SWITCHES, parseSwitches, type FeatureSwitches } from './feature-switches.ts';

// The settings' shape and its zod check, without the storage item: the console UI reads the stored
// value with this (settings.ts holds the item and its writers).

export { SETTINGS_STORAGE_KEY } from './settings-message.ts';

/** The extension's settings, in storage.local (never synced, never secret). */
export interface Settings {
  readonly language: 'auto' | 'zh' | 'en';
  readonly theme: 'auto' | 'light' | 'dark';
  /** Keep saved UserID lists in storage.sync (within its quotas) instead of storage.local. */
  readonly syncUserIds: boolean;
  /** Copied diagnostics mask tokens and keys unless the user turns this off. */
  readonly maskDiagnostics: boolean;
  /** Console features on or off (options page switches); settings saved before them read all on. */
  readonly features: FeatureSwitches;
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', theme: 'auto', syncUserIds: false, maskDiagnostics: true, features: DEFAULT_SWITCHES };

export const fieldSchemas = {
  language: z.enum(['auto', 'zh', 'en']),
  theme: z.enum(['auto', 'light', 'dark']),
  syncUserIds: z.boolean(),
  maskDiagnostics: z.boolean(),
} as const;

type SettingName = keyof Settings;
const NAMES = [...Object.keys(fieldSchemas), 'features'] as SettingName[];

/** A field's value, or undefined when the stored value is not valid. */
const readField = (name: SettingName, raw: unknown) => (name === 'features' ? parseSwitches(raw) : fieldSchemas[name].safeParse(raw).data);

export interface SettingsRead {
  readonly settings: Settings;
  /** Fields whose stored value was not valid and were read as their default. */
  readonly invalid: readonly SettingName[];
}

/** Field by field: one bad field falls back to its default without costing the others. */
export function parseSettings(raw: unknown): SettingsRead {
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, invalid: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: DEFAULT_SETTINGS, invalid: NAMES };
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const invalid: SettingName[] = [];
  for (const name of NAMES) {
    if (!(name in raw)) continue;
    const value = readField(name, Reflect.get(raw, name));
    if (value === undefined) invalid.push(name);
    else settings[name] = value;
  }
  return { settings: settings as unknown as Settings, invalid };
}

import { z } from '../zod.ts';
import { DEFAULT_SWITCHES, parseSwitches, type FeatureSwitches } from './feature-switches.ts';

// The settings' shape and its zod check, without the storage item: content scripts and the console
// UI read the stored value with this (lib/storage/settings.ts holds the item and its writers).

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

/** A change to some settings; `features` names only the switches it changes. */
export type SettingsPatch = Partial<Omit<Settings, 'features'>> & { readonly features?: Partial<FeatureSwitches> };

export const DEFAULT_SETTINGS: Settings = { language: 'auto', theme: 'auto', syncUserIds: false, maskDiagnostics: true, features: DEFAULT_SWITCHES };


export const fieldSchemas = {
  language: z.enum(['auto', 'zh', 'en']),
  theme: z.enum(['auto', 'light', 'dark']),
  syncUserIds: z.boolean(),
  maskDiagnostics: z.boolean(),
} as const;

export type SettingName = keyof Settings;
const SETTING_NAMES: readonly SettingName[] = ['language', 'theme', 'syncUserIds', 'maskDiagnostics', 'features'];

export interface SettingsRead {
  readonly settings: Settings;
  /** Fields whose stored value was not valid and were read as their default. */
  readonly invalid: readonly SettingName[];
}

/** Field by field: one bad field falls back to its default without costing the others. */
export function parseSettings(raw: unknown): SettingsRead {
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, invalid: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: DEFAULT_SETTINGS, invalid: [...SETTING_NAMES] };
  const invalid: SettingName[] = [];
  const field = <T,>(name: SettingName, schema: z.ZodMiniType<T>, fallback: T): T => {
    if (!(name in raw)) return fallback;
    const parsed = schema.safeParse(Reflect.get(raw, name));
    if (parsed.success) return parsed.data;
    invalid.push(name);
    return fallback;
  };
  const settings: Settings = {
    language: field('language', fieldSchemas.language, DEFAULT_SETTINGS.language),
    theme: field('theme', fieldSchemas.theme, DEFAULT_SETTINGS.theme),
    syncUserIds: field('syncUserIds', fieldSchemas.syncUserIds, DEFAULT_SETTINGS.syncUserIds),
    maskDiagnostics: field('maskDiagnostics', fieldSchemas.maskDiagnostics, DEFAULT_SETTINGS.maskDiagnostics),
    features: switchesField(raw, invalid),
  };
  return { settings, invalid };
}

function switchesField(raw: object, invalid: SettingName[]): FeatureSwitches {
  if (!('features' in raw)) return DEFAULT_SWITCHES;
  const parsed = parseSwitches(Reflect.get(raw, 'features'));
  if (!parsed) invalid.push('features');
  return parsed ?? DEFAULT_SWITCHES;
}

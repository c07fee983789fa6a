import type { Settings, SettingsPatch } from '../../lib/storage/settings.ts';
import type { OptionsMessages } from './messages.ts';

/** Language, theme, where lists are kept, and the diagnostics masking default. */
export function SettingsSection({ settings, m, syncNote, onChange, onSync }: { settings: Settings | undefined; m: OptionsMessages; syncNote: string | undefined; onChange: (patch: SettingsPatch) => void; onSync: (enabled: boolean) => void }) {
  return (
    <section aria-labelledby="settings-title" class="card settings">
      <h2 id="settings-title">{m.settingsTitle}</h2>
      {settings && (
        <>
          <label>
            {m.language}
            <select value={settings.language} onChange={(e) => onChange({ language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })} data-setting="language">
              <option value="auto">{m.langAuto}</option>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {m.theme}
            <select value={settings.theme} onChange={(e) => onChange({ theme: (e.currentTarget as HTMLSelectElement).value as Settings['theme'] })} data-setting="theme">
              <option value="auto">{m.themeAuto}</option>
              <option value="light">{m.themeLight}</option>
              <option value="dark">{m.themeDark}</option>
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={settings.syncUserIds} onChange={(e) => onSync((e.currentTarget as HTMLInputElement).checked)} data-setting="sync" />
            {m.sync}
          </label>
          <p class="help">{m.syncHelp}</p>
          {syncNote && (
            <p class="banner warn" role="status" data-sync-note="">
              {syncNote}
            </p>
          )}
          <label class="check">
            <input type="checkbox" checked={settings.maskDiagnostics} onChange={(e) => onChange({ maskDiagnostics: (e.currentTarget as HTMLInputElement).checked })} data-setting="mask" />
            {m.mask}
          </label>
        </>
      )}
    </section>
  );
}

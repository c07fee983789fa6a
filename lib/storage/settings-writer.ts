import { browser, type Browser } from 'wxt/browser';
import { FEATURE_HOSTS } from '../console/urls.ts';
import { z } from '../zod.ts';
import { storageError } from './errors.ts';
import { fail, type Result } from './result.ts';
import { SETTINGS_UPDATE } from './settings-message.ts';
import { fieldSchemas, type Settings, type SettingsPatch } from './settings-schema.ts';
import { FEATURE_IDS } from '../console/feature-ids.ts';
import { writeSettings } from './settings.ts';

/** A change as a message carries it: known keys only, each value checked, switches one by one. */
const settingsPatchSchema = z.strictObject({
  language: z.optional(fieldSchemas.language),
  theme: z.optional(fieldSchemas.theme),
  syncUserIds: z.optional(fieldSchemas.syncUserIds),
  maskDiagnostics: z.optional(fieldSchemas.maskDiagnostics),
  features: z.optional(z.strictObject(Object.fromEntries(FEATURE_IDS.map((id) => [id, z.optional(z.boolean())])) as Record<string, z.ZodMiniOptional<z.ZodMiniBoolean>>)),
});

const updateMessage = z.object({ type: z.literal(SETTINGS_UPDATE), patch: settingsPatchSchema });

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url'>;

/** Our own pages, or a content script on a console host; nothing else may change the settings. */
export function trustedSender(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  if (sender.url.startsWith(extensionOrigin)) return true;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && (FEATURE_HOSTS as readonly string[]).includes(url.host);
  } catch {
    return false;
  }
}

/**
 * The background's side: every settings change of every page goes through one queue, so two
 * pages changing different settings at the same moment both keep theirs.
 */
export function serveSettingsWrites(trusted: (sender: Sender) => boolean = (s) => trustedSender(s, browser.runtime.id, browser.runtime.getURL('/'))) {
  let queue: Promise<unknown> = Promise.resolve();
  const apply = (patch: SettingsPatch): Promise<Result<Settings>> => {
    const run = queue.then(() => writeSettings(patch));
    queue = run.catch(() => undefined);
    return run;
  };
  const listener = (raw: unknown, sender: Sender, sendResponse: (answer: unknown) => void): boolean => {
    if ((raw as { type?: unknown } | null)?.type !== SETTINGS_UPDATE) return false;
    const message = updateMessage.safeParse(raw);
    if (!trusted(sender)) sendResponse(fail(storageError('storage-write-failed', { detail: 'sender refused' })));
    else if (!message.success) sendResponse(fail(storageError('value-invalid', { field: 'settings' })));
    else void apply(message.data.patch as SettingsPatch).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

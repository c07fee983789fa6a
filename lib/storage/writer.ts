import { browser, type Browser } from 'wxt/browser';
import { FEATURE_IDS } from '../console/feature-ids.ts';
import { FEATURE_HOSTS } from '../console/urls.ts';
import { fail, storageError, type Result } from './errors.ts';
import { createListWriter, type ListWriterOptions } from './list-writer.ts';
import { SETTINGS_UPDATE } from './settings-message.ts';
import { fieldSchemas } from './settings-schema.ts';
import { writeSettings } from './settings.ts';
import { USERIDS_WRITE, userIdMessageSchema } from './userid-message.ts';
import { z } from '../zod.ts';

/** A settings change as a message carries it: known keys only, each value checked, switches one by one. */
const settingsPatchSchema = z.partial(
  z.strictObject({
    ...fieldSchemas,
    features: z.partial(z.strictObject(Object.fromEntries(FEATURE_IDS.map((id) => [id, z.boolean()])) as Record<string, z.ZodMiniBoolean>)),
  }),
);

const settingsMessage = z.object({ type: z.literal(SETTINGS_UPDATE), patch: settingsPatchSchema });

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url'>;

/** Our own pages, or a content script on a console host; nothing else may change saved data. */
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
 * The background is the one writer of settings and saved UserIDs: every change of every page
 * goes through this one queue, applied in order, so two pages changing things at the same
 * moment both keep theirs.
 */
export function serveWrites(
  trusted: (sender: Sender) => boolean = (s) => trustedSender(s, browser.runtime.id, browser.runtime.getURL('/')),
  options: ListWriterOptions = {},
) {
  const lists = createListWriter(options);
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T,>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  const listener = (raw: unknown, sender: Sender, sendResponse: (answer: unknown) => void): boolean => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (type !== SETTINGS_UPDATE && type !== USERIDS_WRITE) return false;
    if (!trusted(sender)) {
      sendResponse(fail(storageError('storage-write-failed', { detail: 'sender refused' })));
      return true;
    }
    const message = type === SETTINGS_UPDATE ? settingsMessage.safeParse(raw) : userIdMessageSchema.safeParse(raw);
    if (!message.success) {
      // The field at fault, e.g. `theme` in a settings patch; `message` for a malformed write.
      const field = type === SETTINGS_UPDATE ? String(message.error.issues[0]?.path[1] ?? 'settings') : 'message';
      sendResponse(fail(storageError('value-invalid', { field })));
      return true;
    }
    const data = message.data;
    const run = (): Promise<Result<unknown>> => ('patch' in data ? writeSettings(data.patch) : lists.apply(data.op));
    void inOrder(run).then(sendResponse, (thrown) => sendResponse(fail(storageError('storage-write-failed', { detail: String(thrown) }))));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  // Legacy data is upgraded at start, not at the first write.
  void inOrder(() => lists.ready());
  return () => browser.runtime.onMessage.removeListener(listener);
}

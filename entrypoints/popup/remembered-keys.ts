import { browser } from 'wxt/browser';
import { z } from '../../lib/zod.ts';

// Opt-in only, and only ever in the local area: a SecretKey is never synced.
const KEY = 'rememberedKeys';
const schema = z.record(z.string().check(z.regex(/^\d{1,12}$/)), z.string().check(z.maxLength(4096)));

async function readAll(): Promise<Record<string, string>> {
  const parsed = schema.safeParse((await browser.storage.local.get(KEY))[KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

export async function rememberedKeyFor(sdkAppId: string): Promise<string | undefined> {
  return (await readAll())[sdkAppId];
}

export async function rememberKey(sdkAppId: string, key: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: { ...(await readAll()), [sdkAppId]: key } });
}

export async function forgetKey(sdkAppId: string): Promise<void> {
  const all = await readAll();
  delete all[sdkAppId];
  await browser.storage.local.set({ [KEY]: all });
}

import { storage } from 'wxt/utils/storage';
import { z } from '../../lib/zod.ts';

// Opt-in only, and only ever in storage.local: a SecretKey must never reach storage.sync.
const rememberedKeys = storage.defineItem<Record<string, string>>('local:rememberedKeys', { fallback: {} });
const schema = z.record(z.string().check(z.regex(/^\d{1,12}$/)), z.string().check(z.maxLength(4096)));

async function readAll(): Promise<Record<string, string>> {
  const parsed = schema.safeParse(await rememberedKeys.getValue());
  return parsed.success ? parsed.data : {};
}

export async function rememberedKeyFor(sdkAppId: string): Promise<string | undefined> {
  return (await readAll())[sdkAppId];
}

export async function rememberKey(sdkAppId: string, key: string): Promise<void> {
  await rememberedKeys.setValue({ ...(await readAll()), [sdkAppId]: key });
}

export async function forgetKey(sdkAppId: string): Promise<void> {
  const all = await readAll();
  delete all[sdkAppId];
  await rememberedKeys.setValue(all);
}

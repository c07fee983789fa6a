import { browser } from 'wxt/browser';
import type { Lang } from '../i18n.ts';
import { createKeyVault, memorySecretStore, type KeyVault } from './key-vault.ts';
import { openIdbSecretStore } from './key-vault-idb.ts';

// Opt-in only, and never synced. Keys used to live in storage.local under this name, which content
// scripts can read; the vault moves them out on first read.
const LEGACY_KEY = 'rememberedKeys';

let vault: Promise<KeyVault> | undefined;

/** The extension's key vault (shared by the popup and the options page: both are extension pages). */
export function keyVault(): Promise<KeyVault> {
  return (vault ??= openIdbSecretStore().then((store) =>
    createKeyVault(store ?? memorySecretStore(), {
      read: async () => (await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY],
      remove: () => browser.storage.local.remove(LEGACY_KEY),
    }),
  ));
}

/** The popup's read of the key for an app, with a note when the move from storage.local dropped entries. */
export async function recallKey(sdkAppId: string, lang: Lang): Promise<{ key?: string; note?: string }> {
  const vault = await keyVault();
  const key = await vault.keyFor(sdkAppId);
  const dropped = await vault.migration();
  return { key, note: dropped.length > 0 ? REMEMBER_TEXTS[lang].dropped(dropped.map((d) => d.sdkAppId || '?').join(', ')) : undefined };
}

/** The popup's "remember" box: whether the key is remembered now, and what to tell the user. */
export async function setKeyRemembered(sdkAppId: string, key: string, remember: boolean, lang: Lang): Promise<{ remembered: boolean; note?: string }> {
  const vault = await keyVault();
  const t = REMEMBER_TEXTS[lang];
  if (!remember) {
    await vault.forget(sdkAppId);
    return { remembered: false };
  }
  if (!(await vault.remember(sdkAppId, key))) return { remembered: false, note: t.refused(sdkAppId) };
  return { remembered: true, note: vault.persistent ? undefined : t.memoryOnly };
}

export async function forgetAllKeys(): Promise<void> {
  await (await keyVault()).forgetAll();
}

/** The popup's texts about remembering keys: they load with the vault, not with the popup. */
export const REMEMBER_TEXTS: Record<Lang, { refused: (app: string) => string; memoryOnly: string; dropped: (apps: string) => string }> = {
  en: {
    refused: (app) => `Not remembered: “${app}” is not an SDKAppID (digits only, for example 1400000001). Correct the Expected SDKAppID first.`,
    memoryOnly: 'This window gives the extension no storage (private browsing?): the key is kept only until the popup closes.',
    dropped: (apps) => `A remembered key could not be read and was dropped (SDKAppID ${apps}). Enter it again to remember it.`,
  },
  zh: {
    refused: (app) => `未记住：“${app}”不是 SDKAppID（只能是数字，例如 1400000001）。请先改正“预期 SDKAppID”。`,
    memoryOnly: '当前窗口不允许扩展保存数据（无痕模式？）：密钥只保留到弹窗关闭为止。',
    dropped: (apps) => `有已记住的密钥无法读取，已删除（SDKAppID ${apps}）。请重新输入后再记住。`,
  },
};

import { browser } from 'wxt/browser';
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

export async function forgetAllKeys(): Promise<void> {
  await (await keyVault()).forgetAll();
}

import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check } from '../harness.ts';
import { KEY_VAULT_DB } from '../../../lib/secrets/key-vault-idb.ts';
import {
  APP,
  KEY,
  byLabel,
  byRole,
  check,
  expectValue,
  expectVerdict,
  expectVisibleText,
  fill,
  openExtensionPage,
  openPopup,
  resetPopupStorage,
  storageDump,
  tokens,
  click,
} from '../popup-helpers.ts';

/**
 * The extension's key vault (IndexedDB of the extension origin), read from one of its pages: the
 * number of sealed entries and every stored byte as text, so a plaintext key would show.
 */
export function vaultDump(page: Page): Promise<{ entries: number; bytes: string }> {
  return page.evaluate(async (dbName: string) => {
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      const r = indexedDB.open(dbName);
      r.onupgradeneeded = () => r.transaction?.abort(); // not there yet: holds nothing
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(undefined);
    });
    if (!db) return { entries: 0, bytes: '' };
    const text = (v: unknown): string =>
      v instanceof ArrayBuffer ? String.fromCharCode(...new Uint8Array(v)) : ArrayBuffer.isView(v) ? String.fromCharCode(...new Uint8Array(v.buffer)) : v && typeof v === 'object' ? Object.values(v).map(text).join('|') : String(v);
    let entries = 0;
    let bytes = '';
    for (const name of [...db.objectStoreNames]) {
      const values = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      if (name === 'sealed') entries = values.length;
      bytes += values.map(text).join('\n');
    }
    db.close();
    return { entries, bytes };
  }, KEY_VAULT_DB);
}

/** No remembered key for the checks that follow (the Firefox checks share one profile). */
export async function clearVault(page: Page): Promise<void> {
  await page.evaluate(async (dbName: string) => {
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      const r = indexedDB.open(dbName);
      r.onupgradeneeded = () => r.transaction?.abort();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(undefined);
    });
    if (!db) return;
    for (const name of [...db.objectStoreNames]) {
      await new Promise((resolve) => {
        const r = db.transaction(name, 'readwrite').objectStore(name).clear();
        r.onsuccess = r.onerror = resolve;
      });
    }
    db.close();
  }, KEY_VAULT_DB);
}

/** Pastes the valid token, enters its key and ticks "remember" (the vault is cleared first). */
export async function rememberInPopup(ctx: Parameters<Check['run']>[0]): Promise<Page> {
  const popup = await openPopup(ctx, { lang: 'en' });
  await resetPopupStorage(ctx, popup);
  await clearVault(popup);
  await fill(popup, '#paste', tokens.valid.token);
  await fill(popup, '#verify-key', KEY);
  await check(await byLabel(popup, `Remember this key for SDKAppID ${APP} on this device`));
  await expectVisibleText(popup, `Key remembered for SDKAppID ${APP}`);
  return popup;
}

async function poll<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last seen ${JSON.stringify(v).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The SecretKey in Firefox: remembered only on request, sealed in the extension origin's IndexedDB
 * (which Firefox gives moz-extension pages in the MV2 build), never in storage.local, sync or
 * session; gone after "Forget key" or "Forget all keys"; moved out of storage.local by the first
 * read, one entry at a time; refused under an invalid SDKAppID. A key not remembered is nowhere.
 */
/** A popup on fresh storage with a valid UserSig and its key typed in, nothing remembered. */
async function popupWithKey(ctx: Parameters<Check['run']>[0]): Promise<Page> {
  const popup = await openPopup(ctx, { lang: 'en' });
  await resetPopupStorage(ctx, popup);
  await fill(popup, '#paste', tokens.valid.token);
  await fill(popup, '#verify-key', KEY);
  return popup;
}

const checks: Check[] = [
  {
    name: 'popup: a remembered key survives reopening the popup and is gone after forget',
    mirrors: ['a remembered key survives reopening the popup and is gone after forget'],
    timeoutMs: 30_000,
    async run(ctx) {
      let popup = await rememberInPopup(ctx);
      await popup.close();

      popup = await openPopup(ctx, { lang: 'en' });
      await fill(popup, '#paste', tokens.valid.token);
      await expectValue(popup, '#verify-key', KEY);
      await expectVerdict(popup, 'verified');
      const stored = await storageDump(popup);
      assert.ok(!JSON.stringify(stored).includes(KEY), 'the remembered key is in storage.local, sync or session');
      const vault = await vaultDump(popup);
      assert.equal(vault.entries, 1, 'one key sealed in the vault');
      assert.ok(!vault.bytes.includes(KEY), 'the vault holds the key in plain text');
      await click(await byRole(popup, 'button', 'Forget key'));
      await expectValue(popup, '#verify-key', '');
      await popup.close();

      popup = await openPopup(ctx, { lang: 'en' });
      await fill(popup, '#paste', tokens.valid.token);
      await expectVerdict(popup, 'decoded');
      await expectValue(popup, '#verify-key', '');
      const after = await storageDump(popup);
      assert.ok(!after.local.includes(KEY), 'the forgotten key is in storage.local');
      assert.equal((await vaultDump(popup)).entries, 0, 'the forgotten key is gone from the vault');
    },
  },
  {
    name: 'popup: the remember box stays ticked while the key is being sealed, though the popup renders meanwhile',
    mirrors: ['the remember box stays ticked while the key is being sealed, though the popup renders meanwhile'],
    timeoutMs: 20_000,
    async run(ctx) {
      const popup = await popupWithKey(ctx);
      const box = await byLabel(popup, `Remember this key for SDKAppID ${APP} on this device`);
      // Tick, and in the same task change the key field: the popup renders again before the vault answers.
      const seen = await box.evaluate(async (el) => {
        (el as HTMLInputElement).click();
        const key = document.querySelector('#verify-key') as HTMLInputElement;
        key.value = `${key.value} `;
        key.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return (el as HTMLInputElement).checked;
      });
      assert.equal(seen, true, 'the box as the user sees it right after the click');
      await expectVisibleText(popup, `Key remembered for SDKAppID ${APP}`);
    },
  },
  {
    name: 'popup: a key that is not remembered never reaches storage',
    mirrors: ['a key that is not remembered never reaches storage'],
    timeoutMs: 20_000,
    async run(ctx) {
      const popup = await popupWithKey(ctx);
      await expectVerdict(popup, 'verified');
      await new Promise((r) => setTimeout(r, 300)); // room for a late (debounced) write to show
      const all = await storageDump(popup);
      assert.ok(!JSON.stringify(all).includes(KEY), `the key is in storage: ${JSON.stringify(all).slice(0, 300)}`);
    },
  },
  {
    name: 'popup: a remembered key is sealed in IndexedDB, survives reopening, and "Forget all keys" on the options page forgets it',
    mirrors: ['a remembered key is sealed in the extension\'s IndexedDB, not in storage.local; it survives reopening and "Forget all keys" forgets it'],
    timeoutMs: 40_000,
    async run(ctx) {
      let popup = await rememberInPopup(ctx);
      await poll('one sealed key', () => vaultDump(popup), (v) => v.entries === 1);
      assert.ok(!(await vaultDump(popup)).bytes.includes(KEY), 'the vault holds the key in plain text');
      assert.ok(!JSON.stringify(await storageDump(popup)).includes(KEY), 'the key is in a storage area');
      await popup.close();

      popup = await openPopup(ctx, { lang: 'en' });
      await fill(popup, '#paste', tokens.valid.token);
      await expectValue(popup, '#verify-key', KEY);
      await expectVerdict(popup, 'verified');
      await popup.close();

      const options = await openExtensionPage(ctx, 'options.html?lang=en', await ctx.newPage(), '[data-forget-all]');
      await click(await byRole(options, 'button', 'Forget all keys'));
      await expectVisibleText(options, 'Forget every remembered SecretKey on this device?');
      await click(await byRole(options, 'button', 'Forget all', { exact: true }));
      await expectVisibleText(options, 'All remembered SecretKeys are forgotten.');
      assert.equal((await vaultDump(options)).entries, 0, 'the vault is empty');
      await options.close();

      popup = await openPopup(ctx, { lang: 'en' });
      await fill(popup, '#paste', tokens.valid.token);
      await expectVerdict(popup, 'decoded');
      await expectValue(popup, '#verify-key', '');
    },
  },
  {
    name: 'popup: keys remembered by an earlier version move out of storage.local; a bad entry is dropped with a note',
    mirrors: ['keys remembered by an earlier version move out of storage.local; one bad entry is dropped with a note, the others survive'],
    timeoutMs: 30_000,
    async run(ctx) {
      const popup = await openPopup(ctx, { lang: 'en' });
      await resetPopupStorage(ctx, popup);
      await clearVault(popup);
      await popup.evaluate(async (key: string) => {
        const b = (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser;
        await b.storage.local.set({ rememberedKeys: { '1400000001x': 'bad', '1400000001': key } });
      }, KEY);
      const fresh = await openPopup(ctx, { lang: 'en' });
      await popup.close();
      await fill(fresh, '#paste', tokens.valid.token);
      await expectValue(fresh, '#verify-key', KEY);
      await expectVisibleText(fresh, 'SDKAppID 1400000001x');
      await poll('storage.local without rememberedKeys', () => storageDump(fresh), (d) => !d.local.includes('rememberedKeys'));
      assert.ok(!JSON.stringify(await storageDump(fresh)).includes(KEY), 'the key is still in a storage area');
      await clearVault(fresh);
    },
  },
  {
    name: 'popup: refuses to remember a key under an invalid SDKAppID, and says why',
    mirrors: ['the popup refuses to remember a key under an invalid SDKAppID, and says why'],
    timeoutMs: 20_000,
    async run(ctx) {
      const popup = await openPopup(ctx, { lang: 'en' });
      await resetPopupStorage(ctx, popup);
      await clearVault(popup);
      await fill(popup, '#paste', tokens.valid.token);
      await fill(popup, '#verify-key', KEY);
      await fill(popup, '#verify-app', '1400000001x');
      const box = await byLabel(popup, 'Remember this key for SDKAppID 1400000001x on this device');
      await click(box);
      await expectVisibleText(popup, '“1400000001x” is not an SDKAppID');
      assert.equal(await box.evaluate((e) => (e as HTMLInputElement).checked), false, 'the box stays unticked');
      assert.ok(!JSON.stringify(await storageDump(popup)).includes(KEY), 'the key is in a storage area');
      assert.equal((await vaultDump(popup)).entries, 0, 'nothing sealed');
    },
  },
];

export default checks;

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { attr, findAll, shadowRootsOf, textOf, type DomNode } from './helpers/shadow.ts';
import { KEY_VAULT_DB } from '../../lib/secrets/key-vault-idb.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const t = fixtures.tokens;
const KEY: string = t.valid.key;

/** Every text and attribute of the page, our closed shadow roots included. */
async function everything(page: import('@playwright/test').Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findAll(root, () => true)
      .map((n) => `${n.nodeValue} ${(n.attributes ?? []).join(' ')}`)
      .join('\n');
  } finally {
    await cdp.detach();
  }
}

test('a remembered SecretKey never reaches a console page, its DOM or a copied report', async ({ openPopup, page, serveConsole, clipboard }) => {
  // The user remembers the key of app 1400000001 in the popup.
  const popup = await openPopup({ lang: 'en' });
  await popup.locator('#paste').fill(t.valid.token);
  await popup.locator('#verify-key').fill(KEY);
  await popup.getByLabel(`Remember this key for SDKAppID ${t.valid.sdkAppId} on this device`).check();
  await expect(popup.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'verified');

  // The popup's own report names the verdict, never the key.
  await popup.getByRole('button', { name: 'Copy report' }).click();
  await expect.poll(() => clipboard.read(popup)).toContain('Verified');
  expect(await clipboard.read(popup)).not.toContain(KEY);

  // Every console feature at work on the same app.
  await serveConsole();
  await page.goto('https://console.tencentcloud.com/im/tool-usersig');
  await page.locator('input').first().fill('alice');
  await page.getByRole('button', { name: 'Generate UserSig' }).click();
  await page.locator('textarea').last().fill(t.valid.token);
  await expect(page.locator('[data-imch=decode]')).toHaveCount(2);
  await page.locator('[data-imch=decode]').first().click();
  await expect(page.locator('[data-imch=decode][data-open]')).toHaveCount(1);
  await expect(page.locator('[data-imch=precheck]')).toHaveCount(1);
  const roots = await shadowRootsOf(page, 'decode');
  expect(findAll(roots[0]!, (n) => attr(n, 'role') === 'dialog')).toHaveLength(1);
  expect(roots.map(textOf).join(' ')).toContain('alice');
  expect(roots.map(textOf).join(' ')).not.toContain(KEY);

  const verifier = page.locator('[data-imch=diagnostics][data-tool=usersig-verifier]');
  await verifier.click();
  await expect(verifier).toHaveAttribute('data-open', 'ready', { timeout: 10_000 });
  await clipboard.write('-', page);
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard.read(page)).toContain('UserSig');
  const report = await clipboard.read(page);
  expect(report).not.toContain(KEY);

  const dom = await everything(page);
  expect(dom).toContain('alice');
  expect(dom).not.toContain(KEY);
});

type Page = import('@playwright/test').Page;
declare const chrome: { storage: Record<'local' | 'sync' | 'session', { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> }> };

/** Everything in the extension's storage areas and its key vault, read from an extension page (bytes as text). */
async function storedEverywhere(page: Page): Promise<{ areas: string; vault: string; vaultEntries: number }> {
  return page.evaluate(async (dbName) => {
    const areas = JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]);
    // Opened without creating it: a database that does not exist yet holds nothing.
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      const r = indexedDB.open(dbName);
      r.onupgradeneeded = () => r.transaction?.abort();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(undefined);
    });
    if (!db) return { areas, vault: '', vaultEntries: 0 };
    const bytes = (v: unknown): string =>
      v instanceof ArrayBuffer ? String.fromCharCode(...new Uint8Array(v)) : ArrayBuffer.isView(v) ? String.fromCharCode(...new Uint8Array(v.buffer)) : v && typeof v === 'object' ? Object.values(v).map(bytes).join('|') : String(v);
    let vault = '';
    let vaultEntries = 0;
    for (const name of [...db.objectStoreNames]) {
      const values = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      if (name === 'sealed') vaultEntries = values.length;
      vault += values.map(bytes).join('\n');
    }
    db.close();
    return { areas, vault, vaultEntries };
  }, KEY_VAULT_DB);
}

async function rememberInPopup(openPopup: (q: { lang: 'en' }) => Promise<Page>): Promise<Page> {
  const popup = await openPopup({ lang: 'en' });
  await popup.locator('#paste').fill(t.valid.token);
  await popup.locator('#verify-key').fill(KEY);
  await popup.getByLabel(`Remember this key for SDKAppID ${t.valid.sdkAppId} on this device`).check();
  await expect(popup.getByText(`Key remembered for SDKAppID ${t.valid.sdkAppId}`)).toBeVisible();
  return popup;
}

test('a remembered key is sealed in the extension\'s IndexedDB, not in storage.local; it survives reopening and "Forget all keys" forgets it', async ({ openPopup, openOptions }) => {
  let popup = await rememberInPopup(openPopup);
  await expect.poll(async () => (await storedEverywhere(popup)).vaultEntries).toBe(1);
  const stored = await storedEverywhere(popup);
  expect(stored.areas).not.toContain(KEY);
  expect(stored.vault).not.toContain(KEY);
  await popup.close();

  popup = await openPopup({ lang: 'en' });
  await popup.locator('#paste').fill(t.valid.token);
  await expect(popup.locator('#verify-key')).toHaveValue(KEY);
  await expect(popup.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'verified');
  await popup.close();

  const options = await openOptions({ lang: 'en' });
  await options.getByRole('button', { name: 'Forget all keys' }).click();
  await expect(options.getByText('Forget every remembered SecretKey on this device?')).toBeVisible();
  await options.getByRole('button', { name: 'Forget all', exact: true }).click();
  await expect(options.getByText('All remembered SecretKeys are forgotten.')).toBeVisible();
  expect((await storedEverywhere(options)).vaultEntries).toBe(0);
  await options.close();

  popup = await openPopup({ lang: 'en' });
  await popup.locator('#paste').fill(t.valid.token);
  await expect(popup.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'decoded');
  await expect(popup.locator('#verify-key')).toHaveValue('');
});

test('a content script on a console page cannot read a remembered key', async ({ openPopup, page, serveConsole, context, extensionId }) => {
  await rememberInPopup(openPopup);
  await serveConsole();
  await page.goto('https://console.tencentcloud.com/im/tool-usersig');
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context as (typeof worlds)[0]));
  await cdp.send('Runtime.enable');
  const ours = () => worlds.find((w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`);
  await expect.poll(() => ours() !== undefined, { message: 'content script injected' }).toBe(true);
  // What the content script's world can reach: storage.local, and IndexedDB (the page origin's).
  const probe = `(async () => {
    const local = JSON.stringify(await chrome.storage.local.get(null));
    const stores = await new Promise((resolve) => {
      const r = indexedDB.open(${JSON.stringify(KEY_VAULT_DB)});
      r.onsuccess = () => { const names = [...r.result.objectStoreNames]; r.result.close(); resolve(names); };
      r.onerror = () => resolve('error: ' + r.error);
    });
    return { local, stores, origin: location.origin };
  })()`;
  const { result } = (await cdp.send('Runtime.evaluate', { expression: probe, contextId: ours()!.id, awaitPromise: true, returnByValue: true })) as { result: { value: { local: string; stores: unknown; origin: string } } };
  await cdp.detach();
  expect(result.value.origin).toBe('https://console.tencentcloud.com');
  expect(result.value.local).not.toContain(KEY);
  expect(result.value.stores).toEqual([]);
});

test('keys remembered by an earlier version move out of storage.local; one bad entry is dropped with a note, the others survive', async ({ openPopup }) => {
  const popup = await openPopup({ lang: 'en' });
  await popup.evaluate((key) => chrome.storage.local.set({ rememberedKeys: { '1400000001x': 'bad', '1400000001': key } }), KEY);
  await popup.reload();
  await popup.locator('#paste').fill(t.valid.token);
  await expect(popup.locator('#verify-key')).toHaveValue(KEY);
  await expect(popup.locator('[data-part=remember-note]')).toContainText('SDKAppID 1400000001x');
  await expect.poll(async () => (await storedEverywhere(popup)).areas).not.toContain('rememberedKeys');
  expect((await storedEverywhere(popup)).areas).not.toContain(KEY);
});

test('the popup refuses to remember a key under an invalid SDKAppID, and says why', async ({ openPopup }) => {
  const popup = await openPopup({ lang: 'en' });
  await popup.locator('#paste').fill(t.valid.token);
  await popup.locator('#verify-key').fill(KEY);
  await popup.locator('#verify-app').fill('1400000001x');
  const box = popup.getByLabel('Remember this key for SDKAppID 1400000001x on this device');
  await box.click();
  await expect(popup.locator('[data-part=remember-note]')).toContainText('“1400000001x” is not an SDKAppID');
  await expect(box).not.toBeChecked();
  const stored = await storedEverywhere(popup);
  expect(stored.areas).not.toContain(KEY);
  expect(stored.vaultEntries).toBe(0);
});

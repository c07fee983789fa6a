// The extension origin's IndexedDB as a SecretStore. Content scripts run with the page's origin, so
// its IndexedDB is not this one: they cannot open it.
import type { Sealed, SecretStore } from './key-vault.ts';

/** Also read by the browser tests, to show what is stored. */
export const KEY_VAULT_DB = 'imch-remembered-keys';
const SEALED = 'sealed';
const META = 'meta';
const WRAPPING = 'wrapping-key';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openAt(idb: IDBFactory, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? idb.open(KEY_VAULT_DB) : idb.open(KEY_VAULT_DB, version);
    request.onupgradeneeded = () => {
      for (const name of [SEALED, META]) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

/** Opens the vault's database, adding its stores if an older or foreign version lacks them. */
async function openDb(idb: IDBFactory): Promise<IDBDatabase> {
  const db = await openAt(idb);
  if (db.objectStoreNames.contains(SEALED) && db.objectStoreNames.contains(META)) return db;
  const next = db.version + 1;
  db.close();
  return openAt(idb, next);
}

/** The store, or undefined when this browser gives the page no IndexedDB (Firefox private browsing may not). */
export async function openIdbSecretStore(idb: IDBFactory | undefined = globalThis.indexedDB): Promise<SecretStore | undefined> {
  let db: IDBDatabase;
  try {
    if (!idb) return undefined;
    db = await openDb(idb);
  } catch {
    return undefined;
  }
  const run = async <T>(name: string, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    done(act(db.transaction(name, mode).objectStore(name)));
  return {
    persistent: true,
    wrappingKey: () => run(META, 'readonly', (s) => s.get(WRAPPING)),
    addWrappingKey: (key) => run(META, 'readwrite', (s) => s.add(key, WRAPPING)).then(
      () => true,
      () => false, // ConstraintError: another page stored one first
    ),
    get: (sdkAppId) => run(SEALED, 'readonly', (s) => s.get(sdkAppId)),
    put: async (sdkAppId, sealed: Sealed) => void (await run(SEALED, 'readwrite', (s) => s.put(sealed, sdkAppId))),
    delete: async (sdkAppId) => void (await run(SEALED, 'readwrite', (s) => s.delete(sdkAppId))),
    clear: async () => {
      await run(SEALED, 'readwrite', (s) => s.clear());
      await run(META, 'readwrite', (s) => s.clear());
    },
  };
}

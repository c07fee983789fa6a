import { z } from '../../lib/zod.ts';

// A big pasted text travels from the popup to the decoder tab through the extension's own
// IndexedDB (no size limit that matters, nothing synced), read once and deleted.
const DB = 'imch-handoff';
const STORE = 'texts';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function request<T>(run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const r = run(d.transaction(STORE, 'readwrite').objectStore(STORE));
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      }),
  );
}

/**
 * Keeps `text` for the decoder tab; returns the id to pass it. A text no tab took (the tab was
 * closed before it loaded) holds UserSigs: it goes now, so at most one is ever kept.
 */
export async function putText(text: string): Promise<string> {
  const id = crypto.randomUUID();
  await request((s) => s.clear());
  await request((s) => s.put(text, id));
  return id;
}

/** The text kept under `id`, once: it is deleted as it is read. */
export async function takeText(id: string): Promise<string | undefined> {
  try {
    const value = z.string().safeParse(await request((s) => s.get(id)));
    await request((s) => s.delete(id));
    return value.success ? value.data : undefined;
  } catch {
    return undefined;
  }
}

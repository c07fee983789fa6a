// Remembered SecretKeys: opt-in, sealed with a non-extractable AES-GCM key, in a store only the
// extension's own pages reach (the extension origin's IndexedDB, key-vault-idb.ts). Content scripts
// read `storage.local`, where keys were kept before: those are moved here on first read.
import { scopeFromText } from '../storage/app-scope.ts';
import { z } from '../zod.ts';

/** One sealed key: AES-GCM ciphertext, its IV, the SDKAppID bound in as additional data. */
export interface Sealed {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

/** Where sealed keys and the wrapping key live. IndexedDB in the extension; memory in tests or when IndexedDB is refused. */
export interface SecretStore {
  /** False when nothing outlives the page (memory only). */
  readonly persistent: boolean;
  wrappingKey(): Promise<unknown>;
  /** Stores the wrapping key unless one is there already; false then. */
  addWrappingKey(key: CryptoKey): Promise<boolean>;
  get(sdkAppId: string): Promise<unknown>;
  put(sdkAppId: string, sealed: Sealed): Promise<void>;
  delete(sdkAppId: string): Promise<void>;
  /** Every sealed key and the wrapping key. */
  clear(): Promise<void>;
}

/** Where keys were kept before (`storage.local`'s `rememberedKeys`). */
export interface LegacyKeys {
  read(): Promise<unknown>;
  remove(): Promise<void>;
}

export type DroppedReason = 'invalid-sdkappid' | 'invalid-key' | 'not-a-record';
export interface DroppedKey {
  /** The stored SDKAppID text, shortened; never the key. */
  readonly sdkAppId: string;
  readonly reason: DroppedReason;
}

export const KEY_MAX_LENGTH = 4096;

const SealedSchema = z.object({ iv: z.custom<Uint8Array<ArrayBuffer>>((v) => v instanceof Uint8Array && v.length === 12), data: z.instanceof(ArrayBuffer) });
const KeySchema = z.string().check(z.minLength(1), z.maxLength(KEY_MAX_LENGTH));
const LegacySchema = z.record(z.string(), z.unknown());

/** The SDKAppID text a key may be remembered under (a real app, not "any"), or undefined. */
export function keyAppOf(text: string): string | undefined {
  const scope = scopeFromText(text.trim());
  return typeof scope === 'number' ? String(scope) : undefined;
}

/** Old entries one by one: one bad entry is dropped with a note, the others survive. */
export function parseLegacyKeys(raw: unknown): { keys: Array<[string, string]>; dropped: DroppedKey[] } {
  if (raw === undefined || raw === null) return { keys: [], dropped: [] };
  const record = LegacySchema.safeParse(raw);
  if (!record.success || Array.isArray(raw)) return { keys: [], dropped: [{ sdkAppId: '', reason: 'not-a-record' }] };
  const keys: Array<[string, string]> = [];
  const dropped: DroppedKey[] = [];
  for (const [app, value] of Object.entries(record.data)) {
    const sdkAppId = keyAppOf(app);
    const key = KeySchema.safeParse(value);
    if (sdkAppId === undefined) dropped.push({ sdkAppId: app.slice(0, 40), reason: 'invalid-sdkappid' });
    else if (!key.success) dropped.push({ sdkAppId, reason: 'invalid-key' });
    else keys.push([sdkAppId, key.data]);
  }
  return { keys, dropped };
}

const encoder = new TextEncoder();

export interface KeyVault {
  readonly persistent: boolean;
  keyFor(sdkAppId: string): Promise<string | undefined>;
  /** False (nothing stored) when the SDKAppID is not a real app's. */
  remember(sdkAppId: string, key: string): Promise<boolean>;
  forget(sdkAppId: string): Promise<void>;
  forgetAll(): Promise<void>;
  /** What the move from `storage.local` dropped (empty once it ran clean, or had nothing to move). */
  migration(): Promise<DroppedKey[]>;
}

export function createKeyVault(store: SecretStore, legacy: LegacyKeys, crypto: Crypto = globalThis.crypto): KeyVault {
  let wrapping: Promise<CryptoKey> | undefined;
  const storedKey = async () => {
    const stored = await store.wrappingKey();
    return stored && typeof stored === 'object' && (stored as CryptoKey).type === 'secret' ? (stored as CryptoKey) : undefined;
  };
  const wrappingKey = () =>
    (wrapping ??= (async () => {
      const stored = await storedKey();
      if (stored) return stored;
      const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      // Another extension page may have made one at the same moment: the first one stored wins.
      if (await store.addWrappingKey(made)) return made;
      const theirs = await storedKey();
      if (!theirs) throw new Error('the key vault has no wrapping key');
      return theirs;
    })());

  const seal = async (sdkAppId: string, key: string): Promise<Sealed> => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(sdkAppId) }, await wrappingKey(), encoder.encode(key));
    return { iv, data };
  };
  const open = async (sdkAppId: string, raw: unknown): Promise<string | undefined> => {
    const sealed = SealedSchema.safeParse(raw);
    if (!sealed.success) return undefined;
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.data.iv, additionalData: encoder.encode(sdkAppId) }, await wrappingKey(), sealed.data.data);
      const key = KeySchema.safeParse(new TextDecoder().decode(plain));
      return key.success ? key.data : undefined;
    } catch {
      return undefined; // sealed under a wrapping key since forgotten, or altered: as good as absent
    }
  };

  let migrated: Promise<DroppedKey[]> | undefined;
  const migration = () =>
    (migrated ??= (async () => {
      const { keys, dropped } = parseLegacyKeys(await legacy.read());
      for (const [sdkAppId, key] of keys) {
        if ((await open(sdkAppId, await store.get(sdkAppId))) === undefined) await store.put(sdkAppId, await seal(sdkAppId, key));
      }
      if (keys.length > 0 || dropped.length > 0) await legacy.remove();
      return dropped;
    })());

  return {
    persistent: store.persistent,
    migration,
    async keyFor(sdkAppId) {
      const app = keyAppOf(sdkAppId);
      if (app === undefined) return undefined;
      await migration();
      return open(app, await store.get(app));
    },
    async remember(sdkAppId, key) {
      const app = keyAppOf(sdkAppId);
      if (app === undefined || !KeySchema.safeParse(key).success) return false;
      await migration();
      await store.put(app, await seal(app, key));
      return true;
    },
    async forget(sdkAppId) {
      const app = keyAppOf(sdkAppId);
      if (app === undefined) return;
      await migration();
      await store.delete(app);
    },
    async forgetAll() {
      await migration();
      await store.clear();
      wrapping = undefined;
    },
  };
}

/** Keys held in memory only: the stand-in when IndexedDB is refused (private browsing), and in tests. */
export function memorySecretStore(): SecretStore & { readonly entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  let wrapping: CryptoKey | undefined;
  return {
    persistent: false,
    entries,
    wrappingKey: async () => wrapping,
    addWrappingKey: async (key) => {
      if (wrapping) return false;
      wrapping = key;
      return true;
    },
    get: async (sdkAppId) => entries.get(sdkAppId),
    put: async (sdkAppId, sealed) => void entries.set(sdkAppId, sealed),
    delete: async (sdkAppId) => void entries.delete(sdkAppId),
    clear: async () => {
      entries.clear();
      wrapping = undefined;
    },
  };
}

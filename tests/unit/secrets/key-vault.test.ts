/** Remembered SecretKeys: sealed, moved out of storage.local one entry at a time, forgotten on demand. */
import { describe, expect, it } from 'vitest';
import { createKeyVault, keyAppOf, memorySecretStore, parseLegacyKeys, type LegacyKeys } from '../../../lib/secrets/key-vault.ts';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const K2 = 'a'.repeat(64);

/** storage.local's old `rememberedKeys`, as the popup left it. */
function legacy(value: unknown): LegacyKeys & { value: unknown; removed: number } {
  const l = {
    value,
    removed: 0,
    read: async () => l.value,
    remove: async () => {
      l.value = undefined;
      l.removed++;
    },
  };
  return l;
}

const bytesOf = (v: unknown) => {
  const s = v as { iv: Uint8Array; data: ArrayBuffer };
  return new TextDecoder('latin1').decode(new Uint8Array(s.data)) + new TextDecoder('latin1').decode(s.iv);
};

describe('keyAppOf: only a real SDKAppID can hold a key', () => {
  it.each([
    ['1400000001', '1400000001'],
    [' 1600000002 ', '1600000002'],
    ['1400000001x', undefined],
    ['any', undefined],
    ['', undefined],
    ['0', undefined],
    ['01400000001', undefined],
    ['99999999999', undefined],
  ])('%j → %j', (text, app) => expect(keyAppOf(text)).toBe(app));
});

describe('parseLegacyKeys', () => {
  it('one bad entry is dropped with a note; the others survive (it used to hide them all)', () => {
    const { keys, dropped } = parseLegacyKeys({ '1400000001': K1, '1400000001x': K2, '1600000002': K2, '1400000003': 42, '1400000004': '' });
    expect(keys).toEqual([['1400000001', K1], ['1600000002', K2]]);
    expect(dropped.sort((a, b) => a.sdkAppId.localeCompare(b.sdkAppId))).toEqual([
      { sdkAppId: '1400000001x', reason: 'invalid-sdkappid' },
      { sdkAppId: '1400000003', reason: 'invalid-key' },
      { sdkAppId: '1400000004', reason: 'invalid-key' },
    ]);
  });
  it('nothing stored, or something that is not a record', () => {
    expect(parseLegacyKeys(undefined)).toEqual({ keys: [], dropped: [] });
    expect(parseLegacyKeys('x')).toEqual({ keys: [], dropped: [{ sdkAppId: '', reason: 'not-a-record' }] });
    expect(parseLegacyKeys([K1])).toEqual({ keys: [], dropped: [{ sdkAppId: '', reason: 'not-a-record' }] });
  });
});

describe('createKeyVault', () => {
  it('moves storage.local keys into the vault on first read, sealed, and deletes them there', async () => {
    const store = memorySecretStore();
    const old = legacy({ '1400000001': K1, '1400000001x': K2, '1600000002': K2 });
    const vault = createKeyVault(store, old);
    expect(await vault.keyFor('1400000001')).toBe(K1);
    expect(await vault.keyFor('1600000002')).toBe(K2);
    expect(await vault.migration()).toEqual([{ sdkAppId: '1400000001x', reason: 'invalid-sdkappid' }]);
    expect(old.value).toBeUndefined();
    expect(old.removed).toBe(1);
    expect([...store.entries.keys()].sort()).toEqual(['1400000001', '1600000002']);
    for (const sealed of store.entries.values()) {
      expect(bytesOf(sealed)).not.toContain(K1);
      expect(bytesOf(sealed)).not.toContain(K2);
    }
    // A second vault over the same store (the popup reopened) reads them; nothing left to move.
    const again = createKeyVault(store, old);
    expect(await again.keyFor('1400000001')).toBe(K1);
    expect(await again.migration()).toEqual([]);
    expect(old.removed).toBe(1);
  });

  it('does not overwrite a key already in the vault with an old one', async () => {
    const store = memorySecretStore();
    await createKeyVault(store, legacy(undefined)).remember('1400000001', K2);
    const vault = createKeyVault(store, legacy({ '1400000001': K1 }));
    expect(await vault.keyFor('1400000001')).toBe(K2);
  });

  it('refuses to remember under an invalid SDKAppID or an empty key', async () => {
    const store = memorySecretStore();
    const vault = createKeyVault(store, legacy(undefined));
    for (const app of ['1400000001x', 'any', '', '0']) expect(await vault.remember(app, K1)).toBe(false);
    expect(await vault.remember('1400000001', '')).toBe(false);
    expect(store.entries.size).toBe(0);
    expect(await vault.remember(' 1400000001', K1)).toBe(true);
    expect(await vault.keyFor('1400000001')).toBe(K1);
  });

  it('seals with a non-extractable AES-GCM key bound to the SDKAppID', async () => {
    const store = memorySecretStore();
    const vault = createKeyVault(store, legacy(undefined));
    await vault.remember('1400000001', K1);
    const wrapping = (await store.wrappingKey()) as CryptoKey;
    expect(wrapping.extractable).toBe(false);
    expect(wrapping.algorithm.name).toBe('AES-GCM');
    await expect(crypto.subtle.exportKey('raw', wrapping)).rejects.toThrow();
    // The same sealed bytes under another app do not open (the SDKAppID is the additional data).
    await store.put('1600000002', store.entries.get('1400000001') as never);
    expect(await vault.keyFor('1600000002')).toBeUndefined();
    // Altered or malformed entries read as absent, never throw.
    store.entries.set('1400000009', { iv: new Uint8Array(3), data: 'x' });
    expect(await vault.keyFor('1400000009')).toBeUndefined();
  });

  it('forgets one key, then all of them (and the wrapping key)', async () => {
    const store = memorySecretStore();
    const vault = createKeyVault(store, legacy(undefined));
    await vault.remember('1400000001', K1);
    await vault.remember('1600000002', K2);
    await vault.forget('1400000001');
    expect(await vault.keyFor('1400000001')).toBeUndefined();
    expect(await vault.keyFor('1600000002')).toBe(K2);
    const before = await store.wrappingKey();
    await vault.forgetAll();
    expect(store.entries.size).toBe(0);
    expect(await vault.keyFor('1600000002')).toBeUndefined();
    // Remembering again makes a new wrapping key.
    await vault.remember('1600000002', K2);
    expect(await store.wrappingKey()).not.toBe(before);
    expect(await vault.keyFor('1600000002')).toBe(K2);
  });

  it('two pages making the wrapping key at once end up with the one stored first', async () => {
    const store = memorySecretStore();
    const [a, b] = [createKeyVault(store, legacy(undefined)), createKeyVault(store, legacy(undefined))];
    await Promise.all([a.remember('1400000001', K1), b.remember('1600000002', K2)]);
    expect(await createKeyVault(store, legacy(undefined)).keyFor('1400000001')).toBe(K1);
    expect(await createKeyVault(store, legacy(undefined)).keyFor('1600000002')).toBe(K2);
  });

  it('a memory-only store says so', () => {
    expect(createKeyVault(memorySecretStore(), legacy(undefined)).persistent).toBe(false);
  });
});

describe('openIdbSecretStore where IndexedDB is refused (Firefox private browsing may refuse it)', () => {
  it('gives no store, so the vault falls back to memory (and the popup says keys last until it closes)', async () => {
    const { openIdbSecretStore } = await import('../../../lib/secrets/key-vault-idb.ts');
    const throwing = { open: () => { throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'); } } as unknown as IDBFactory;
    expect(await openIdbSecretStore(throwing)).toBeUndefined();
    const failing = {
      open: () => {
        const request = { error: new DOMException('denied', 'SecurityError') } as unknown as IDBOpenDBRequest;
        queueMicrotask(() => request.onerror?.(new Event('error')));
        return request;
      },
    } as unknown as IDBFactory;
    expect(await openIdbSecretStore(failing)).toBeUndefined();
  });
});

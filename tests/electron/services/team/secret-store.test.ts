/**
 * The secret store keeps passwords encrypted by the OS keychain (Electron's safeStorage) and never
 * writes them as text. Electron cannot run here, so the keychain is stood in for by a real
 * AES-GCM cipher whose key lives only in memory, as the OS keychain's key does.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createKeychainSecretStore,
  createMemorySecretStore,
  type SafeStorageLike,
} from '../../../../electron/services/team/secret-store';

const PASSWORD = 'pa55-w0rd!correct horse';

/** A keychain: AES-256-GCM with a key nobody else has. */
function keychain(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** Every file's bytes under `dir`, as text, to look for a password. */
function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glossa-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('keychain secret store', () => {
  it('saves a password encrypted, loads it back, and never writes it as text', () => {
    const chain = keychain();
    const path = join(dir, 'team-secrets.json');
    const store = createKeychainSecretStore(path, chain);
    expect(store.available()).toBe(true);
    store.save('postgres:ana@db:5432', PASSWORD);
    expect(existsSync(path)).toBe(true);
    expect(everything(dir)).not.toContain(PASSWORD);
    expect(everything(dir)).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    // A fresh store (the next start) reads it back through the keychain.
    expect(createKeychainSecretStore(path, chain).load('postgres:ana@db:5432')).toBe(PASSWORD);
  });

  it('forgets a password, and removes the file when nothing is left', () => {
    const path = join(dir, 'team-secrets.json');
    const store = createKeychainSecretStore(path, keychain());
    store.save('a', 'one');
    store.save('b', 'two');
    store.remove('a');
    expect(store.load('a')).toBeNull();
    expect(store.load('b')).toBe('two');
    store.remove('b');
    expect(existsSync(path)).toBe(false);
  });

  it('another keychain (another user) cannot read the file: as good as not saved', () => {
    const path = join(dir, 'team-secrets.json');
    createKeychainSecretStore(path, keychain()).save('a', PASSWORD);
    expect(createKeychainSecretStore(path, keychain()).load('a')).toBeNull();
  });

  it.each([
    ['no keychain', { available: false }],
    ['Linux basic_text (a fixed key, no protection)', { backend: 'basic_text' }],
  ])('with %s, keeps the password in memory for the session only', (_name, options) => {
    const path = join(dir, 'team-secrets.json');
    const store = createKeychainSecretStore(path, keychain(options));
    expect(store.available()).toBe(false);
    store.save('a', PASSWORD);
    expect(store.load('a')).toBe(PASSWORD);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a damaged file reads as empty and is replaced by the next save', () => {
    const path = join(dir, 'team-secrets.json');
    const chain = keychain();
    const store = createKeychainSecretStore(path, chain);
    store.save('a', 'one');
    writeFileSync(path, '{ torn');
    expect(store.load('a')).toBeNull();
    store.save('b', 'two');
    expect(createKeychainSecretStore(path, chain).load('b')).toBe('two');
  });
});

describe('memory secret store', () => {
  it('holds secrets for the session and says they do not outlive it', () => {
    const store = createMemorySecretStore();
    expect(store.available()).toBe(false);
    store.save('a', PASSWORD);
    expect(store.load('a')).toBe(PASSWORD);
    store.remove('a');
    expect(store.load('a')).toBeNull();
  });
});

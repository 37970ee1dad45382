/**
 * Where team sync keeps passwords (issue 7): never in plain text. In Electron a password is
 * encrypted by the operating system's keychain (safeStorage) and only the encrypted bytes are
 * written, to a file in the user-data folder. Where no keychain is there (browser mode, a Linux
 * desktop without a secret service) passwords live in memory for the session only.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../atomic-write';

export interface SecretStore {
  /** True when saved secrets outlive this session (an OS keychain encrypts them). */
  available(): boolean;
  save(name: string, secret: string): void;
  load(name: string): string | null;
  remove(name: string): void;
}

/** The part of Electron's safeStorage the store uses (so it is built and tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded key, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

/** Secrets for this session only: nothing is written anywhere. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    available: () => false,
    save: (name, secret) => void secrets.set(name, secret),
    load: (name) => secrets.get(name) ?? null,
    remove: (name) => void secrets.delete(name),
  };
}

/** Beside team-sync.json in the user-data folder. */
export const TEAM_SECRETS_FILE_NAME = 'team-secrets.json';

/** The file holds `{ name: base64 of the keychain-encrypted bytes }`; never a password itself. */
type EncryptedFile = Record<string, string>;

/**
 * Secrets encrypted by the OS keychain, kept in `path`. When the keychain cannot encrypt (or, on
 * Linux, would only obfuscate with a fixed key) secrets are kept in memory for the session.
 */
export function createKeychainSecretStore(path: string, safeStorage: SafeStorageLike): SecretStore {
  const session = createMemorySecretStore();
  const protectedByKeychain = (): boolean => {
    try {
      if (!safeStorage.isEncryptionAvailable()) return false;
      return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      return false;
    }
  };
  const read = (): EncryptedFile => {
    if (!existsSync(path)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as EncryptedFile)
        : {};
    } catch {
      return {};
    }
  };
  const write = (file: EncryptedFile): void => {
    mkdirSync(dirname(path), { recursive: true });
    if (Object.keys(file).length === 0) rmSync(path, { force: true });
    else writeFileAtomic(path, JSON.stringify(file));
  };

  return {
    available: protectedByKeychain,
    save(name, secret) {
      if (!protectedByKeychain()) {
        session.save(name, secret);
        return;
      }
      const file = read();
      file[name] = safeStorage.encryptString(secret).toString('base64');
      write(file);
      session.remove(name);
    },
    load(name) {
      const sessionSecret = session.load(name);
      if (sessionSecret !== null) return sessionSecret;
      const encrypted = read()[name];
      if (typeof encrypted !== 'string' || !protectedByKeychain()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        // Encrypted by another user or keychain: as good as not saved.
        return null;
      }
    },
    remove(name) {
      session.remove(name);
      const file = read();
      if (!(name in file)) return;
      delete file[name];
      write(file);
    },
  };
}

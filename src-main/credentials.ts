/**
 * The team server credentials, kept with the OS keychain: `safeStorage` encrypts each with a key
 * the keychain holds (Keychain on macOS, DPAPI on Windows, libsecret or kwallet on Linux), and only
 * the ciphertext is written, to one file in the user-data folder. A password is never written in
 * plain text: where the keychain cannot encrypt (no keyring on Linux, where Electron falls back to
 * a key built into every copy of Chromium), nothing is written and the renderer keeps the
 * credential for the session only.
 */
import { readFile } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { CredentialsKept } from '../src-shared/ipc/contract';
import type { TeamCredentials } from '../src-shared/team/credentials';
import { writeFileAtomic } from './atomic-write';

export interface CredentialStore {
  load(server: string): Promise<TeamCredentials | null>;
  save(server: string, credentials: TeamCredentials): Promise<CredentialsKept>;
  forget(server: string): Promise<void>;
}

/** The file: each team database's address → its credential's ciphertext, base64. */
const storedSchema = z.record(z.string(), z.string());
const credentialsSchema = z.strictObject({ username: z.string(), password: z.string() });

/** Whether `safeStorage` protects with a key of this machine's keychain, not Chromium's built-in one. */
export function keychainEncrypts(platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function createCredentialStore(file: string): CredentialStore {
  async function readStored(): Promise<Record<string, string>> {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '{}';
      throw error;
    });
    // A file someone else wrote, or cut short: the credentials are asked for again, not trusted.
    try {
      const parsed = storedSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async function writeStored(stored: Record<string, string>): Promise<void> {
    await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(stored)));
  }

  async function forget(server: string): Promise<void> {
    const stored = await readStored();
    if (!(server in stored)) return;
    delete stored[server];
    await writeStored(stored);
  }

  return {
    async load(server) {
      const ciphertext = (await readStored())[server];
      if (ciphertext === undefined || !safeStorage.isEncryptionAvailable()) return null;
      try {
        const parsed = credentialsSchema.safeParse(
          JSON.parse(safeStorage.decryptString(Buffer.from(ciphertext, 'base64'))),
        );
        return parsed.success ? parsed.data : null;
      } catch {
        // Encrypted under another keychain (a copied profile, a reset keyring): sign in again.
        return null;
      }
    },
    async save(server, credentials) {
      if (!keychainEncrypts()) {
        // No older credential for this server may outlive the one given now.
        await forget(server);
        return 'session';
      }
      const stored = await readStored();
      stored[server] = safeStorage.encryptString(JSON.stringify(credentials)).toString('base64');
      await writeStored(stored);
      return 'keychain';
    },
    forget,
  };
}

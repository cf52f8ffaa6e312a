import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { createCredentialStore, keychainEncrypts } from '../../src-main/credentials';
import { fakeSafeStorage, resetElectronMock } from './electron-mock';

const SERVER = 'https://couch.example.org/sckjb';
const OTHER = 'http://127.0.0.1:5984/trial';
const EDITOR = { username: '编辑甲', password: 'correct horse 电池' };

let folder: string;
let file: string;
beforeEach(() => {
  resetElectronMock();
  folder = mkdtempSync(join(tmpdir(), 'galley-credentials-'));
  file = join(folder, 'team-credentials.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the credential store', () => {
  it('should keep a credential with the keychain and give it back after a restart', async () => {
    await expect(createCredentialStore(file).save(SERVER, EDITOR)).resolves.toBe('keychain');

    await expect(createCredentialStore(file).load(SERVER)).resolves.toEqual(EDITOR);
    await expect(createCredentialStore(file).load(OTHER)).resolves.toBeNull();
  });

  it('should never write the name or password in plain text', async () => {
    await createCredentialStore(file).save(SERVER, EDITOR);

    const written = readFileSync(file, 'utf8');
    // Base64 is only an encoding: what it holds is looked at too.
    const decoded = Object.values(JSON.parse(written) as Record<string, string>).map((value) =>
      Buffer.from(value, 'base64').toString('utf8'),
    );
    for (const text of [written, ...decoded]) {
      for (const secret of [EDITOR.password, EDITOR.username, 'horse']) expect(text, secret).not.toContain(secret);
    }
  });

  it.each([
    ['no encryption at all', () => (fakeSafeStorage.available = false)],
    ["Chromium's built-in key on Linux", () => (fakeSafeStorage.backend = 'basic_text')],
  ])('should write nothing with %s, and say the credential lasts the session', async (_label, degrade) => {
    const store = createCredentialStore(file);
    await store.save(SERVER, EDITOR);
    degrade();

    await expect(store.save(SERVER, { ...EDITOR, password: 'new' })).resolves.toBe('session');
    // The one kept before is gone too: it must not come back in place of the new one.
    await expect(store.load(SERVER)).resolves.toBeNull();
  });

  it("should take Linux's built-in key for a keychain on no other system", () => {
    fakeSafeStorage.backend = 'basic_text';
    expect(keychainEncrypts('linux')).toBe(false);
    expect(keychainEncrypts('darwin')).toBe(true);
  });

  it('should forget one server and keep the others', async () => {
    const store = createCredentialStore(file);
    await store.save(SERVER, EDITOR);
    await store.save(OTHER, { username: '乙', password: 'p' });

    await store.forget(SERVER);

    await expect(store.load(SERVER)).resolves.toBeNull();
    await expect(store.load(OTHER)).resolves.toEqual({ username: '乙', password: 'p' });
  });

  it('should ask again, not fail, for a file it cannot read as its own', async () => {
    writeFileSync(file, '{"https://couch.example.org/sckjb": 12');
    await expect(createCredentialStore(file).load(SERVER)).resolves.toBeNull();
    writeFileSync(file, JSON.stringify({ [SERVER]: Buffer.from('not json under the cipher').toString('base64') }));
    await expect(createCredentialStore(file).load(SERVER)).resolves.toBeNull();
  });

  it('should not create the file to forget what it never held', async () => {
    await createCredentialStore(file).forget(SERVER);
    expect(existsSync(file)).toBe(false);
  });
});

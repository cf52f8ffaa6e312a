import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import type { SaveRequest } from '../../src-shared/ipc/contract';
import type { CredentialStore } from '../../src-main/credentials';
import type { Files } from '../../src-main/files';
import { ipcHandlers, registerIpcHandlers } from '../../src-main/ipc';
import { recorded, resetElectronMock } from './electron-mock';

const ORIGIN = 'app://galley';
const TRUSTED_FRAME = { url: 'app://galley/index.html', parent: null };

function fakeFiles() {
  return {
    listSeeds: vi.fn(async () => [{ name: 'a.txt', bytes: new Uint8Array([1]) }]),
    openFiles: vi.fn(async () => []),
    saveFiles: vi.fn(async (_request: SaveRequest) => ({ saved: false as const })),
  } satisfies Files;
}

function invoke(channel: string, senderFrame: unknown, ...args: unknown[]) {
  const listener = recorded.ipcHandlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return (listener as (...all: unknown[]) => Promise<unknown>)({ senderFrame }, ...args);
}

function fakeCredentials() {
  return {
    load: vi.fn(async () => null),
    save: vi.fn(async () => 'keychain' as const),
    forget: vi.fn(async () => undefined),
  } satisfies CredentialStore;
}

let files: ReturnType<typeof fakeFiles>;
let credentials: ReturnType<typeof fakeCredentials>;
beforeEach(() => {
  resetElectronMock();
  files = fakeFiles();
  credentials = fakeCredentials();
  registerIpcHandlers(ipcHandlers(files, credentials), ORIGIN);
});

describe('IPC handlers', () => {
  it('should serve a trusted main frame with valid arguments', async () => {
    await expect(invoke('seeds.list', TRUSTED_FRAME)).resolves.toEqual([{ name: 'a.txt', bytes: new Uint8Array([1]) }]);
    const request = { suggestedName: 'x.zip', files: [{ name: 'a.txt', data: new Uint8Array([65]) }] };
    await expect(invoke('files.save', TRUSTED_FRAME, request)).resolves.toEqual({ saved: false });
    expect(files.saveFiles).toHaveBeenCalledWith(request);
  });

  it.each([
    ['a remote page', { url: 'https://example.com/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['an iframe of the app', { url: 'app://galley/index.html', parent: TRUSTED_FRAME }],
    ['a destroyed frame', null],
  ])('should refuse %s before looking at the arguments or touching files', async (_label, frame) => {
    for (const channel of ['seeds.list', 'files.open', 'files.save', 'credentials.load']) {
      await expect(invoke(channel, frame), channel).rejects.toThrow(
        `${channel} refused: the sender is not a Galley page`,
      );
    }
    expect(files.listSeeds).not.toHaveBeenCalled();
    expect(files.openFiles).not.toHaveBeenCalled();
    expect(files.saveFiles).not.toHaveBeenCalled();
  });

  it.each([
    ['seeds.list', ['/etc']],
    ['files.open', [{ defaultPath: '/etc' }]],
    ['files.save', [{ suggestedName: 'x', files: [{ name: 'a.txt', data: 'not bytes' }] }]],
    ['files.save', [{ suggestedName: 'x', files: [{ name: 'a.txt', data: new Uint8Array() }], folder: '/etc' }]],
    ['files.save', []],
    ['credentials.load', ['http://couch.example.org/sckjb']],
    ['credentials.load', ['https://couch.example.org/sckjb/']],
    ['credentials.save', ['https://couch.example.org/sckjb', { username: '甲' }]],
    ['credentials.save', ['https://couch.example.org/sckjb', { username: '甲', password: 'x', keep: 'plain' }]],
    ['credentials.forget', ['']],
  ])('should refuse %s with bad arguments %o', async (channel, args) => {
    await expect(invoke(channel, TRUSTED_FRAME, ...args)).rejects.toThrow(`invalid arguments for ${channel}`);
    expect(files.listSeeds).not.toHaveBeenCalled();
    expect(files.openFiles).not.toHaveBeenCalled();
    expect(files.saveFiles).not.toHaveBeenCalled();
    expect(credentials.load).not.toHaveBeenCalled();
    expect(credentials.save).not.toHaveBeenCalled();
    expect(credentials.forget).not.toHaveBeenCalled();
  });

  it('should hand a team credential to the store for a checked address', async () => {
    const given = { username: '甲', password: 'secret' };
    await expect(invoke('credentials.save', TRUSTED_FRAME, 'https://couch.example.org/sckjb', given)).resolves.toBe(
      'keychain',
    );
    expect(credentials.save).toHaveBeenCalledWith('https://couch.example.org/sckjb', given);
  });
});

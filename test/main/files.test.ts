import * as nodeFs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { AtomicFs } from '../../src-main/atomic-write';
import { writeFileAtomic } from '../../src-main/atomic-write';
import { createFiles, type Dialogs } from '../../src-main/files';

const encode = (text: string) => new TextEncoder().encode(text);
const WINDOW = {} as BrowserWindow;

/** The real file system, with every call of an atomic write recorded in order. */
function recordingFs(calls: string[], failWrite = false): AtomicFs {
  return {
    open: (async (file: string, flags: string) => {
      calls.push(`open ${file} ${flags}`);
      const handle = await nodeFs.open(file, flags);
      if (!failWrite) return handle;
      return Object.assign(handle, { writeFile: async () => Promise.reject(new Error('disk full')) });
    }) as AtomicFs['open'],
    rename: async (from, to) => {
      calls.push(`rename ${String(from)} -> ${String(to)}`);
      return nodeFs.rename(from, to);
    },
    rm: async (file, options) => {
      calls.push(`rm ${String(file)}`);
      return nodeFs.rm(file, options);
    },
  };
}

function scriptedDialogs(answers: Partial<{ open: string[]; save: string; replace: boolean }>) {
  return {
    showMessageBox: vi.fn(async () => ({ response: answers.replace ? 0 : 1 })),
    showOpenDialog: vi.fn(async () =>
      answers.open ? { canceled: false, filePaths: answers.open } : { canceled: true, filePaths: [] },
    ),
    showSaveDialog: vi.fn(async () =>
      answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' },
    ),
  } satisfies Dialogs;
}

let dir: string;
let seedsDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'galley-files-'));
  seedsDir = path.join(dir, 'seeds');
  await mkdir(seedsDir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function files(dialogs: Dialogs, calls: string[] = []) {
  return createFiles({ dialogs, window: () => WINDOW, seedsDir, fs: recordingFs(calls) });
}

describe('writeFileAtomic', () => {
  it('should write a temporary file in the same folder and rename it over the target', async () => {
    const target = path.join(dir, 'page.txt');
    const calls: string[] = [];
    await writeFileAtomic(target, encode('新'), recordingFs(calls));

    expect(calls).toHaveLength(2);
    const [open, rename] = calls;
    const temporary = open.split(' ')[1];
    expect(path.dirname(temporary)).toBe(dir);
    expect(temporary).not.toBe(target);
    expect(open).toBe(`open ${temporary} wx`);
    expect(rename).toBe(`rename ${temporary} -> ${target}`);
    expect(await readFile(target, 'utf8')).toBe('新');
    expect(await readdir(dir)).toEqual(['page.txt', 'seeds']);
  });

  it('should write a file whose name is as long as a file system allows', async () => {
    const target = path.join(dir, `${'页'.repeat(83)}.txt`);
    await writeFileAtomic(target, encode('新'));
    expect(await readFile(target, 'utf8')).toBe('新');
  });

  it('should leave the old file intact and no temporary file behind when writing fails', async () => {
    const target = path.join(dir, 'page.txt');
    await writeFile(target, 'old');
    const calls: string[] = [];
    await expect(writeFileAtomic(target, encode('new'), recordingFs(calls, true))).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['page.txt', 'seeds']);
    expect(calls.some((call) => call.startsWith('rename'))).toBe(false);
    expect(calls.at(-1)).toMatch(/^rm /);
  });
});

describe('listSeeds', () => {
  it('should read every .txt seed, sorted, as bytes', async () => {
    await writeFile(path.join(seedsDir, 'b.txt'), '乙');
    await writeFile(path.join(seedsDir, 'a.txt'), '甲');
    await writeFile(path.join(seedsDir, 'README.md'), 'not a page');
    await mkdir(path.join(seedsDir, 'folder.txt'));
    const seeds = await files(scriptedDialogs({})).listSeeds();
    expect(seeds).toEqual([
      { name: 'a.txt', bytes: encode('甲') },
      { name: 'b.txt', bytes: encode('乙') },
    ]);
  });
});

describe('openFiles', () => {
  it('should ask for several .txt files and read those chosen', async () => {
    const chosen = [path.join(dir, 'one.txt'), path.join(dir, 'two.txt')];
    await writeFile(chosen[0], '一');
    await writeFile(chosen[1], '二');
    const dialogs = scriptedDialogs({ open: chosen });
    expect(await files(dialogs).openFiles()).toEqual([
      { name: 'one.txt', bytes: encode('一') },
      { name: 'two.txt', bytes: encode('二') },
    ]);
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith(
      WINDOW,
      expect.objectContaining({
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Pages and Galley documents', extensions: ['txt', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    );
  });

  it('should return nothing when the dialog is cancelled', async () => {
    expect(await files(scriptedDialogs({})).openFiles()).toEqual([]);
  });

  it('should refuse a file over the page limit by its size, unread, and a FIFO by name', async () => {
    const huge = path.join(dir, 'huge.txt');
    await writeFile(huge, '');
    await truncate(huge, 3 * 1024 ** 3);
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const good = path.join(dir, 'good.txt');
    await writeFile(good, '一');
    expect(await files(scriptedDialogs({ open: [huge, fifo, good] })).openFiles()).toEqual([
      {
        name: 'huge.txt',
        bytes: new Uint8Array(),
        refused: 'file is 3072.0 MB, larger than the 8.0 MB a page may be',
        refusal: { key: 'too-large', size: '3072.0 MB', limit: '8.0 MB' },
      },
      {
        name: 'pipe.txt',
        bytes: new Uint8Array(),
        refused: 'is not a regular file (a device, pipe or socket), so it is not read',
        refusal: { key: 'not-a-file' },
      },
      { name: 'good.txt', bytes: encode('一') },
    ]);
  });
});

describe('saveFiles', () => {
  it('should save a single file where the save dialog says, atomically', async () => {
    const target = path.join(dir, 'chosen-name.docx');
    const dialogs = scriptedDialogs({ save: target });
    const calls: string[] = [];
    const result = await files(dialogs, calls).saveFiles({
      suggestedName: 'page',
      files: [{ name: 'page.docx', data: encode('docx') }],
    });

    expect(result).toEqual({ saved: true, location: target, count: 1 });
    expect(await readFile(target, 'utf8')).toBe('docx');
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ defaultPath: 'page.docx' }));
    expect(calls.map((call) => call.split(' ')[0])).toEqual(['open', 'rename']);
  });

  it('should save several files into the folder the user picked, creating subfolders', async () => {
    const folder = path.join(dir, 'export');
    await mkdir(folder);
    const dialogs = scriptedDialogs({ open: [folder] });
    const calls: string[] = [];
    const result = await files(dialogs, calls).saveFiles({
      suggestedName: 'approved',
      files: [
        { name: 'a.txt', data: encode('A') },
        { name: 'pages/b.txt', data: encode('B') },
      ],
    });

    expect(result).toEqual({ saved: true, location: folder, count: 2 });
    expect(await readFile(path.join(folder, 'a.txt'), 'utf8')).toBe('A');
    expect(await readFile(path.join(folder, 'pages', 'b.txt'), 'utf8')).toBe('B');
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith(
      WINDOW,
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
    expect(calls.filter((call) => call.startsWith('rename'))).toHaveLength(2);
  });

  /** Saving `ok.txt` and `name` together is refused with `message` before any dialog opens or any byte is written. */
  async function expectRefusedBeforeAnything(name: string, message: string): Promise<void> {
    const dialogs = scriptedDialogs({ open: [dir], save: path.join(dir, 'x.txt') });
    const calls: string[] = [];
    const request = {
      suggestedName: 'x',
      files: [
        { name: 'ok.txt', data: encode('ok') },
        { name, data: encode('bad') },
      ],
    };
    await expect(files(dialogs, calls).saveFiles(request)).rejects.toThrow(message);
    expect(dialogs.showOpenDialog).not.toHaveBeenCalled();
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  }

  it.each(['../escape.txt', '/tmp/absolute.txt', 'a/../../escape.txt', 'C:\\evil.txt'])(
    'should refuse %j before any dialog or write',
    (name) => expectRefusedBeforeAnything(name, `refusing to save "${name}"`),
  );

  it.each(['CON', 'nul.txt', 'pages/COM1.txt', 'LPT9', 'page.', 'page. ', 'pages /a.txt', 'trailing ', 'conin$'])(
    'should refuse the Windows-unsafe name %j before any dialog or write',
    (name) => expectRefusedBeforeAnything(name, `refusing to save "${name}"`),
  );

  it('should refuse a name with a part over 255 UTF-8 bytes before any dialog or write', async () => {
    // 86 characters, well inside the IPC schema's length, but 262 bytes in UTF-8.
    const name = `pages/${'页'.repeat(84)}.txt`;
    await expectRefusedBeforeAnything(
      name,
      `refusing to save "${name}": a part of the name is 256 bytes, more than the 255 a file system allows in one name`,
    );
  });

  describe('into a folder', () => {
    let folder: string;
    let outside: string;
    beforeEach(async () => {
      folder = path.join(dir, 'export');
      outside = path.join(dir, 'outside');
      await mkdir(folder);
      await mkdir(outside);
    });
    const two = (second = 'b.txt') => ({
      suggestedName: 'x',
      files: [
        { name: 'a.txt', data: encode('A') },
        { name: second, data: encode('B') },
      ],
    });

    it('should refuse a link inside the folder that leads out of it, writing nothing', async () => {
      await symlink(outside, path.join(folder, '000_page'));
      const calls: string[] = [];
      await expect(files(scriptedDialogs({ open: [folder] }), calls).saveFiles(two('000_page/b.txt'))).rejects.toThrow(
        'refusing to save "000_page/b.txt"',
      );
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(folder)).toEqual(['000_page']);
      expect(calls).toEqual([]);
    });

    it('should refuse a file that is a link to one outside the folder', async () => {
      await writeFile(path.join(outside, 'target.txt'), 'keep');
      await symlink(path.join(outside, 'target.txt'), path.join(folder, 'b.txt'));
      await expect(files(scriptedDialogs({ open: [folder] })).saveFiles(two())).rejects.toThrow(
        'refusing to save "b.txt"',
      );
      expect(await readFile(path.join(outside, 'target.txt'), 'utf8')).toBe('keep');
    });

    it('should accept a folder reached through a link, and a link that stays inside it', async () => {
      await mkdir(path.join(folder, 'real'));
      await symlink(path.join(folder, 'real'), path.join(folder, 'alias'));
      const linked = path.join(dir, 'linked-export');
      await symlink(folder, linked);
      const result = await files(scriptedDialogs({ open: [linked] })).saveFiles(two('alias/b.txt'));
      expect(result).toEqual({ saved: true, location: folder, count: 2 });
      expect(await readFile(path.join(folder, 'real', 'b.txt'), 'utf8')).toBe('B');
    });

    it('should ask before replacing existing files, and change nothing when the user says no', async () => {
      await writeFile(path.join(folder, 'b.txt'), 'old');
      const dialogs = scriptedDialogs({ open: [folder], replace: false });
      expect(await files(dialogs).saveFiles(two())).toEqual({ saved: false });
      expect(dialogs.showMessageBox).toHaveBeenCalledWith(
        WINDOW,
        expect.objectContaining({ message: expect.stringContaining('1 of these files exist'), detail: 'b.txt' }),
      );
      expect(await readdir(folder)).toEqual(['b.txt']);
      expect(await readFile(path.join(folder, 'b.txt'), 'utf8')).toBe('old');
    });

    it('should replace them when the user agrees', async () => {
      await writeFile(path.join(folder, 'b.txt'), 'old');
      expect(await files(scriptedDialogs({ open: [folder], replace: true })).saveFiles(two())).toEqual({
        saved: true,
        location: folder,
        count: 2,
      });
      expect(await readFile(path.join(folder, 'b.txt'), 'utf8')).toBe('B');
      expect(await readdir(folder)).toEqual(['a.txt', 'b.txt']);
    });

    it('should refuse a path longer than the file system allows, writing nothing', async () => {
      // Each part fits in a name, but the folder (6 × 250 bytes) and the name (11 × 250) exceed 4,095 bytes.
      const part = (char: string) => char.repeat(83) + '_';
      const deep = path.join(folder, ...['甲', '乙', '丙', '丁', '戊', '己'].map(part));
      await mkdir(deep, { recursive: true });
      const name = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌'].map(part).join('/');
      const calls: string[] = [];
      await expect(files(scriptedDialogs({ open: [deep] }), calls).saveFiles(two(name))).rejects.toThrow(
        /^refusing to save "子+_\/.*": the path is \d+ bytes, more than the 4095 a file system allows$/,
      );
      expect(await readdir(deep)).toEqual([]);
      expect(calls).toEqual([]);
    });

    it('should write no file at all when the second of them cannot be written', async () => {
      const calls: string[] = [];
      const fine = recordingFs(calls);
      const broken = recordingFs(calls, true);
      let opened = 0;
      const secondFails: AtomicFs = {
        ...fine,
        open: ((...args: Parameters<AtomicFs['open']>) =>
          (++opened === 2 ? broken : fine).open(...args)) as AtomicFs['open'],
      };
      const failing = createFiles({
        dialogs: scriptedDialogs({ open: [folder] }),
        window: () => WINDOW,
        seedsDir,
        fs: secondFails,
      });
      await expect(failing.saveFiles(two())).rejects.toThrow('disk full');
      expect(await readdir(folder)).toEqual([]);
    });
  });

  it('should write nothing when a dialog is cancelled', async () => {
    const calls: string[] = [];
    const single = await files(scriptedDialogs({}), calls).saveFiles({
      suggestedName: 'x',
      files: [{ name: 'a.txt', data: encode('a') }],
    });
    const several = await files(scriptedDialogs({}), calls).saveFiles({
      suggestedName: 'x',
      files: [
        { name: 'a.txt', data: encode('a') },
        { name: 'b.txt', data: encode('b') },
      ],
    });
    expect([single, several]).toEqual([{ saved: false }, { saved: false }]);
    expect(calls).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appPaths } from '../../src-main/app-paths';

const ROOT = path.join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  // Loading app-builder-lib takes several seconds on a busy two-core machine.
  it("should pass electron-builder's own schema", { timeout: 60_000 }, async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('should build Galley for Linux, Windows and macOS', () => {
    expect(config).toMatchObject({ appId: 'org.galley.desktop', productName: 'Galley' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('should ship the bundled out/ folder inside an asar, without node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json', '!**/node_modules/**']);
  });

  it('should ship the seeds where the packaged main process reads them', () => {
    const packaged = appPaths('/app/out/main', true, '/resources');
    expect(config.extraResources).toEqual([
      { from: 'seeds', to: path.relative('/resources', packaged.seeds), filter: ['*.txt'] },
    ]);
  });

  it('should flip fuses in an afterPack hook that exists', () => {
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(path.join(ROOT, config.afterPack))).toBe(true);
  });

  it('should use a 512×512 PNG icon from build/', () => {
    const png = readFileSync(path.join(ROOT, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect([config.linux.icon, config.win.icon, config.mac.icon]).toEqual([
      'build/icon.png',
      'build/icon.png',
      'build/icon.png',
    ]);
  });
});

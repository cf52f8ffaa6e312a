import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, userDataOverride } from '../../src-main/app-paths';

describe('appPaths', () => {
  const mainDir = path.resolve('/repo/out/main');

  it('should find preload, renderer and the repository seeds next to the built main script', () => {
    expect(appPaths(mainDir, false, '/unused')).toEqual({
      preload: path.resolve('/repo/out/preload/preload.cjs'),
      renderer: path.resolve('/repo/out/renderer'),
      seeds: path.resolve('/repo/seeds'),
    });
  });

  it('should read seeds from the resources folder when packaged', () => {
    expect(appPaths(mainDir, true, path.resolve('/opt/Galley/resources')).seeds).toBe(
      path.resolve('/opt/Galley/resources/seeds'),
    );
  });
});

describe('userDataOverride', () => {
  const dir = path.resolve('/tmp/galley-profile');

  it('should use an absolute GALLEY_USER_DATA_DIR in unpackaged runs', () => {
    expect(userDataOverride(false, { GALLEY_USER_DATA_DIR: dir })).toBe(dir);
  });

  it.each([
    ['a packaged build', true, { GALLEY_USER_DATA_DIR: dir }],
    ['an unset variable', false, {}],
    ['an empty variable', false, { GALLEY_USER_DATA_DIR: '' }],
    ['a relative folder', false, { GALLEY_USER_DATA_DIR: 'profile' }],
  ])('should ignore it for %s', (_label, isPackaged, env) => {
    expect(userDataOverride(isPackaged, env)).toBeUndefined();
  });
});

/**
 * Where the built pieces live. `mainDir` is the directory of the bundled main script
 * (out/main). Seeds ship as electron-builder extraResources in packaged builds, and are read
 * from the repository's seeds/ folder otherwise.
 */
import path from 'node:path';

export interface AppPaths {
  preload: string;
  renderer: string;
  seeds: string;
}

export function appPaths(mainDir: string, isPackaged: boolean, resourcesPath: string): AppPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'preload.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
    seeds: isPackaged ? path.join(resourcesPath, 'seeds') : path.join(mainDir, '..', '..', 'seeds'),
  };
}

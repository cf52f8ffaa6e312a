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

/**
 * A throwaway profile folder for unpackaged runs (the Electron smoke test, a second dev instance),
 * so they never touch the user's real library. Packaged builds ignore it: an environment variable
 * must not be able to point the app at someone else's data.
 */
export function userDataOverride(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  const dir = env['GALLEY_USER_DATA_DIR'];
  return !isPackaged && dir && path.isAbsolute(dir) ? dir : undefined;
}

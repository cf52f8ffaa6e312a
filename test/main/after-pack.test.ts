import { createRequire } from 'node:module';
import path from 'node:path';
import * as fuses from '@electron/fuses';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';

interface PackContext {
  electronPlatformName: string;
  arch: number;
  appOutDir: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

interface AfterPackModule {
  flipGalleyFuses(context: PackContext, fusesModule: typeof fuses): Promise<void>;
  electronBinaryPath(context: PackContext): string;
}

const hook = createRequire(import.meta.url)('../../build/after-pack.cjs') as AfterPackModule;
const ARCH_X64 = 1;
const ARCH_ARM64 = 3;

function context(electronPlatformName: string, arch = ARCH_X64): PackContext {
  return {
    electronPlatformName,
    arch,
    appOutDir: path.resolve('/dist/unpacked'),
    packager: { executableName: 'galley', appInfo: { productFilename: 'Galley' } },
  };
}

async function flipped(pack: PackContext) {
  const flipFuses = vi.fn(async () => 0);
  await hook.flipGalleyFuses(pack, { ...fuses, flipFuses });
  expect(flipFuses).toHaveBeenCalledTimes(1);
  return flipFuses.mock.calls[0] as unknown as [string, Record<string | number, unknown>];
}

describe('afterPack fuses', () => {
  it('should flip exactly the seven fuses Galley ships with', async () => {
    const [, config] = await flipped(context('linux'));
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      // The renderer is served from app:// only, so file:// needs no extra privileges.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(config).not.toHaveProperty(String(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot));
  });

  it.each([
    ['linux', 'galley'],
    ['win32', 'Galley.exe'],
    ['darwin', 'Galley.app'],
    ['mas', 'Galley.app'],
  ])('should find the %s executable as %s', async (platform, file) => {
    const [binary] = await flipped(context(platform));
    expect(binary).toBe(path.join(path.resolve('/dist/unpacked'), file));
  });

  it('should reset the ad-hoc signature on Apple silicon only', async () => {
    expect((await flipped(context('darwin', ARCH_ARM64)))[1].resetAdHocDarwinSignature).toBe(true);
    expect((await flipped(context('darwin', ARCH_X64)))[1].resetAdHocDarwinSignature).toBe(false);
  });

  it('should fail loudly on a platform it does not know', () => {
    expect(() => hook.electronBinaryPath(context('aix'))).toThrow('after-pack: unknown platform aix');
  });
});

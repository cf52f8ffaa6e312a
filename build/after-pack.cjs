// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// Fuses are compiled-in switches that no flag or environment variable can turn back on, so a
// shipped Galley can't be reused as a general Node runtime or have code injected at start-up.
// Note: embedded asar integrity is enforced on macOS and Windows; Linux ignores that fuse.
const path = require('node:path');

/** builder-util's Arch enum value for arm64. */
const ARCH_ARM64 = 3;

const EXECUTABLE_EXTENSIONS = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' };

/** The fuse settings Galley ships with, keyed by @electron/fuses' FuseV1Options. */
function galleyFuses({ FuseVersion, FuseV1Options }, context) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks an ad-hoc signature; Apple silicon refuses unsigned binaries.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARCH_ARM64,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    // The renderer is served from app:// (src-main/protocol.ts), never file://, so a file:// page
    // must not get the extra privileges Electron grants it by default.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Where the packaged Electron executable is, named the way electron-builder names it. */
function electronBinaryPath(context) {
  const extension = EXECUTABLE_EXTENSIONS[context.electronPlatformName];
  if (extension === undefined) throw new Error(`after-pack: unknown platform ${context.electronPlatformName}`);
  const name =
    context.electronPlatformName === 'linux'
      ? context.packager.executableName
      : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${extension}`);
}

async function flipGalleyFuses(context, fuses) {
  await fuses.flipFuses(electronBinaryPath(context), galleyFuses(fuses, context));
}

module.exports = async function afterPack(context) {
  await flipGalleyFuses(context, require('@electron/fuses'));
};
module.exports.flipGalleyFuses = flipGalleyFuses;
module.exports.electronBinaryPath = electronBinaryPath;

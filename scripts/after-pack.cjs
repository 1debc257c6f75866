// electron-builder's afterPack hook: turns off the Electron features an attacker with local
// access would use to run code as the app, and makes Electron trust only the packed app.asar.
const { join } = require('node:path')

/** The fuse settings the app ships with. Asar integrity is supported on macOS and Windows. */
function fuseConfig(platform, { FuseVersion, FuseV1Options }) {
  const integrity = platform === 'darwin' || platform === 'win32'
  return {
    version: FuseVersion.V1,
    // macOS: re-sign ad hoc after flipping, so an unsigned build still launches on Apple silicon.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: integrity,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
  }
}

/** The packaged Electron executable inside electron-builder's output folder. */
function executablePath(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

async function afterPack(context) {
  const fuses = await import('@electron/fuses')
  await fuses.flipFuses(executablePath(context), fuseConfig(context.electronPlatformName, fuses))
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.fuseConfig = fuseConfig
module.exports.executablePath = executablePath

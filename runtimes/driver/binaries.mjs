// Finds the runtime binaries that the `bun`, `deno` and `workerd` packages bring in their platform packages
// (`@oven/bun-linux-x64`, `@deno/linux-x64-glibc`, `@cloudflare/workerd-linux-64`…). The wrappers' install
// scripts, which would copy or fetch that same binary, are not run (see pnpm-workspace.yaml): we start the
// platform package's binary ourselves.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** Where each wrapper's platform packages keep the binary. */
const BINARY_IN_PACKAGE = { bun: 'bin/bun', deno: 'deno', workerd: 'bin/workerd' }

/** `{ path, version }` of the binary of `wrapper` for this machine; throws naming what is missing. */
export function platformBinary(wrapper) {
  const manifestPath = require.resolve(`${wrapper}/package.json`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  // The platform packages are the wrapper's optional dependencies; the package manager installs only this
  // machine's, beside the wrapper.
  const fromWrapper = createRequire(manifestPath)
  for (const name of Object.keys(manifest.optionalDependencies ?? {})) {
    let platformManifest
    try {
      platformManifest = fromWrapper.resolve(`${name}/package.json`)
    } catch {
      continue
    }
    const path = join(dirname(platformManifest), BINARY_IN_PACKAGE[wrapper])
    if (existsSync(path)) return { path, version: manifest.version, platformPackage: name }
  }
  throw new Error(`${wrapper} ${manifest.version} has no binary for ${process.platform}-${process.arch} installed`)
}
